package org.illflow.support;

import java.time.Duration;
import java.util.Date;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.illflow.notification.EmbeddedMailServer;
import org.springframework.core.env.Environment;

/** What tests need around the engine: run due jobs as the job executor would, move the clock, read the mail. */
public class TestSupport {

    private final ManagementService managementService;
    private final EmbeddedMailServer mail;
    private final Environment environment;

    public TestSupport(ManagementService managementService, EmbeddedMailServer mail, Environment environment) {
        this.managementService = managementService;
        this.mail = mail;
        this.environment = environment;
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
