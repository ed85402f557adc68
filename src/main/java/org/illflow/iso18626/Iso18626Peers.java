package org.illflow.iso18626;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.illflow.iso18626.Iso18626.AgencyId;
import org.illflow.iso18626.Iso18626.Authentication;
import org.illflow.supplier.SupplierCredentials;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partner libraries registered for ISO 18626. Their security codes are encrypted with the supplier
 * credential key ({@link SupplierCredentials}, the same key, format and setting as supplier passwords), bound to
 * {@code iso18626-peer/<code>}. Checking the credentials of a received message compares digests with
 * {@link MessageDigest#isEqual}, whose time does not depend on where the values differ.
 */
@Service
@Transactional(readOnly = true)
public class Iso18626Peers {

    static final String BINDING = "iso18626-peer/";

    private final Iso18626PeerRepository peers;
    private final SupplierCredentials credentials;
    private final Clock clock;

    Iso18626Peers(Iso18626PeerRepository peers, SupplierCredentials credentials, Clock clock) {
        this.peers = peers;
        this.credentials = credentials;
        this.clock = clock;
    }

    public List<Iso18626Peer> all() {
        return peers.findAllByOrderByCode();
    }

    public Optional<Iso18626Peer> byCode(String code) {
        return code == null ? Optional.empty() : peers.findByCode(code.strip().toUpperCase(java.util.Locale.ROOT));
    }

    public Optional<Iso18626Peer> byId(Long id) {
        return id == null ? Optional.empty() : peers.findById(id);
    }

    /** The peer with this agency id (type compared case-insensitively, as ISIL/isil are one scheme). */
    public Optional<Iso18626Peer> byAgency(AgencyId agencyId) {
        if (agencyId == null) {
            return Optional.empty();
        }
        Optional<Iso18626Peer> exact = peers.findByAgencyIdTypeAndAgencyIdValue(agencyId.type(), agencyId.value());
        return exact.isPresent() ? exact : all().stream()
                .filter(p -> p.getAgencyIdType().equalsIgnoreCase(agencyId.type())
                        && p.getAgencyIdValue().equals(agencyId.value()))
                .findFirst();
    }

    public Optional<Iso18626Peer> bySupplier(Long supplierId) {
        return supplierId == null ? Optional.empty() : peers.findBySupplierId(supplierId);
    }

    /** What an admin registers or changes; {@code securityCode} null or empty keeps the stored one. */
    public record Registration(String name, Long supplierId, String endpointUrl, AgencyId agencyId,
            Iso18626Version version, String accountId, String securityCode, boolean active) {
        @Override
        public String toString() {
            return "Registration[" + name + ", " + agencyId + ", securityCode=***]";
        }
    }

    /**
     * Registers a new peer ({@code expectedVersion} null) or changes one. When someone saved the peer since the
     * admin's form was built, nothing is saved and an optimistic locking failure is thrown.
     */
    @Transactional
    public Iso18626Peer save(String code, Registration r, Integer expectedVersion) {
        String normalized = code.strip().toUpperCase(java.util.Locale.ROOT);
        Iso18626Peer peer = peers.findByCode(normalized).orElse(null);
        if (peer == null) {
            peer = new Iso18626Peer(normalized, clock.instant());
        } else if (expectedVersion != null && expectedVersion != peer.getVersion()) {
            throw new ObjectOptimisticLockingFailureException(Iso18626Peer.class, normalized);
        }
        peer.change(r.name().strip(), r.supplierId(), r.endpointUrl().strip(), r.agencyId(), r.version(),
                blankToNull(r.accountId()), r.active(), clock.instant());
        if (r.securityCode() != null && !r.securityCode().isEmpty()) {
            peer.storeEncryptedSecurityCode(credentials.encrypt(BINDING + normalized, r.securityCode()), clock.instant());
        }
        return peers.saveAndFlush(peer);
    }

    /** The security code to send to this peer, or null when none is stored. */
    String securityCode(Iso18626Peer peer) {
        return peer.hasSecurityCode() ? credentials.decrypt(BINDING + peer.getCode(), peer.encryptedSecurityCode())
                : null;
    }

    /** The authentication this library puts into messages to the peer (null when it has none registered). */
    Authentication outgoingAuthentication(Iso18626Peer peer) {
        return peer.getAccountId() == null && !peer.hasSecurityCode() ? null
                : new Authentication(peer.getAccountId(), securityCode(peer));
    }

    /**
     * Whether a received message's credentials are the peer's: the account id and the security code both match.
     * A peer without a stored security code authenticates nobody.
     */
    boolean authenticates(Iso18626Peer peer, Authentication presented) {
        if (presented == null || !peer.hasSecurityCode()) {
            return false;
        }
        boolean account = sameSecret(peer.getAccountId(), presented.accountId());
        boolean code = sameSecret(securityCode(peer), presented.securityCode());
        return account & code; // both compared, whatever the first said
    }

    private static boolean sameSecret(String expected, String presented) {
        return MessageDigest.isEqual(digest(expected), digest(presented));
    }

    private static byte[] digest(String value) {
        try {
            // digests have one length, so the comparison time says nothing about the secret's length either
            return MessageDigest.getInstance("SHA-256")
                    .digest((value == null ? "\u0000none" : "v:" + value).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
