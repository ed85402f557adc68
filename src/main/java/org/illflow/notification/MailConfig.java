package org.illflow.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The embedded SMTP sink, and the schedule that re-sends waiting notices once the mail server answers again. */
@Configuration
@EnableScheduling
class MailConfig {

    /** Static: it post-processes the mail sender, so it must exist before other beans. */
    @Bean
    @ConditionalOnProperty(name = "illflow.mail.embedded.enabled", havingValue = "true")
    static EmbeddedMailServer embeddedMailServer(Environment environment) {
        return new EmbeddedMailServer(environment.getProperty("illflow.mail.embedded.port", Integer.class, 3025));
    }
}
