package org.illflow.notification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of the outbox: one per (what it is about, kind of notice). */
@Entity
@Table(name = "notice")
public class NoticeRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "subject_key", nullable = false, length = 100)
    private String subjectKey;

    @Column(nullable = false, length = 50)
    private String kind;

    @Column(nullable = false, length = 2000)
    private String recipient;

    @Column(nullable = false, length = 5)
    private String language;

    @Column(name = "mail_subject", nullable = false, length = 300)
    private String mailSubject;

    @Column(name = "message_id", length = 300)
    private String messageId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private NoticeStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected NoticeRecord() {
    }

    NoticeRecord(String subjectKey, String kind, Instant createdAt) {
        this.subjectKey = subjectKey;
        this.kind = kind;
        this.createdAt = createdAt;
        this.status = NoticeStatus.PENDING;
    }

    void prepare(String recipient, String language, String mailSubject) {
        this.recipient = recipient;
        this.language = language;
        this.mailSubject = mailSubject;
        this.attempts++;
    }

    /**
     * The Message-ID the notice is sent with, chosen once, before the first attempt, and kept: a notice sent again
     * after a crash (between the SMTP answer and recording it) carries the same Message-ID, so mail clients show
     * it once.
     */
    void assignMessageIdIfNone(java.util.function.Supplier<String> newMessageId) {
        if (this.messageId == null) {
            this.messageId = newMessageId.get();
        }
    }

    void sent(Instant at) {
        this.status = NoticeStatus.SENT;
        this.sentAt = at;
        this.lastError = null;
    }

    void failed(String error) {
        this.status = NoticeStatus.FAILED;
        this.lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
    }

    public Long getId() {
        return id;
    }

    public String getSubjectKey() {
        return subjectKey;
    }

    public String getKind() {
        return kind;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getLanguage() {
        return language;
    }

    public String getMailSubject() {
        return mailSubject;
    }

    public String getMessageId() {
        return messageId;
    }

    public NoticeStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
