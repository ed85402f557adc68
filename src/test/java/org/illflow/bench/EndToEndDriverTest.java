package org.illflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.illflow.delivery.DeliveryStatus;
import org.illflow.support.IllflowTest;
import org.illflow.support.MailText;
import org.illflow.support.TestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark's drivers with a tiny load, so they cannot rot: correctness only, no timings asserted. Five
 * requests go end to end through illflow's HTTP interfaces (the test runs the notice jobs, since the test
 * application keeps its job executor off), and five through the engine skeleton on its own in-memory database.
 */
@IllflowTest
class EndToEndDriverTest {

    private static final IllflowDriver.Account ADMIN = new IllflowDriver.Account("admin", "admin2026");

    @Autowired Environment environment;
    @Autowired TestSupport support;
    @Autowired JdbcTemplate jdbc;

    @Test
    void fiveRequestsGoEndToEndThroughTheHttpInterfaces() {
        Timings timings = new Timings();
        IllflowDriver driver = new IllflowDriver("http://localhost:" + environment.getProperty("local.server.port"),
                new IllflowDriver.Account("ddstaff", "staff2026"),
                List.of(new IllflowDriver.Account("2024110001", "reader2026"),
                        new IllflowDriver.Account("2025120002", "reader2026")), timings, "test",
                this::runDueJobs).logInPatrons();
        support.purgeMail();

        timings.run(2, 5, driver::pipeline);
        driver.drainJobs(ADMIN, this::runDueJobs, 60);

        assertThat(timings.firstErrors()).isEmpty();
        assertThat(timings.errors()).isZero();
        List<String> numbers = driver.requestNumbers();
        assertThat(numbers).hasSize(5).doesNotHaveDuplicates();
        for (String number : numbers) {
            assertThat(jdbc.queryForObject("select status from document_delivery_request where request_number = ?",
                    String.class, number)).isEqualTo(DeliveryStatus.DELIVERED.name());
            assertThat(jdbc.queryForObject("select count(*) from notice where subject_key = ? and status = 'SENT'"
                    + " and kind = 'DD_DELIVERED'", Integer.class, number)).as("delivered notice of %s", number)
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from notice where subject_key = ? and status = 'SENT'"
                    + " and kind = 'DD_RECEIVED'", Integer.class, number)).as("receipt of %s", number).isEqualTo(1);
        }
        // the mail sink is shared with the other test classes (and their leftover jobs ran too): count ours
        for (String number : numbers) {
            assertThat(support.mails()).filteredOn(m -> MailText.body(m).contains(number) && !MailText.isReceipt(m))
                    .as("mail about %s", number).hasSize(1);
        }
        for (String step : List.of("patron: submit (POST /api/dd-requests)", "order: task query", "order: claim",
                "order: form variables", "order: order sheet (archive lookup)", "order: submit form",
                "receive: task query", "receive: claim", "receive: form variables", "receive: upload PDF",
                "receive: submit form", "patron: My requests", "patron: request page")) {
            assertThat(timings.count(step)).as(step).isEqualTo(5);
        }
        assertThat(timings.count("patron: log in")).isEqualTo(2);

        // the benchmark's request desk round answers 200 for every search and a request's page
        Timings desk = new Timings();
        IllflowDriver.deskRound(new WebSession("http://localhost:" + environment.getProperty("local.server.port"))
                .login("ddstaff", "staff2026"), numbers.get(0), "2024110001", desk);
        assertThat(desk.firstErrors()).isEmpty();
        assertThat(desk.steps()).containsExactlyInAnyOrderElementsOf(IllflowDriver.deskSteps());
        IllflowDriver.deskSteps().forEach(step -> assertThat(desk.count(step)).as(step).isEqualTo(1));
    }

    /** One client thread at a time runs the due jobs, as one job executor would (two would run the same job twice). */
    private synchronized void runDueJobs() {
        support.executeDueJobs();
    }

    @Test
    void fiveRequestsGoThroughTheEngineSkeleton() {
        Timings timings = new Timings();
        try (EngineSkeleton skeleton = new EngineSkeleton("skeleton-test",
                "jdbc:h2:mem:skeleton-test;DB_CLOSE_DELAY=-1", "sa", "", true)) {
            timings.run(2, 5, i -> skeleton.pipeline(i, "test", timings));
            skeleton.drainJobs(60);

            assertThat(timings.firstErrors()).isEmpty();
            assertThat(skeleton.finishedInstances()).isEqualTo(5);
            assertThat(skeleton.engine().getHistoryService().createHistoricActivityInstanceQuery()
                    .activityId("Task_NotifyDelivered").finished().count()).isEqualTo(5);
            assertThat(timings.count("receive: submit form")).isEqualTo(5);
        }
    }
}
