package org.illflow.support;

import java.time.Duration;
import java.util.Date;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.illflow.notification.EmbeddedMailServer;
import org.springframework.core.env.Environment;

/** What tests need around the engine: run due jobs as the job executor would, move the clock, read the mail. */
public class TestSupport {

    private final ManagementService managementService;
    private final RuntimeService runtimeService;
    private final EmbeddedMailServer mail;
    private final Environment environment;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    /**
     * The library's copyright rule starts switched on (warn at the 5th copy of a journal in a year, limit 5): the
     * suite's many deliveries from the same few test journals would trip it in tests about other things, so the
     * tests start with it off; the tests of copyright control switch it on ({@link #copyrightControl}) and off again.
     */
    public TestSupport(ManagementService managementService, RuntimeService runtimeService, EmbeddedMailServer mail,
            Environment environment, org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.managementService = managementService;
        this.runtimeService = runtimeService;
        this.mail = mail;
        this.environment = environment;
        this.jdbc = jdbc;
        copyrightControl(false);
    }

    /** Switches the library's copyright rule on (warn at 5, limit 5, last 5 years, admin approval) or off. */
    public void copyrightControl(boolean on) {
        jdbc.update("update copyright_rule set enabled = ?, warn_at = 5, copy_limit = 5, recent_years = 5,"
                + " over_limit = 'APPROVAL' where id = 1", on);
    }

    /** Executes every job that is due now, including jobs created by those, as the job executor would. */
    public int executeDueJobs() {
        int executed = 0;
        for (int round = 0; round < 100; round++) {
            List<Job> due = managementService.createJobQuery().executable().list();
            if (due.isEmpty()) {
                return executed;
            }
            for (Job job : due) {
                managementService.executeJob(job.getId());
                executed++;
            }
        }
        throw new IllegalStateException("jobs keep creating jobs: more than 100 rounds");
    }

    /**
     * Runs the save point after a submission (the asynchronous continuation after the request is recorded and the
     * patron verified), as the job executor would a moment after the patron's call returned: that job and the
     * "request received" mail that follows it at once (Task_ConfirmReceipt, whose job goes on with the checks).
     * The jobs it leads to (other notices) stay for the test to run. Returns how many were run (0 when the
     * instance never reached a save point, e.g. an inactive patron's request).
     */
    /** The "request received" mail, the first step after the save point in both lifecycles. */
    private static final String RECEIPT_TASK = "Task_ConfirmReceipt";

    public int passSavePoint(String businessKey) {
        int executed = 0;
        for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey).list()) {
            executed += passSavePointOf(instance.getId());
        }
        return executed;
    }

    /** {@link #passSavePoint(String)} for one process instance, e.g. one staff started from Tasklist. */
    public int passSavePointOf(String processInstanceId) {
        int executed = 0;
        for (Job job : managementService.createJobQuery().processInstanceId(processInstanceId).executable().list()) {
            JobDefinition definition = managementService.createJobDefinitionQuery()
                    .jobDefinitionId(job.getJobDefinitionId()).singleResult();
            if (definition != null && "async-after".equals(definition.getJobConfiguration())) {
                managementService.executeJob(job.getId());
                executed++;
            }
        }
        for (Job receipt : managementService.createJobQuery().processInstanceId(processInstanceId)
                .activityId(RECEIPT_TASK).executable().list()) {
            managementService.executeJob(receipt.getId());
            executed++;
        }
        return executed;
    }

    /** Moves the engine clock (and so the platform's) forward; never sleeps. */
    public void moveClock(Duration by) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + by.toMillis()));
    }

    public void resetClock() {
        ClockUtil.reset();
    }

    public List<MimeMessage> mails() {
        return mail.receivedMessages();
    }

    public void purgeMail() {
        mail.purge();
    }

    public EmbeddedMailServer mailServer() {
        return mail;
    }

    public PortalClient client() {
        return new PortalClient("http://localhost:" + environment.getProperty("local.server.port"));
    }
}
