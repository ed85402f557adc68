package org.illflow.security;

import java.util.List;

/** The Camunda identity groups illflow works with, and the Spring roles they give. */
public final class IllflowGroups {

    public static final String PATRONS = "patrons";
    /** Document delivery staff. */
    public static final String DD_STAFF = "dd-staff";
    /** Inter-library loan and circulation desk staff. */
    public static final String ILL_STAFF = "ill-staff";
    /** Camunda's own administrator group name, so the webapps treat it as such. */
    public static final String ADMINS = "camunda-admin";

    public static final List<String> STAFF_GROUPS = List.of(DD_STAFF, ILL_STAFF);

    public static final String ROLE_PATRON = "PATRON";
    public static final String ROLE_STAFF = "STAFF";
    public static final String ROLE_DD_STAFF = "DD_STAFF";
    public static final String ROLE_ILL_STAFF = "ILL_STAFF";
    public static final String ROLE_ADMIN = "ADMIN";

    private IllflowGroups() {
    }
}
