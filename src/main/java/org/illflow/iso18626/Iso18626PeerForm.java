package org.illflow.iso18626;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.illflow.iso18626.Iso18626.AgencyId;
import org.springframework.validation.Errors;

/**
 * What an admin enters for a partner library. The security code is write-only: never filled from the stored one;
 * empty keeps it (a new peer needs one). The endpoint must be an http(s) URL without user or password in it: a
 * secret in a URL ends up in logs. Messages are keys of messages-iso18626*.properties.
 */
public class Iso18626PeerForm {

    private Integer version;

    @NotBlank(message = "{iso18626.peer.code.pattern}")
    @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{1,19}", message = "{iso18626.peer.code.pattern}")
    private String code;

    @NotBlank(message = "{iso18626.peer.name.required}")
    @Size(max = 200, message = "{iso18626.peer.name.size}")
    private String name;

    @Size(max = 20, message = "{iso18626.peer.supplier.unknown}")
    private String supplierCode;

    @NotBlank(message = "{iso18626.peer.endpoint.invalid}")
    @Size(max = 500, message = "{iso18626.peer.endpoint.invalid}")
    private String endpointUrl;

    @NotBlank(message = "{iso18626.peer.agencyType.pattern}")
    @Pattern(regexp = "[A-Za-z0-9_.-]{1,50}", message = "{iso18626.peer.agencyType.pattern}")
    private String agencyIdType = "ISIL";

    @NotBlank(message = "{iso18626.peer.agencyValue.pattern}")
    @Pattern(regexp = "\\S{1,100}", message = "{iso18626.peer.agencyValue.pattern}")
    private String agencyIdValue;

    @NotBlank(message = "{iso18626.peer.version.invalid}")
    @Pattern(regexp = "2021-2|1\\.2", message = "{iso18626.peer.version.invalid}")
    private String isoVersion = Iso18626Version.V2021_2.code();

    @Size(max = 100, message = "{iso18626.peer.account.size}")
    @Pattern(regexp = "[^\\p{Cntrl}]*", message = "{iso18626.peer.account.size}")
    private String accountId;

    /** At most 100 characters, so its ciphertext fits its column. */
    @Size(max = 100, message = "{iso18626.peer.securityCode.size}")
    @Pattern(regexp = "[^\\p{Cntrl}]*", message = "{iso18626.peer.securityCode.size}")
    private String securityCode;

    private boolean active = true;

    static Iso18626PeerForm of(Iso18626Peer peer, String supplierCode) {
        Iso18626PeerForm form = new Iso18626PeerForm();
        form.version = peer.getVersion();
        form.code = peer.getCode();
        form.name = peer.getName();
        form.supplierCode = supplierCode;
        form.endpointUrl = peer.getEndpointUrl();
        form.agencyIdType = peer.getAgencyIdType();
        form.agencyIdValue = peer.getAgencyIdValue();
        form.isoVersion = peer.isoVersion().code();
        form.accountId = peer.getAccountId();
        form.active = peer.isActive();
        return form;
    }

    /** Checks a single field cannot: the endpoint's form, and a security code for a new peer. */
    void checkAcrossFields(Errors errors, boolean creating) {
        if (endpointUrl != null && !endpointUrl.isBlank() && !errors.hasFieldErrors("endpointUrl")
                && !validEndpoint(endpointUrl.strip())) {
            errors.rejectValue("endpointUrl", "iso18626.peer.endpoint.invalid");
        }
        if (creating && (securityCode == null || securityCode.isEmpty())) {
            errors.rejectValue("securityCode", "iso18626.peer.securityCode.required");
        }
    }

    static boolean validEndpoint(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawUserInfo() == null && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    Iso18626Peers.Registration toRegistration(Long supplierId) {
        return new Iso18626Peers.Registration(name, supplierId, endpointUrl, agencyId(),
                Iso18626Version.ofCode(isoVersion).orElse(Iso18626Version.V2021_2), accountId, securityCode, active);
    }

    AgencyId agencyId() {
        return new AgencyId(agencyIdType.strip(), agencyIdValue.strip());
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSupplierCode() {
        return supplierCode;
    }

    public void setSupplierCode(String supplierCode) {
        this.supplierCode = supplierCode;
    }

    public String getEndpointUrl() {
        return endpointUrl;
    }

    public void setEndpointUrl(String endpointUrl) {
        this.endpointUrl = endpointUrl;
    }

    public String getAgencyIdType() {
        return agencyIdType;
    }

    public void setAgencyIdType(String agencyIdType) {
        this.agencyIdType = agencyIdType;
    }

    public String getAgencyIdValue() {
        return agencyIdValue;
    }

    public void setAgencyIdValue(String agencyIdValue) {
        this.agencyIdValue = agencyIdValue;
    }

    public String getIsoVersion() {
        return isoVersion;
    }

    public void setIsoVersion(String isoVersion) {
        this.isoVersion = isoVersion;
    }

    public String getAccountId() {
        return accountId;
    }

    public void setAccountId(String accountId) {
        this.accountId = accountId;
    }

    public String getSecurityCode() {
        return securityCode;
    }

    public void setSecurityCode(String securityCode) {
        this.securityCode = securityCode;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
