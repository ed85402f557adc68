package org.illflow.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * A short memory of passwords that were just checked against their BCrypt hash, so that a staff script calling
 * {@code /engine-rest} with HTTP Basic (credentials on every call, no session) does not pay a BCrypt check per
 * call. The store of passwords is not weakened: nothing is written anywhere, the plain password is never kept, only
 * an HMAC-SHA-256 (under a random key made when the application starts and never leaving memory) of user, password
 * and the stored hash, for one minute at most. Because the stored hash is part of the key, a changed password
 * (here or on another node) or a deleted user no longer matches at once; a wrong password never matches.
 */
@Component
class VerifiedCredentials {

    static final Duration TIME_TO_LIVE = Duration.ofMinutes(1);
    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, Long> verifiedUntil = new ConcurrentHashMap<>();
    private final SecretKeySpec key;
    private final LongSupplier nanoTime;

    VerifiedCredentials() {
        this(System::nanoTime);
    }

    VerifiedCredentials(LongSupplier nanoTime) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.nanoTime = nanoTime;
    }

    /** Was this password checked against this stored hash less than a minute ago? */
    boolean recentlyVerified(String userId, String password, String storedHash) {
        if (storedHash == null) {
            return false;
        }
        String fingerprint = fingerprint(userId, password, storedHash);
        Long until = verifiedUntil.get(fingerprint);
        if (until == null) {
            return false;
        }
        if (until - nanoTime.getAsLong() <= 0) {
            verifiedUntil.remove(fingerprint, until);
            return false;
        }
        return true;
    }

    /** Remembers a password the identity service has just accepted for this stored hash. */
    void remember(String userId, String password, String storedHash) {
        if (storedHash == null) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (verifiedUntil.size() >= MAX_ENTRIES) {
            verifiedUntil.values().removeIf(until -> until - now <= 0);
            if (verifiedUntil.size() >= MAX_ENTRIES) {
                verifiedUntil.clear();
            }
        }
        verifiedUntil.put(fingerprint(userId, password, storedHash), now + TIME_TO_LIVE.toNanos());
    }

    private String fingerprint(String userId, String password, String storedHash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            for (String part : new String[] {userId, password, storedHash}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                mac.update((byte) (bytes.length >>> 24));
                mac.update((byte) (bytes.length >>> 16));
                mac.update((byte) (bytes.length >>> 8));
                mac.update((byte) bytes.length);
                mac.update(bytes);
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
