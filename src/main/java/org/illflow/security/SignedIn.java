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

    /**
     * Who may cancel a document delivery request for its patron: document delivery staff and admins. Loans follow
     * the same rule with their own staff ({@link #cancelsLoansForPatrons}); staff of the other service may look
     * at a request but not cancel it. A patron cancels only their own request.
     */
    public static boolean cancelsDeliveryForPatrons(Authentication who) {
        return isDeliveryStaff(who);
    }

    /** Who may cancel (or renew) an inter-library loan request for its patron: loan staff and admins. */
    public static boolean cancelsLoansForPatrons(Authentication who) {
        return isLoanStaff(who);
    }

    /** Staff of the other service: may read the request but must not act on it for the patron. */
    public static boolean isStaffOfAnotherService(Authentication who, boolean loan) {
        return isStaff(who) && !(loan ? cancelsLoansForPatrons(who) : cancelsDeliveryForPatrons(who));
    }
}
