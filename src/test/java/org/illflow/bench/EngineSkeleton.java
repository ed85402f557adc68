package org.illflow.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.task.Task;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The yardstick: a plain Camunda engine with the same three models and forms, every delegate and listener an empty
 * bean under the name the models use, no portal and no web layer, on the same kind of database, driven through the
 * engine's Java API the way illflow's users drive illflow. The variables illflow's delegates would set for the
 * ordered-and-delivered path are given at the start, so the engine walks exactly the same elements (including the
 * asynchronous notice, executed by the engine's own job executor).
 */
final class EngineSkeleton implements AutoCloseable {

    static final String[] MODELS = {"processes/document-delivery.bpmn", "processes/interlibrary-loan.bpmn",
            "processes/patron-registration.bpmn", "processes/supplier-eligibility.dmn"};
    private static final Pattern BEAN = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"");
    private static final Pattern CURRENT_SCHEMA = Pattern.compile("[?&]currentSchema=(\\w+)");

    /** Every delegate and listener of the skeleton: does nothing. */
    static final class Empty implements JavaDelegate, TaskListener, ExecutionListener {
        @Override
        public void execute(DelegateExecution execution) {
        }

        @Override
        public void notify(DelegateTask task) {
        }

        @Override
        public void notify(DelegateExecution execution) {
        }
    }

    private final ProcessEngine engine;
    private final HikariDataSource dataSource;

    /** A skeleton engine on the given JDBC database (schema created if missing), job executor on. */
    EngineSkeleton(String name, String jdbcUrl, String user, String password, boolean jobExecutor) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        // the same kind of connection pool as illflow (Hikari)
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(jdbcUrl);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setPoolName(name);
        // 8 clients and up to 10 job executor threads: 20, as illflow's pool is sized with its job executor
        pool.setMaximumPoolSize(20);
        this.dataSource = new HikariDataSource(pool);
        configuration.setDataSource(dataSource);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        // on a server shared with illflow's own tables (PostgreSQL's currentSchema=…), look for and create the
        // engine's tables in that schema only: otherwise the engine finds illflow's and creates none of its own
        Matcher schema = CURRENT_SCHEMA.matcher(jdbcUrl);
        if (schema.find()) {
            configuration.setDatabaseSchema(schema.group(1));
            configuration.setDatabaseTablePrefix(schema.group(1) + ".");
        }
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_AUDIT); // as illflow (application.yml)
        configuration.setJavaSerializationFormatEnabled(false);
        configuration.setJobExecutorActivate(jobExecutor);
        Map<Object, Object> beans = new HashMap<>();
        Empty empty = new Empty();
        for (String model : MODELS) {
            Matcher m = BEAN.matcher(read(model));
            while (m.find()) {
                beans.put(m.group(1), empty);
            }
        }
        // the mail tasks' retry cycle (failedJobRetryTimeCycle ${noticeRetry.cycle}), as illflow's NoticeRetry gives it
        beans.put("noticeRetry", Map.of("cycle", "R3/PT5M"));
        configuration.setBeans(beans);
        this.engine = configuration.buildProcessEngine();
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("skeleton")
                .enableDuplicateFiltering(true);
        for (String model : MODELS) {
            deployment.addInputStream(model, resource(model));
        }
        for (String form : new String[] {"forms/order-from-supplier.html", "forms/receive-copy.html"}) {
            deployment.addInputStream(form, resource(form));
        }
        deployment.deploy();
    }

    ProcessEngine engine() {
        return engine;
    }

    /** One request: start, then Order and Receive as staff, with the variables illflow's delegates would set. */
    void pipeline(int i, String run, Timings timings) {
        String number = "DD-SK-" + run + "-" + i;
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("requestId", (long) i);
        variables.put("requestNumber", number);
        variables.put("patronCardNumber", "2024110001");
        variables.put("requestTitle", "Benchmark article " + i);
        variables.put("archivedDocumentId", null);
        variables.put("heldLocally", false);
        variables.put("sameArticleOnOrder", null);
        variables.put("limitsOutcome", "within");
        variables.put("limitsReason", null);
        variables.put("remainingSuppliers", "CALIS,REPRINTS");
        variables.put("supplierLeft", true);
        variables.put("supplierIsPeer", false); // not an ISO 18626 partner: staff order it
        variables.put("supplierCode", "NSTL");
        variables.put("supplierName", "国家科技图书文献中心");
        variables.put("supplierDueAt", Date.from(Instant.now().plus(7, ChronoUnit.DAYS)));
        timings.time("patron: submit (POST /api/dd-requests)", () -> engine.getRuntimeService()
                .startProcessInstanceByKey("DocumentDeliveryProcess", number, variables));
        String order = findAndClaim(number, IllflowDriver.ORDER, "order", timings);
        timings.time("order: submit form", () -> {
            engine.getFormService().submitTaskForm(order, Map.of("orderOutcome", "ordered"));
            return null;
        });
        String receive = findAndClaim(number, IllflowDriver.RECEIVE, "receive", timings);
        Map<String, Object> received = new HashMap<>();
        received.put("receiveOutcome", "delivered");
        received.put("unfilledReason", null);
        received.put("documentId", (long) i);
        timings.time("receive: submit form", () -> {
            engine.getFormService().submitTaskForm(receive, received);
            return null;
        });
    }

    private String findAndClaim(String number, String taskKey, String step, Timings timings) {
        // the task appears when the step before has committed (after a save point: when the job executor ran it)
        Task task = timings.time(step + ": task query", () -> {
            for (int attempt = 0; attempt < 300; attempt++) {
                Task found = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number)
                        .taskDefinitionKey(taskKey).taskCandidateGroup("dd-staff").singleResult();
                if (found != null) {
                    return found;
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("no " + taskKey + " task for " + number);
        });
        timings.time(step + ": claim", () -> {
            engine.getTaskService().claim(task.getId(), "ddstaff");
            return null;
        });
        return task.getId();
    }

    /** Waits until no job is due (the notices ran); returns the nanoseconds it took. */
    long drainJobs(int timeoutSeconds) {
        long start = System.nanoTime();
        while (engine.getManagementService().createJobQuery().executable().count() > 0) {
            if (System.nanoTime() - start > timeoutSeconds * 1_000_000_000L) {
                throw new IllegalStateException("skeleton jobs still due after " + timeoutSeconds + " s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return System.nanoTime() - start;
    }

    long finishedInstances() {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().completed().count();
    }

    @Override
    public void close() {
        engine.close();
        dataSource.close();
    }

    private static InputStream resource(String path) {
        InputStream in = EngineSkeleton.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("no " + path + " on the classpath");
        }
        return in;
    }

    private static String read(String path) {
        try (InputStream in = resource(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
