package org.illflow.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing without letting anyone lock anyone else out. Wrong passwords are counted per client
 * address and account together, and per client address alone; past a limit that client is refused for a while
 * (for that account, or for every account), and then it may try again by itself — no admin needed. Someone
 * guessing the admin's password from their own machine therefore never locks the admin out of theirs.
 *
 * <p>This replaces the engine's own lockout (after {@code login-max-attempts} wrong passwords an account stayed
 * locked until an admin unlocked it, and its login delay let anyone keep an account delayed), which is switched
 * off in application.yml. Counts live in memory: a restart forgets them, and in a cluster each node counts its
 * own (the limits are per node; behind a load balancer with sticky sessions a client mostly meets one node).
 */
@Component
class LoginThrottle {

    private final int perAccountAndClient;
    private final int perClient;
    private final Duration blockFor;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(@Value("${illflow.login.max-failures-per-account-and-client:5}") int perAccountAndClient,
            @Value("${illflow.login.max-failures-per-client:30}") int perClient,
            @Value("${illflow.login.block-for:PT15M}") Duration blockFor, Clock clock) {
        this.perAccountAndClient = perAccountAndClient;
        this.perClient = perClient;
        this.blockFor = blockFor;
        this.clock = clock;
    }

    private record Failures(int count, Instant last) {
    }

    /** Whether this client must wait before trying this account again. */
    boolean isBlocked(String account, String client) {
        return reached(pair(account, client), perAccountAndClient) || reached(client(client), perClient);
    }

    void failed(String account, String client) {
        Instant now = clock.instant();
        count(pair(account, client), now);
        count(client(client), now);
        if (failures.size() > 100_000) {
            failures.values().removeIf(f -> f.last().plus(blockFor).isBefore(now));
        }
    }

    /** A right password clears the count of that account from that client. */
    void succeeded(String account, String client) {
        failures.remove(pair(account, client));
    }

    private void count(String key, Instant now) {
        failures.compute(key, (k, f) -> f == null || expired(f, now) ? new Failures(1, now)
                : new Failures(f.count() + 1, now));
    }

    private boolean reached(String key, int limit) {
        Failures f = failures.get(key);
        return f != null && f.count() >= limit && !expired(f, clock.instant());
    }

    /** The count starts again when the last wrong password lies longer ago than the block. */
    private boolean expired(Failures f, Instant now) {
        return !f.last().plus(blockFor).isAfter(now);
    }

    private static String pair(String account, String client) {
        return "a:" + account.toLowerCase(java.util.Locale.ROOT) + "|" + client;
    }

    private static String client(String client) {
        return "c:" + client;
    }
}
