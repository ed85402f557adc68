package org.illflow.demo;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.illflow.patron.PatronRegistration;
import org.illflow.patron.PatronType;
import org.illflow.patron.RegistrationForm;
import org.illflow.security.IllflowGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo accounts of the embedded default (listed in the README). Never loaded on the postgres profile:
 * illflow.demo-data.enabled is false there. Idempotent: a restart keeps what exists.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "illflow.demo-data.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    static final String STAFF_PASSWORD = "staff2026";
    static final String ADMIN_PASSWORD = "admin2026";
    static final String PATRON_PASSWORD = "reader2026";

    private final IdentityService identityService;
    private final PatronRegistration registration;

    DemoData(IdentityService identityService, PatronRegistration registration) {
        this.identityService = identityService;
        this.registration = registration;
    }

    @Override
    public void run(ApplicationArguments args) {
        staff("admin", "系统管理员", "admin@library.example.edu", ADMIN_PASSWORD, IllflowGroups.ADMINS);
        staff("ddstaff", "文献传递 张老师", "dd@library.example.edu", STAFF_PASSWORD, IllflowGroups.DD_STAFF);
        staff("illstaff", "馆际互借 刘老师", "ill@library.example.edu", STAFF_PASSWORD, IllflowGroups.ILL_STAFF);
        patron("2024110001", "李明", "liming@stu.example.edu", "13800000001", PatronType.PHD_STUDENT, "化学化工学院", "zh");
        patron("2025120002", "Emma Wilson", "emma.wilson@stu.example.edu", "13800000002",
                PatronType.MASTER_STUDENT, "School of Foreign Languages", "en");
        patron("T2010003", "王芳", "wangfang@example.edu", "13800000003", PatronType.FACULTY, "历史学院", "zh");
        LOG.info("Demo data ready: accounts admin, ddstaff, illstaff and patrons 2024110001, 2025120002, T2010003 "
                + "(passwords in the README).");
    }

    private void staff(String id, String name, String email, String password, String group) {
        if (identityService.createUserQuery().userId(id).count() > 0) {
            return;
        }
        User user = identityService.newUser(id);
        user.setFirstName(name);
        user.setLastName("");
        user.setEmail(email);
        user.setPassword(password);
        identityService.saveUser(user);
        identityService.createMembership(id, group);
    }

    private void patron(String card, String name, String email, String phone, PatronType type, String college,
            String language) {
        RegistrationForm form = new RegistrationForm();
        form.setCardNumber(card);
        form.setName(name);
        form.setEmail(email);
        form.setPhone(phone);
        form.setPatronType(type);
        form.setCollege(college);
        form.setLanguage(language);
        registration.enrolApproved(form, PATRON_PASSWORD, "demo-data");
    }
}
