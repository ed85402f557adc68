package org.illflow.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Production has no demo accounts: the first administrator comes from configuration
 * (illflow.admin.id / password / email, e.g. ILLFLOW_ADMIN_USER and ILLFLOW_ADMIN_PASSWORD) and is created once,
 * when no user of that id exists. Changing the setting later does not change an existing account's password.
 */
@Component
@Order(1)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdministrator.class);

    private final IdentityService identityService;
    private final String id;
    private final String password;
    private final String email;

    FirstAdministrator(IdentityService identityService, @Value("${illflow.admin.id:}") String id,
            @Value("${illflow.admin.password:}") String password, @Value("${illflow.admin.email:}") String email) {
        this.identityService = identityService;
        this.id = id;
        this.password = password;
        this.email = email;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (id.isBlank()) {
            if (identityService.createUserQuery().memberOfGroup(IllflowGroups.ADMINS).count() == 0) {
                LOG.warn("No administrator exists and illflow.admin.id is not set: set ILLFLOW_ADMIN_USER and "
                        + "ILLFLOW_ADMIN_PASSWORD to create the first one.");
            }
            return;
        }
        if (identityService.createUserQuery().userId(id).count() > 0) {
            return;
        }
        if (password.length() < 12) {
            throw new IllegalStateException("illflow.admin.password must have at least 12 characters");
        }
        User admin = identityService.newUser(id);
        admin.setFirstName("Administrator");
        admin.setLastName("");
        admin.setEmail(email.isBlank() ? null : email);
        admin.setPassword(password);
        identityService.saveUser(admin);
        identityService.createMembership(id, IllflowGroups.ADMINS);
        LOG.info("Created the first administrator '{}' from configuration.", id);
    }
}
