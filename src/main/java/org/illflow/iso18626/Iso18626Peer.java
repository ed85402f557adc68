package org.illflow.iso18626;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.illflow.iso18626.Iso18626.AgencyId;

/**
 * A partner library that exchanges ISO 18626 messages with this one: where to send to (endpoint URL), who it is
 * (agency id, e.g. ISIL {@code CN-FDU}), the schema version it speaks, and the account id and security code both
 * sides put in the header ({@code requestingAgencyAuthentication}) and check on receipt. A peer that lends to us
 * or supplies copies points to its supplier row; a peer that only borrows from us has none. The security code
 * is stored encrypted ({@link Iso18626Peers}) and is never part of {@link #toString()}.
 */
@Entity
@Table(name = "iso18626_peer")
public class Iso18626Peer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 20, updatable = false)
    private String code;

    @Column(name = "supplier_id")
    private Long supplierId;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "endpoint_url", nullable = false, length = 500)
    private String endpointUrl;

    @Column(name = "agency_id_type", nullable = false, length = 50)
    private String agencyIdType;

    @Column(name = "agency_id_value", nullable = false, length = 100)
    private String agencyIdValue;

    @Column(name = "iso_version", nullable = false, length = 10)
    private String isoVersion;

    @Column(name = "account_id", length = 100)
    private String accountId;

    @Column(name = "security_code_encrypted", length = 500)
    private String securityCodeEncrypted;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private int version;

    protected Iso18626Peer() {
    }

    Iso18626Peer(String code, Instant at) {
        this.code = code;
        this.createdAt = at;
        this.updatedAt = at;
    }

    void change(String name, Long supplierId, String endpointUrl, AgencyId agencyId, Iso18626Version isoVersion,
            String accountId, boolean active, Instant at) {
        this.name = name;
        this.supplierId = supplierId;
        this.endpointUrl = endpointUrl;
        this.agencyIdType = agencyId.type();
        this.agencyIdValue = agencyId.value();
        this.isoVersion = isoVersion.code();
        this.accountId = accountId;
        this.active = active;
        this.updatedAt = at;
    }

    void storeEncryptedSecurityCode(String encrypted, Instant at) {
        this.securityCodeEncrypted = encrypted;
        this.updatedAt = at;
    }

    String encryptedSecurityCode() {
        return securityCodeEncrypted;
    }

    public boolean hasSecurityCode() {
        return securityCodeEncrypted != null;
    }

    public AgencyId agencyId() {
        return new AgencyId(agencyIdType, agencyIdValue);
    }

    public Iso18626Version isoVersion() {
        return Iso18626Version.ofCode(isoVersion).orElse(Iso18626Version.V2021_2);
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public Long getSupplierId() {
        return supplierId;
    }

    public String getName() {
        return name;
    }

    public String getEndpointUrl() {
        return endpointUrl;
    }

    public String getAgencyIdType() {
        return agencyIdType;
    }

    public String getAgencyIdValue() {
        return agencyIdValue;
    }

    public String getAccountId() {
        return accountId;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public int getVersion() {
        return version;
    }

    @Override
    public String toString() {
        return "Iso18626Peer[" + code + " " + agencyIdType + ":" + agencyIdValue + (active ? "" : ", inactive") + "]";
    }
}
