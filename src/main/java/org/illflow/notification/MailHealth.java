package org.illflow.notification;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The {@code mail} component of {@code /actuator/health}, in place of Spring's own mail check (switched off with
 * {@code management.health.mail.enabled: false}), which turns the whole health DOWN while the SMTP server is away.
 * illflow serves every request during a mail outage (notices wait in the outbox and are retried), so an
 * unreachable mail server shows as {@code UNAVAILABLE}: a status the health aggregation does not order, hence
 * one that never changes the overall status a load balancer probes.
 */
@Component("mailHealthIndicator")
class MailHealth extends AbstractHealthIndicator {

    static final Status UNAVAILABLE = new Status("UNAVAILABLE", "notices wait in the outbox and are retried");

    private final SmtpProbe smtp;

    MailHealth(SmtpProbe smtp) {
        super("mail health check failed");
        this.smtp = smtp;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.status(smtp.answers() ? Status.UP : UNAVAILABLE);
    }
}
