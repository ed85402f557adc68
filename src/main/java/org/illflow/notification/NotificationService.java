package org.illflow.notification;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
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
 * The outbox row is written, with the Message-ID the mail will carry, before the mail is handed to the SMTP
 * server, and marked sent right after, in transactions of their own: if the job that sends a notice rolls back
 * after the mail went out, the row still says SENT and the retry skips it. Only a crash between the SMTP
 * server's answer and that short commit sends a notice twice, and then with the same Message-ID, which mail
 * clients show once. If SMTP fails, the row says FAILED with the error and the exception goes to the engine,
 * which retries the job with back-off for more than a day ({@link NoticeRetry}) and only then raises an
 * incident in Cockpit.
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
    private final String messageIdDomain;

    NotificationService(NoticeRepository notices, MailRenderer renderer, JavaMailSender mailSender,
            PlatformTransactionManager transactionManager, Clock clock, @Value("${illflow.mail.from}") String from) {
        this.notices = notices;
        this.renderer = renderer;
        this.mailSender = mailSender;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.from = from;
        this.messageIdDomain = domainOf(from);
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
            // the recorded Message-ID, also on a resend (JavaMailSenderImpl keeps an explicitly set one)
            message.setHeader("Message-ID", prepared.messageId());
            mailSender.send(message);
        } catch (MailException | MessagingException e) {
            ownTransaction.executeWithoutResult(status -> notices.findById(prepared.recordId())
                    .ifPresent(record -> record.failed(e.getMessage())));
            throw new NoticeNotSentException("notice " + kind + " for " + subjectKey + " could not be sent", e);
        }
        // the mail is out: record that at once, in a short transaction of its own, whatever the job does next
        ownTransaction.executeWithoutResult(status -> notices.findById(prepared.recordId())
                .ifPresent(record -> record.sent(clock.instant())));
        return true;
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
        record.assignMessageIdIfNone(this::newMessageId);
        record = notices.saveAndFlush(record);
        return new Prepared(record.getId(), record.getMessageId(), notice, mail);
    }

    /** A globally unique Message-ID in the sender's domain (RFC 5322 section 3.6.4). */
    private String newMessageId() {
        return "<illflow." + UUID.randomUUID() + "@" + messageIdDomain + ">";
    }

    static String domainOf(String from) {
        try {
            String address = new InternetAddress(from).getAddress();
            int at = address == null ? -1 : address.lastIndexOf('@');
            return at < 0 ? "illflow.localhost" : address.substring(at + 1);
        } catch (AddressException e) {
            return "illflow.localhost";
        }
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

    private record Prepared(Long recordId, String messageId, Notice notice, RenderedMail mail) {
    }
}
