package org.illflow.supplier;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One time a supplier's password was shown to a staff member on their task (never the password itself). */
@Entity
@Table(name = "supplier_password_reveal")
public class PasswordReveal {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "supplier_code", nullable = false, length = 20)
    private String supplierCode;

    @Column(name = "request_number", nullable = false, length = 40)
    private String requestNumber;

    @Column(name = "task_id", nullable = false, length = 64)
    private String taskId;

    @Column(name = "revealed_to", nullable = false, length = 255)
    private String revealedTo;

    @Column(name = "revealed_at", nullable = false)
    private Instant revealedAt;

    protected PasswordReveal() {
    }

    PasswordReveal(String supplierCode, String requestNumber, String taskId, String revealedTo, Instant revealedAt) {
        this.supplierCode = supplierCode;
        this.requestNumber = requestNumber;
        this.taskId = taskId;
        this.revealedTo = revealedTo;
        this.revealedAt = revealedAt;
    }

    public String getSupplierCode() {
        return supplierCode;
    }

    public String getRequestNumber() {
        return requestNumber;
    }

    public String getTaskId() {
        return taskId;
    }

    public String getRevealedTo() {
        return revealedTo;
    }

    public Instant getRevealedAt() {
        return revealedAt;
    }
}
