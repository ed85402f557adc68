package org.illflow.notification;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How notice jobs retry when the mail server is away, so that an outage of hours needs nobody.
 * <ul>
 * <li>Every mail task of every model uses {@code camunda:failedJobRetryTimeCycle} {@code ${noticeRetry.cycle}}:
 * a list of growing intervals ({@code illflow.mail.retry-intervals}), by default 5, 10, 20, 40 minutes, 1 and 2
 * hours, then every 4 hours: more than 28 hours of tries before the last failure becomes an incident in
 * Cockpit.</li>
 * <li>While notices wait for their next try, {@link #redeliverWhenSmtpIsBack} asks the SMTP server every minute
 * whether it answers again; once it does, the waiting notice jobs are made due at once, oldest first (the job
 * executor acquires by due date), so everything goes out promptly and in the order it was written, each once
 * (the outbox skips what was sent).</li>
 * </ul>
 */
@Component("noticeRetry")
public class NoticeRetry {

    private static final Logger LOG = LoggerFactory.getLogger(NoticeRetry.class);

    /** What {@link NotificationService} says when SMTP fails; it marks the jobs of notices waiting to be sent. */
    static final String NOT_SENT_MARK = "could not be sent";

    private final String cycle;
    private final ManagementService managementService;
    private final NoticeRepository notices;
    private final SmtpProbe smtp;
    private final boolean jobExecution;
    private final Clock clock;

    NoticeRetry(@Value("${illflow.mail.retry-intervals}") String cycle, ManagementService managementService,
            NoticeRepository notices, SmtpProbe smtp,
            @Value("${camunda.bpm.job-execution.enabled:true}") boolean jobExecution, Clock clock) {
        this.cycle = cycle;
        this.managementService = managementService;
        this.notices = notices;
        this.smtp = smtp;
        this.jobExecution = jobExecution;
        this.clock = clock;
    }

    /** The retry cycle of mail tasks, read by the engine when a notice job fails. */
    public String getCycle() {
        return cycle;
    }

    /** Total time the cycle keeps trying (the sum of its intervals). */
    public Duration span() {
        Duration total = Duration.ZERO;
        for (String interval : cycle.split(",")) {
            total = total.plus(Duration.parse(interval.trim()));
        }
        return total;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${illflow.mail.redelivery-check:PT1M}")
    void redeliverWhenSmtpIsBack() {
        if (!jobExecution || notices.countByStatus(NoticeStatus.FAILED) == 0 || !smtp.answers()) {
            return;
        }
        int due = pullWaitingNoticesForward();
        if (due > 0) {
            LOG.info("The mail server answers again: {} waiting notices are due now, oldest first", due);
        }
    }

    /**
     * Makes every notice job that failed and waits for its next try due now, in the order the jobs were created;
     * returns how many. Another node doing the same at the same moment is harmless (its change wins).
     */
    public int pullWaitingNoticesForward() {
        long now = clock.millis();
        List<Job> waiting = managementService.createJobQuery().withException().withRetriesLeft().list().stream()
                .filter(job -> job.getExceptionMessage() != null && job.getExceptionMessage().contains(NOT_SENT_MARK))
                .filter(job -> job.getDuedate() != null && job.getDuedate().getTime() > now)
                .sorted(Comparator.comparing(Job::getCreateTime).thenComparing(Job::getId))
                .toList();
        int moved = 0;
        for (int i = 0; i < waiting.size(); i++) {
            Job job = waiting.get(i);
            try {
                // due now, a millisecond apart, so acquisition by due date keeps the order
                managementService.setJobDuedate(job.getId(), new Date(now - waiting.size() + i));
                moved++;
            } catch (OptimisticLockingException takenMeanwhile) {
                // another node or the job executor changed it meanwhile
            }
        }
        return moved;
    }
}
