package org.illflow.notification;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one mail sender of the platform. Every notice is recorded in the outbox under a unique
 * (subject key, kind); a notice already sent is never sent again, so a retried job cannot mail twice.
 * <p>
 * The outbox row is written and marked sent in transactions of their own: if the job that sends a notice
 * rolls back after the mail went out, the row still says SENT and the retry skips it. If SMTP fails, the
 * row says FAILED with the error and the exception goes to the engine, which retries the job and finally
 * raises an incident in Cockpit.
 */
@Service
public class NotificationService {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationService.class);

    private final NoticeRepository notices;
    private final MailRenderer renderer;
    private final JavaMailSender mailSender;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final String from;

    NotificationService(NoticeRepository notices, MailRenderer renderer, JavaMailSender mailSender,
            PlatformTransactionManager transactionManager, Clock clock, @Value("${illflow.mail.from}") String from) {
        this.notices = notices;
        this.renderer = renderer;
        this.mailSender = mailSender;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.from = from;
    }

    /**
     * Sends the notice once. The composer runs only when the notice has not been sent yet (it may issue
     * one-time codes, which must not be issued for a notice that is then skipped).
     *
     * @param subjectKey what the notice is about, e.g. "patron:42" or a request number
     * @param kind       the kind of notice, e.g. "REGISTRATION_APPROVED"
     * @return true when a mail was sent now, false when it had been sent before
     */
    public boolean sendOnce(String subjectKey, String kind, Supplier<Notice> composer) {
        Prepared prepared = ownTransaction.execute(status -> prepare(subjectKey, kind, composer));
        if (prepared == null) {
            LOG.debug("notice {} for {} was sent before; not sending again", kind, subjectKey);
            return false;
        }
        try {
            MimeMessage message = mailSender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(prepared.notice().recipients().toArray(String[]::new));
            helper.setSubject(prepared.mail().subject());
            helper.setText(prepared.mail().html(), true);
            mailSender.send(message);
            String messageId = message.getMessageID();
            ownTransaction.executeWithoutResult(status -> notices.findById(prepared.recordId())
                    .ifPresent(record -> record.sent(messageId, clock.instant())));
            return true;
        } catch (MailException | MessagingException e) {
            ownTransaction.executeWithoutResult(status -> notices.findById(prepared.recordId())
                    .ifPresent(record -> record.failed(e.getMessage())));
            throw new NoticeNotSentException("notice " + kind + " for " + subjectKey + " could not be sent", e);
        }
    }

    private Prepared prepare(String subjectKey, String kind, Supplier<Notice> composer) {
        NoticeRecord record = notices.findBySubjectKeyAndKind(subjectKey, kind)
                .orElseGet(() -> new NoticeRecord(subjectKey, kind, clock.instant()));
        if (record.getStatus() == NoticeStatus.SENT) {
            return null;
        }
        Notice notice = composer.get();
        RenderedMail mail = renderer.render(notice);
        record.prepare(String.join(", ", notice.recipients()), notice.language(), mail.subject());
        record = notices.saveAndFlush(record);
        return new Prepared(record.getId(), notice, mail);
    }

    public List<NoticeRecord> newest(int limit) {
        return notices.findAllByOrderByCreatedAtDescIdDesc(PageRequest.of(0, limit));
    }

    public List<NoticeRecord> about(String subjectKey) {
        return notices.findBySubjectKeyOrderByCreatedAtAscIdAsc(subjectKey);
    }

    public java.util.Optional<NoticeRecord> byId(long id) {
        return notices.findById(id);
    }

    private record Prepared(Long recordId, Notice notice, RenderedMail mail) {
    }
}
