package org.illflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.illflow.support.IllflowTest;
import org.illflow.support.PortalClient;
import org.illflow.support.TestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One login for portal, Tasklist, Cockpit and Admin, against the running server (the Camunda webapps are
 * servlets outside Spring MVC). Demo accounts: admin, ddstaff, illstaff, patron 2024110001.
 */
@IllflowTest
class OneLoginSecurityTest {

    @Autowired TestSupport support;
    @Autowired IdentityService identityService;

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
        PortalClient anonymous = support.client();
        for (String path : new String[] {"/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/",
                "/camunda/app/admin/default/", "/admin/outbox"}) {
            var response = anonymous.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).as(path).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/login"));
        }
        assertThat(anonymous.get("/").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/engine-rest/task").statusCode()).isEqualTo(401);
    }

    @Test
    void aPatronGetsNoWebappAndNoRestApi() {
        PortalClient patron = support.client();
        assertThat(patron.login("2024110001", "reader2026")).endsWith("/");
        assertThat(patron.get("/").body()).contains("李明");
        assertThat(patron.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(403);
        assertThat(patron.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(403);
        assertThat(patron.get("/camunda/app/admin/default/").statusCode()).isEqualTo(403);
        assertThat(patron.get("/camunda/api/engine/engine/default/task").statusCode()).isEqualTo(403);
        assertThat(patron.get("/admin/outbox").statusCode()).isEqualTo(403);
        assertThat(support.client().getWithBasic("/engine-rest/task", "2024110001", "reader2026").statusCode())
                .isEqualTo(403);
    }

    @Test
    void staffOpenTasklistButNotCockpitOrAdmin() {
        PortalClient staff = support.client();
        staff.login("ddstaff", "staff2026");
        assertThat(staff.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        // the same session is the Camunda user: Tasklist knows who is signed in and which apps they may use
        String auth = staff.get("/camunda/api/admin/auth/user/default").body();
        assertThat(auth).contains("\"userId\":\"ddstaff\"").contains("tasklist").doesNotContain("cockpit");
        assertThat(staff.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(403);
        assertThat(staff.get("/camunda/app/admin/default/").statusCode()).isEqualTo(403);
        assertThat(staff.get("/admin/outbox").statusCode()).isEqualTo(403);
        assertThat(support.client().getWithBasic("/engine-rest/task", "ddstaff", "staff2026").statusCode())
                .isEqualTo(200);
    }

    @Test
    void anAdminOpensEverything() {
        PortalClient admin = support.client();
        admin.login("admin", "admin2026");
        assertThat(admin.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        assertThat(admin.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
        assertThat(admin.get("/camunda/app/admin/default/").statusCode()).isEqualTo(200);
        assertThat(admin.get("/camunda/api/admin/auth/user/default").body())
                .contains("cockpit", "admin", "tasklist");
        assertThat(admin.get("/admin/outbox").statusCode()).isEqualTo(200);
        assertThat(support.client().getWithBasic("/engine-rest/process-definition", "admin", "admin2026")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
        // an account of its own: the engine delays further attempts after a wrong password
        if (identityService.createUserQuery().userId("typo").count() == 0) {
            User user = identityService.newUser("typo");
            user.setPassword("right2026");
            identityService.saveUser(user);
            identityService.createMembership("typo", IllflowGroups.DD_STAFF);
        }
        PortalClient client = support.client();
        String wrongPassword = client.login("typo", "wrong-password1");
        String unknownUser = support.client().login("nobody", "staff2026");
        assertThat(wrongPassword).endsWith("/login?error").isEqualTo(unknownUser);
        String page = client.get("/login?error").body();
        assertThat(page).contains("账号或密码不正确。");
        assertThat(client.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(302);
        assertThat(support.client().getWithBasic("/engine-rest/task", "typo", "wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void portalFormsRequireTheCsrfToken() {
        PortalClient client = support.client();
        var withoutToken = client.postForm("/register", Map.of("name", "x", "cardNumber", "C12345"));
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        var loginWithoutToken = client.postForm("/login", Map.of("username", "admin", "password", "admin2026"));
        assertThat(loginWithoutToken.statusCode()).isEqualTo(403);
    }

    @Test
    void loggingOutOfTheWebappsEndsThePortalSessionToo() {
        PortalClient staff = support.client();
        staff.login("illstaff", "staff2026");
        assertThat(staff.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        // a logout request without Camunda's XSRF header is refused
        var forged = support.client().post("/camunda/api/admin/auth/user/default/logout", Map.of());
        assertThat(forged.statusCode()).isIn(302, 403);

        String xsrf = staff.cookie("XSRF-TOKEN");
        var logout = staff.post("/camunda/api/admin/auth/user/default/logout", Map.of("X-XSRF-TOKEN", xsrf));
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(staff.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(302);
    }

    @Test
    void portalLogoutEndsTheWebappSessionToo() {
        PortalClient staff = support.client();
        staff.login("illstaff", "staff2026");
        assertThat(staff.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        String token = PortalClient.csrfFrom(staff.get("/").body());
        assertThat(staff.postForm("/logout", Map.of("_csrf", token)).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));
        assertThat(staff.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(302);
        assertThat(staff.get("/camunda/api/engine/engine/default/task").statusCode()).isEqualTo(302);
    }
}
