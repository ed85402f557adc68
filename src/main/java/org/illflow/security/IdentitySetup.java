package org.illflow.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure, on every start and idempotently, that the groups exist with the engine authorizations that
 * give each role its webapps: staff get Tasklist, may start the processes they work on and see the tasks of
 * their own groups only (candidate-group authorizations the engine creates per task); admins get everything.
 * Patrons get no webapp at all. Tasklist filters: desk.TaskFilters.
 */
@Component
@Order(0)
public class IdentitySetup implements ApplicationRunner {

    /** Process definitions staff may start from Tasklist, per group. */
    static final Map<String, List<String>> STARTABLE = Map.of(
            IllflowGroups.DD_STAFF, List.of("PatronRegistrationProcess", "DocumentDeliveryProcess"),
            IllflowGroups.ILL_STAFF, List.of("PatronRegistrationProcess", "InterlibraryLoanProcess"));

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;

    IdentitySetup(IdentityService identityService, AuthorizationService authorizationService) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensureGroup(IllflowGroups.PATRONS, "读者 / Patrons", "WORKFLOW");
        ensureGroup(IllflowGroups.DD_STAFF, "文献传递馆员 / Document delivery staff", "WORKFLOW");
        ensureGroup(IllflowGroups.ILL_STAFF, "馆际互借馆员 / Inter-library loan staff", "WORKFLOW");
        ensureGroup(IllflowGroups.ADMINS, "管理员 / Administrators", "SYSTEM");

        for (Resource resource : Resources.values()) {
            grant(IllflowGroups.ADMINS, resource, ANY, Permissions.ALL);
        }
        for (String staff : IllflowGroups.STAFF_GROUPS) {
            grant(staff, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(staff, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
            grant(staff, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
            for (String key : STARTABLE.get(staff)) {
                grant(staff, Resources.PROCESS_DEFINITION, key, Permissions.READ, Permissions.CREATE_INSTANCE);
            }
        }
    }

    private void ensureGroup(String id, String name, String type) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType(type);
            identityService.saveGroup(group);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizationService.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).list().stream()
                .filter(a -> a.getAuthorizationType() == AUTH_TYPE_GRANT).findFirst()
                .orElseGet(() -> {
                    Authorization created = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
                    created.setGroupId(groupId);
                    created.setResource(resource);
                    created.setResourceId(resourceId);
                    return created;
                });
        boolean missing = Arrays.stream(permissions).anyMatch(p -> !authorization.isPermissionGranted(p));
        if (missing || authorization.getId() == null) {
            Arrays.stream(permissions).forEach(authorization::addPermission);
            authorizationService.saveAuthorization(authorization);
        }
    }
}
