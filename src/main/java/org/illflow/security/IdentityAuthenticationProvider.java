package org.illflow.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks the portal login against Camunda's identity service, so that patrons, staff and admins have one
 * account for the portal and for Tasklist, Cockpit and Admin. Roles come from the user's Camunda groups.
 */
@Component
class IdentityAuthenticationProvider implements AuthenticationProvider {

    /** A BCrypt hash of a random password, checked for unknown accounts so they take as long as known ones. */
    private static final String DUMMY_HASH = new BCryptPasswordEncoder().encode(java.util.UUID.randomUUID().toString());

    private final IdentityService identityService;
    private final PatronAccounts patronAccounts;
    private final LoginThrottle throttle;
    private final VerifiedCredentials verified;
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();

    IdentityAuthenticationProvider(IdentityService identityService, PatronAccounts patronAccounts,
            LoginThrottle throttle, VerifiedCredentials verified) {
        this.identityService = identityService;
        this.patronAccounts = patronAccounts;
        this.throttle = throttle;
        this.verified = verified;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName() == null ? "" : authentication.getName().trim();
        Object credentials = authentication.getCredentials();
        String password = credentials == null ? "" : credentials.toString();
        // One message for unknown user and wrong password: never tell which part was wrong.
        if (userId.isEmpty() || password.isEmpty()) {
            throw new BadCredentialsException("bad credentials");
        }
        String client = authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
        if (throttle.isBlocked(userId, client)) {
            throw new LoginThrottledException();
        }
        User user = identityService.createUserQuery().userId(userId).singleResult();
        boolean right;
        if (user == null) {
            // as slow as a wrong password of a real account: the time does not tell which accounts exist
            encoder.matches(password, DUMMY_HASH);
            right = false;
        } else {
            // HTTP Basic sends the password on every call: a password checked against this very hash within the
            // last minute is not checked with BCrypt again (VerifiedCredentials); anything else is checked by the
            // engine. Wrong attempts are counted by the throttle, never by the cache.
            right = verified.recentlyVerified(userId, password, user.getPassword());
            if (!right && identityService.checkPassword(userId, password)) {
                verified.remember(userId, password, user.getPassword());
                right = true;
            }
        }
        if (!right) {
            throttle.failed(userId, client);
            throw new BadCredentialsException("bad credentials");
        }
        throttle.succeeded(userId, client);
        return UsernamePasswordAuthenticationToken.authenticated(user.getId(), null, authoritiesOf(user.getId()));
    }

    /** Too many wrong passwords from this client: it waits a while (the same answer for every account). */
    static final class LoginThrottledException extends org.springframework.security.authentication.LockedException {
        LoginThrottledException() {
            super("too many wrong passwords from this client; try again later");
        }
    }

    List<GrantedAuthority> authoritiesOf(String userId) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list()
                .stream().map(Group::getId).toList();
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (groups.contains(IllflowGroups.ADMINS)) {
            authorities.add(role(IllflowGroups.ROLE_ADMIN));
            authorities.add(role(IllflowGroups.ROLE_STAFF));
        }
        if (groups.contains(IllflowGroups.DD_STAFF)) {
            authorities.add(role(IllflowGroups.ROLE_DD_STAFF));
        }
        if (groups.contains(IllflowGroups.ILL_STAFF)) {
            authorities.add(role(IllflowGroups.ROLE_ILL_STAFF));
        }
        if (groups.stream().anyMatch(IllflowGroups.STAFF_GROUPS::contains)
                && !authorities.contains(role(IllflowGroups.ROLE_STAFF))) {
            authorities.add(role(IllflowGroups.ROLE_STAFF));
        }
        // Applicants log in before approval (they see "pending review"), so the patron role follows the
        // patron record; whether the patron may request anything is checked against its status on each action.
        if (groups.contains(IllflowGroups.PATRONS) || patronAccounts.isPatron(userId)) {
            authorities.add(role(IllflowGroups.ROLE_PATRON));
        }
        return authorities;
    }

    private static GrantedAuthority role(String name) {
        return new SimpleGrantedAuthority("ROLE_" + name);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
