package org.illflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The production profile's decisions, read from the file a library deploys (application-postgres.yml on top of
 * application.yml): Camunda's schema only checked, no Flyway baseline that could skip V1, secure cookies, the
 * TLS proxy's forwarded headers honoured, and connection pool and job executor sized together.
 */
class ProductionProfileTest {

    private static Properties load(String file) {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource(file));
        return yaml.getObject();
    }

    @Test
    void thePostgresProfileManagesSchemasDeliberatelyAndCookiesSecurely() {
        Properties postgres = load("application-postgres.yml");

        assertThat(postgres.getProperty("camunda.bpm.database.schema-update"))
                .isEqualTo("${ILLFLOW_CAMUNDA_SCHEMA_UPDATE:false}");
        assertThat(postgres.getProperty("spring.flyway.baseline-on-migrate")).isEqualTo("false");
        assertThat(postgres.getProperty("server.servlet.session.cookie.secure")).isEqualTo("true");
        assertThat(postgres.getProperty("camunda.bpm.webapp.csrf.enable-secure-cookie")).isEqualTo("true");
        assertThat(postgres.getProperty("server.forward-headers-strategy")).isEqualTo("native");
    }

    @Test
    void everyNoticeJobFindsItsTwoConnectionsInThePool() {
        Properties defaults = load("application.yml");
        int jobThreads = Integer.parseInt(defaults.getProperty("camunda.bpm.job-execution.max-pool-size"));
        int pool = Integer.parseInt(defaults.getProperty("spring.datasource.hikari.maximum-pool-size"));

        // a notice job holds its own connection and the outbox's; the acquisition thread one more; and the rest
        // must still serve web requests
        assertThat(pool).isGreaterThanOrEqualTo(2 * jobThreads + 1 + 8);
        assertThat(defaults.getProperty("spring.flyway.baseline-version")).isEqualTo("0");
        assertThat(defaults.getProperty("spring.datasource.url")).contains(";WRITE_DELAY=0");
    }
}
