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
import org.springframework.stereotype.Component;

/**
 * Checks the portal login against Camunda's identity service, so that patrons, staff and admins have one
 * account for the portal and for Tasklist, Cockpit and Admin. Roles come from the user's Camunda groups.
 */
@Component
class IdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final PatronAccounts patronAccounts;
    private final VerifiedCredentials verified;

    IdentityAuthenticationProvider(IdentityService identityService, PatronAccounts patronAccounts,
            VerifiedCredentials verified) {
        this.identityService = identityService;
        this.patronAccounts = patronAccounts;
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
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            throw new BadCredentialsException("bad credentials");
        }
        // HTTP Basic sends the password on every call: a password checked against this very hash within the last
        // minute is not checked with BCrypt again (VerifiedCredentials); anything else goes to the engine's check,
        // which also counts wrong attempts and locks the account.
        if (!verified.recentlyVerified(userId, password, user.getPassword())) {
            if (!identityService.checkPassword(userId, password)) {
                throw new BadCredentialsException("bad credentials");
            }
            verified.remember(userId, password, user.getPassword());
        }
        return UsernamePasswordAuthenticationToken.authenticated(user.getId(), null, authoritiesOf(user.getId()));
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
