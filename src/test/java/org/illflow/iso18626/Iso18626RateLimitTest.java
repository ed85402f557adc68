package org.illflow.iso18626;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.illflow.iso18626.Iso18626RateLimit.Limits;
import org.junit.jupiter.api.Test;

/** The endpoint's rate limit on its own, with a clock the test moves. */
class Iso18626RateLimitTest {

    final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    final Iso18626RateLimit limit = new Iso18626RateLimit(new Limits(6, 3), nanos::get);

    void wait(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Test
    void aClientMaySendItsBurstThenWaitsForTheNextTokenAndOthersAreNotHeldUp() {
        for (int i = 0; i < 6; i++) {
            assertThat(limit.admit("198.51.100.7")).as("message " + (i + 1)).isEmpty();
        }
        // six a minute: the next token comes after ten seconds
        assertThat(limit.admit("198.51.100.7")).contains(Duration.ofSeconds(10));
        assertThat(limit.admit("198.51.100.8")).isEmpty();
        wait(Duration.ofSeconds(9));
        assertThat(limit.admit("198.51.100.7")).contains(Duration.ofSeconds(1));
        wait(Duration.ofSeconds(1));
        assertThat(limit.admit("198.51.100.7")).isEmpty();
        assertThat(limit.admit("198.51.100.7")).isPresent();
        // a minute later the whole burst is back, and no more
        wait(Duration.ofMinutes(5));
        for (int i = 0; i < 6; i++) {
            assertThat(limit.admit("198.51.100.7")).isEmpty();
        }
        assertThat(limit.admit("198.51.100.7")).isPresent();
    }

    @Test
    void aClientWhoseRefusedBudgetIsSpentWaitsWhateverItSendsAndAcceptedMessagesNeverCount() {
        String client = "203.0.113.5";
        for (int i = 0; i < 5; i++) {
            assertThat(limit.admit(client)).isEmpty(); // accepted: nothing counted but the message
            wait(Duration.ofSeconds(10));
        }
        for (int i = 0; i < 3; i++) {
            assertThat(limit.admit(client)).isEmpty();
            limit.refused(client);
        }
        // three refused an hour: the next one comes back after twenty minutes, until then nothing is read
        assertThat(limit.admit(client)).contains(Duration.ofMinutes(20));
        wait(Duration.ofMinutes(19));
        assertThat(limit.admit(client)).isPresent();
        wait(Duration.ofMinutes(1));
        assertThat(limit.admit(client)).isEmpty();
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64AndAnIpv4MappedAddressAsIpv4() {
        assertThat(Iso18626RateLimit.clientKey("2001:db8:1:2:3:4:5:6")).isEqualTo("2001:db8:1:2::/64");
        assertThat(Iso18626RateLimit.clientKey("2001:0db8:0001:0002:ffff::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(Iso18626RateLimit.clientKey("[2001:db8:1:3::1]")).isEqualTo("2001:db8:1:3::/64");
        assertThat(Iso18626RateLimit.clientKey("::ffff:198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(Iso18626RateLimit.clientKey("198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(Iso18626RateLimit.clientKey("0:0:0:0:0:0:0:1")).isEqualTo("0:0:0:0::/64");
        // not an address (Tomcat never gives one): counted as given, never looked up
        assertThat(Iso18626RateLimit.clientKey("unknown-proxy.example")).isEqualTo("unknown-proxy.example");
        assertThat(Iso18626RateLimit.clientKey(null)).isEqualTo("unknown");
        assertThat(Iso18626RateLimit.clientKey("x".repeat(500))).hasSize(60);

        for (int i = 0; i < 6; i++) {
            assertThat(limit.admit(Iso18626RateLimit.clientKey("2001:db8:1:2::" + (i + 1)))).isEmpty();
        }
        assertThat(limit.admit(Iso18626RateLimit.clientKey("2001:db8:1:2::ff"))).as("the same /64").isPresent();
        assertThat(limit.admit(Iso18626RateLimit.clientKey("2001:db8:1:9::1"))).as("another /64").isEmpty();
    }

    @Test
    void itRemembersABoundedNumberOfClientsAndForgetsIdleOnesFirst() {
        limit.admit("198.51.100.1");
        limit.refused("198.51.100.1"); // this one has something to remember
        for (int i = 0; i < Iso18626RateLimit.MAX_CLIENTS + 500; i++) {
            limit.admit("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
            if (i == 100) {
                wait(Duration.ofMinutes(2)); // the first hundred have their message bucket full again
            }
        }
        assertThat(limit.remembered()).isLessThanOrEqualTo(Iso18626RateLimit.MAX_CLIENTS);
    }

    @Test
    void limitsBelowOneAreASettingsError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Limits(0, 5))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("rate-limit");
    }
}
