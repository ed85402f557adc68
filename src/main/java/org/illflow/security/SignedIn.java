package org.illflow.security;

import java.util.Arrays;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The one place that answers "what may the signed-in user do" from their roles. */
public final class SignedIn {

    private SignedIn() {
    }

    public static boolean hasAnyRole(Authentication who, String... roles) {
        return who != null && who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(authority -> Arrays.stream(roles).anyMatch(role -> authority.equals("ROLE_" + role)));
    }

    /** Any staff member or admin. */
    public static boolean isStaff(Authentication who) {
        return hasAnyRole(who, IllflowGroups.ROLE_STAFF, IllflowGroups.ROLE_ADMIN);
    }

    /** Document delivery staff and admins. */
    public static boolean isDeliveryStaff(Authentication who) {
        return hasAnyRole(who, IllflowGroups.ROLE_DD_STAFF, IllflowGroups.ROLE_ADMIN);
    }

    /** Inter-library loan staff and admins. */
    public static boolean isLoanStaff(Authentication who) {
        return hasAnyRole(who, IllflowGroups.ROLE_ILL_STAFF, IllflowGroups.ROLE_ADMIN);
    }
}
