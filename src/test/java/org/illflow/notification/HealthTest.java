package org.illflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.illflow.support.IllflowTest;
import org.illflow.support.TestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.actuate.availability.ReadinessStateHealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * {@code /actuator/health} says whether illflow can serve: a mail outage shows as the {@code mail} component's
 * UNAVAILABLE but leaves the whole UP (notices wait and are retried), and readiness is part of it, so the whole is
 * not UP before every start-up runner (identities, demo data) has finished.
 */
@IllflowTest
class HealthTest {

    @Autowired TestSupport support;
    @Autowired JavaMailSenderImpl mailSender;

    @Test
    void aMailOutageIsShownButDoesNotTakeTheServiceDown() {
        int port = mailSender.getPort();
        HttpResponse<String> reachable = support.client().get("/actuator/health");
        mailSender.setPort(NotificationServiceTest.closedPort());
        HttpResponse<String> outage;
        try {
            outage = support.client().get("/actuator/health");
        } finally {
            mailSender.setPort(port);
        }

        assertThat(reachable.statusCode()).isEqualTo(200);
        assertThat(reachable.body()).startsWith("{\"status\":\"UP\"").contains("\"mail\":{\"status\":\"UP\"}")
                .contains("\"readinessState\":{\"status\":\"UP\"}").contains("\"db\":{\"status\":\"UP\"}");
        assertThat(outage.statusCode()).isEqualTo(200);
        assertThat(outage.body()).startsWith("{\"status\":\"UP\"").contains("\"mail\":{\"description\":\"notices wait in the outbox and are retried\","
                + "\"status\":\"UNAVAILABLE\"}");
    }

    @Test
    void readinessIsOutOfServiceUntilTheApplicationIsReady() {
        StaticApplicationContext context = new StaticApplicationContext();
        ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
        context.addApplicationListener(availability);
        context.refresh();
        ReadinessStateHealthIndicator readiness = new ReadinessStateHealthIndicator(availability);

        // until Spring Boot publishes readiness, after every ApplicationRunner (IdentitySetup, DemoData …) ran
        assertThat(readiness.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
    }
}
