package org.illflow.ops;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Spring properties the operational checks give a node. Everything else is what a library deploys:
 * the embedded default (H2 in the data folder) or the {@code postgres} profile.
 */
final class NodeSettings {

    /** A fixed credential key for the checks (base64 of 32 bytes); every node of a cluster needs the same one. */
    static final String CHECK_CREDENTIAL_KEY = "b3BzLWNoZWNrLWNyZWRlbnRpYWwta2V5LTMyLWJ5dGU=";

    private NodeSettings() {
    }

    /**
     * @param postgresUrl null for the embedded default (H2 under {@code dataDir})
     */
    static Map<String, String> of(Path dataDir, int smtpPort, String postgresUrl) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("illflow.data-dir", dataDir.toAbsolutePath().toString());
        // notices go to the check's own SMTP sink, which outlives the nodes it counts mails for
        p.put("illflow.mail.embedded.enabled", "false");
        p.put("spring.mail.host", "127.0.0.1");
        p.put("spring.mail.port", String.valueOf(smtpPort));
        // jobs a killed node had locked are taken over after this (production keeps the longer default)
        p.put("camunda.bpm.job-execution.lock-time-in-millis", "20000");
        p.put("logging.level.org.camunda.bpm.engine.jobexecutor", "WARN");
        if (postgresUrl != null) {
            p.put("spring.profiles.active", "postgres");
            p.put("spring.datasource.url", postgresUrl);
            p.put("spring.datasource.username", "postgres");
            p.put("spring.datasource.password", "");
            // the checks log in as the demo patrons and staff, on PostgreSQL too
            p.put("illflow.demo-data.enabled", "true");
            // first install (Camunda creates its tables); a check sets it back to the production "false" afterwards
            p.put("camunda.bpm.database.schema-update", "true");
            p.put("illflow.supplier.credential-key", CHECK_CREDENTIAL_KEY);
            // the checks speak plain HTTP on the loopback interface; production sits behind TLS
            p.put("server.servlet.session.cookie.secure", "false");
            p.put("camunda.bpm.webapp.csrf.enable-secure-cookie", "false");
        }
        return p;
    }
}
