package org.illflow.iso18626;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How much one client address may send to {@code POST /iso18626}. The endpoint is open to any machine (a partner's
 * has no login), and every refused message costs a row of the message log, so an unknown sender could otherwise
 * fill the table or keep the XML validator busy. Two token buckets per client address:
 * <ul>
 * <li><b>messages</b>: {@code illflow.iso18626.rate-limit.messages-per-minute} (120) messages a minute, as a burst
 * or spread out — far above what a library's outbox sends, which is one message at a time;</li>
 * <li><b>refused</b>: {@code illflow.iso18626.rate-limit.refused-per-hour} (60) refused messages an hour. Accepted
 * messages do not count, so a partner that sends well-formed, authenticated messages never meets this limit; a
 * sender whose messages are all refused is stopped after 60, before its message is read or logged.</li>
 * </ul>
 * A client over either limit is answered 429 with {@code Retry-After} (the seconds until its bucket has a token
 * again), and nothing is logged or stored for it. An IPv6 client is counted by its /64 network (one machine
 * usually has a whole /64 to pick addresses from); behind a proxy the address is the one Tomcat's RemoteIpValve
 * took from {@code X-Forwarded-For} of a trusted proxy (application.yml, {@code server.forward-headers-strategy}).
 * <p>
 * The buckets live in memory, like the login throttle's counts: a restart forgets them, and each node of a cluster
 * counts its own. At most {@value #MAX_CLIENTS} addresses are kept; full buckets (nothing to remember) are swept
 * first, then the least recently seen. A well-kept library for this (Bucket4j) is not among the packages this
 * project may use, and the limiter is small; see the tests in {@code Iso18626RateLimitTest}.
 */
@Component
public class Iso18626RateLimit {

    private static final Logger LOG = LoggerFactory.getLogger(Iso18626RateLimit.class);
    static final int MAX_CLIENTS = 10_000;
    private static final long MINUTE = Duration.ofMinutes(1).toNanos();
    private static final long HOUR = Duration.ofHours(1).toNanos();

    /** Messages a minute and refused messages an hour, per client address. */
    public record Limits(int messagesPerMinute, int refusedPerHour) {
        public Limits {
            if (messagesPerMinute < 1 || refusedPerHour < 1) {
                throw new IllegalStateException("illflow.iso18626.rate-limit.* must be at least 1");
            }
        }
    }

    private final LongSupplier nanoTime;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private volatile Limits limits;

    @Autowired
    Iso18626RateLimit(@Value("${illflow.iso18626.rate-limit.messages-per-minute:120}") int messagesPerMinute,
            @Value("${illflow.iso18626.rate-limit.refused-per-hour:60}") int refusedPerHour) {
        this(new Limits(messagesPerMinute, refusedPerHour), System::nanoTime);
    }

    Iso18626RateLimit(Limits limits, LongSupplier nanoTime) {
        this.limits = limits;
        this.nanoTime = nanoTime;
    }

    public Limits limits() {
        return limits;
    }

    /** Other limits from now on (tests; buckets already counted keep their tokens up to the new capacity). */
    void limits(Limits limits) {
        this.limits = limits;
    }

    /**
     * Takes one message token for this client: empty when it may send, otherwise how long it must wait (at least
     * one second). A client whose refused-message budget is spent waits too, whatever it sends.
     */
    public Optional<Duration> admit(String client) {
        Limits current = limits;
        Client state = client(client);
        synchronized (state) {
            long now = nanoTime.getAsLong();
            state.last = now;
            long wait = Math.max(state.refused.wait(now, current.refusedPerHour(), HOUR),
                    state.messages.wait(now, current.messagesPerMinute(), MINUTE));
            if (wait > 0) {
                if (!state.limited) {
                    state.limited = true;
                    LOG.warn("ISO 18626: client {} is over the rate limit ({} messages a minute, {} refused an hour); "
                            + "answered 429 until it waits", client, current.messagesPerMinute(), current.refusedPerHour());
                }
                return Optional.of(Duration.ofNanos(wait));
            }
            state.limited = false;
            state.messages.take(now, current.messagesPerMinute(), MINUTE);
            return Optional.empty();
        }
    }

    /** Counts a refused message of this client (one that cost a row of the message log). */
    public void refused(String client) {
        Client state = client(client);
        synchronized (state) {
            state.refused.take(nanoTime.getAsLong(), limits.refusedPerHour(), HOUR);
        }
    }

    private Client client(String client) {
        Client state = clients.get(client);
        if (state != null) {
            return state;
        }
        if (clients.size() >= MAX_CLIENTS) {
            sweep();
        }
        long now = nanoTime.getAsLong();
        return clients.computeIfAbsent(client, c -> new Client(now));
    }

    /** Forgets clients with full buckets; if that is not enough, the least recently seen ones. */
    private synchronized void sweep() {
        if (clients.size() < MAX_CLIENTS) {
            return;
        }
        long now = nanoTime.getAsLong();
        clients.values().removeIf(c -> {
            synchronized (c) {
                return c.isFull(now);
            }
        });
        int target = MAX_CLIENTS * 9 / 10;
        long[] seen = clients.values().stream().mapToLong(c -> c.last).sorted().toArray();
        if (seen.length > target) {
            long cutoff = seen[seen.length - target];
            for (Iterator<Client> it = clients.values().iterator(); it.hasNext() && clients.size() > target;) {
                if (it.next().last <= cutoff) {
                    it.remove();
                }
            }
            LOG.warn("ISO 18626: more than {} client addresses sent messages recently; the least recently seen are "
                    + "forgotten by the rate limit", target);
        }
    }

    /** The number of client addresses remembered (tests). */
    int remembered() {
        return clients.size();
    }

    /**
     * The key a client address is counted under: an IPv4 address as it is, an IPv6 address by its /64 network.
     * Anything that is not an IP literal (it cannot be: Tomcat gives the peer's address) is counted as given.
     */
    public static String clientKey(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return "unknown";
        }
        String address = remoteAddress.strip();
        if (address.length() <= 60 && IPV6_LITERAL.matcher(address).matches()) {
            try {
                InetAddress ip = InetAddress.getByName(address); // a literal with ':' in it is never looked up
                if (ip instanceof Inet6Address) {
                    byte[] b = ip.getAddress();
                    return String.format("%x:%x:%x:%x::/64", (b[0] & 0xFF) << 8 | (b[1] & 0xFF),
                            (b[2] & 0xFF) << 8 | (b[3] & 0xFF), (b[4] & 0xFF) << 8 | (b[5] & 0xFF),
                            (b[6] & 0xFF) << 8 | (b[7] & 0xFF));
                }
                return ip.getHostAddress(); // an IPv4-mapped IPv6 address counts as the IPv4 address
            } catch (UnknownHostException e) {
                return address;
            }
        }
        return address.length() > 60 ? address.substring(0, 60) : address;
    }

    private static final java.util.regex.Pattern IPV6_LITERAL = java.util.regex.Pattern.compile(
            "\\[?[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*(%[\\w.-]+)?]?");

    /**
     * A bucket as the generic cell rate algorithm keeps it: the moment {@code due} when the bucket will be full
     * again. {@code n} per period means one token every {@code period / n}; a burst of {@code n} is allowed, so a
     * message is refused while {@code due} lies more than {@code period - period / n} ahead. Whole nanoseconds,
     * no rounding drift.
     */
    private static final class Bucket {
        private long due;

        Bucket(long now) {
            this.due = now;
        }

        /** Nanoseconds until one token is there, 0 when one is. */
        long wait(long now, int perPeriod, long period) {
            long interval = period / perPeriod;
            long ahead = due - now;
            long tolerance = period - interval;
            return ahead > tolerance ? ahead - tolerance : 0;
        }

        void take(long now, int perPeriod, long period) {
            due = Math.max(due, now) + period / perPeriod;
        }

        boolean isFull(long now) {
            return due <= now;
        }
    }

    /** The two buckets of one client address; guarded by its own monitor. */
    private static final class Client {
        final Bucket messages;
        final Bucket refused;
        long last;
        boolean limited;

        Client(long now) {
            this.messages = new Bucket(now);
            this.refused = new Bucket(now);
            this.last = now;
        }

        boolean isFull(long now) {
            return messages.isFull(now) && refused.isFull(now);
        }
    }
}
