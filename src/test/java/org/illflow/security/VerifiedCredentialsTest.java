package org.illflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.illflow.support.IllflowTest;
import org.illflow.support.PortalClient;
import org.illflow.support.TestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The one-minute memory of checked passwords that keeps HTTP Basic on /engine-rest fast: it answers only for the
 * same user, password and stored hash, forgets after a minute, and a changed password stops the old one at once.
 */
@IllflowTest
class VerifiedCredentialsTest {

    @Autowired IdentityService identityService;
    @Autowired TestSupport support;

    @Test
    void remembersOnlyTheSameUserPasswordAndHashForAMinute() {
        AtomicLong now = new AtomicLong(1_000);
        VerifiedCredentials verified = new VerifiedCredentials(now::get);
        verified.remember("ddstaff", "staff2026", "$2a$10$hash");

        assertThat(verified.recentlyVerified("ddstaff", "staff2026", "$2a$10$hash")).isTrue();
        assertThat(verified.recentlyVerified("ddstaff", "staff2027", "$2a$10$hash")).as("wrong password").isFalse();
        assertThat(verified.recentlyVerified("illstaff", "staff2026", "$2a$10$hash")).as("other user").isFalse();
        assertThat(verified.recentlyVerified("ddstaff", "staff2026", "$2a$10$other")).as("password changed").isFalse();
        assertThat(verified.recentlyVerified("ddstaff", "staff2026", null)).as("no stored hash").isFalse();

        now.addAndGet(VerifiedCredentials.TIME_TO_LIVE.toNanos() - 1);
        assertThat(verified.recentlyVerified("ddstaff", "staff2026", "$2a$10$hash")).isTrue();
        now.addAndGet(1);
        assertThat(verified.recentlyVerified("ddstaff", "staff2026", "$2a$10$hash")).as("after a minute").isFalse();
    }

    @Test
    void aChangedPasswordStopsTheOldOneAtOnceOnTheRestApi() {
        User user = identityService.newUser("cachestaff");
        user.setFirstName("Cache");
        user.setLastName("Staff");
        user.setEmail("cachestaff@library.example.edu");
        user.setPassword("first-password-2026");
        identityService.saveUser(user);
        identityService.createMembership("cachestaff", IllflowGroups.DD_STAFF);
        try {
            User stored = identityService.createUserQuery().userId("cachestaff").singleResult();
            assertThat(stored.getPassword()).as("the stored hash, which the memory is keyed with")
                    .isNotBlank().isNotEqualTo("first-password-2026");
            PortalClient client = support.client();
            assertThat(client.getWithBasic("/engine-rest/task/count", "cachestaff", "first-password-2026").statusCode())
                    .isEqualTo(200);
            assertThat(client.getWithBasic("/engine-rest/task/count", "cachestaff", "first-password-2026").statusCode())
                    .as("remembered").isEqualTo(200);

            stored.setPassword("second-password-2026");
            identityService.saveUser(stored);

            assertThat(client.getWithBasic("/engine-rest/task/count", "cachestaff", "first-password-2026").statusCode())
                    .as("old password, within the minute").isEqualTo(401);
            // that wrong attempt delays the account's next login (the engine's lockout); wait it out on the clock
            support.moveClock(java.time.Duration.ofMinutes(1));
            assertThat(client.getWithBasic("/engine-rest/task/count", "cachestaff", "second-password-2026").statusCode())
                    .isEqualTo(200);
        } finally {
            support.resetClock();
            identityService.deleteUser("cachestaff");
        }
    }
}
