package org.illflow.patron;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A reader of the library registered for the service. The card number is also the login name. */
@Entity
@Table(name = "patron")
public class Patron {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "card_number", nullable = false, length = 20)
    private String cardNumber;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(nullable = false, length = 30)
    private String phone;

    @Enumerated(EnumType.STRING)
    @Column(name = "patron_type", nullable = false, length = 20)
    private PatronType patronType;

    @Column(nullable = false, length = 100)
    private String college;

    @Column(nullable = false, length = 5)
    private String language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private PatronStatus status;

    @Column(name = "status_reason", length = 500)
    private String statusReason;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Column(name = "registered_by", length = 64)
    private String registeredBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @Version
    private int version;

    protected Patron() {
    }

    Patron(String cardNumber, String name, String email, String phone, PatronType patronType, String college,
            String language, Instant registeredAt, String registeredBy) {
        this.cardNumber = cardNumber;
        this.name = name;
        this.email = email;
        this.phone = phone;
        this.patronType = patronType;
        this.college = college;
        this.language = language;
        this.registeredAt = registeredAt;
        this.registeredBy = registeredBy;
        this.status = PatronStatus.PENDING;
    }

    void activate(String decidedBy, Instant at) {
        decide(PatronStatus.ACTIVE, null, decidedBy, at);
    }

    void reject(String reason, String decidedBy, Instant at) {
        decide(PatronStatus.REJECTED, reason, decidedBy, at);
    }

    private void decide(PatronStatus newStatus, String reason, String by, Instant at) {
        if (status != PatronStatus.PENDING) {
            throw new IllegalStateException("registration of " + cardNumber + " was already decided: " + status);
        }
        this.status = newStatus;
        this.statusReason = reason;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    void updateContact(String email, String phone, String language) {
        this.email = email;
        this.phone = phone;
        this.language = language;
    }

    void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public boolean isActive() {
        return status == PatronStatus.ACTIVE;
    }

    public Long getId() {
        return id;
    }

    public String getCardNumber() {
        return cardNumber;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public PatronType getPatronType() {
        return patronType;
    }

    public String getCollege() {
        return college;
    }

    public String getLanguage() {
        return language;
    }

    public PatronStatus getStatus() {
        return status;
    }

    public String getStatusReason() {
        return statusReason;
    }

    public Instant getRegisteredAt() {
        return registeredAt;
    }

    public String getRegisteredBy() {
        return registeredBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
