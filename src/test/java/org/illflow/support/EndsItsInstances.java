package org.illflow.support;

import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Ends, after each test, every process instance the test started and left running, and puts the engine clock back,
 * so a test's open requests do not crowd the Tasklist queues that later tests (and the browser tests) look at.
 * Instances are told apart by what was running before the test, not by time, so a test that moves the clock back
 * still has its instances ended. Use with {@code @ExtendWith(EndsItsInstances.class)} on a Spring test class.
 */
public class EndsItsInstances implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EndsItsInstances.class);
    private static final String RUNNING_BEFORE = "running before the test";

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put(RUNNING_BEFORE, running(runtime(context)));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterEach(ExtensionContext context) {
        ClockUtil.reset();
        RuntimeService runtime = runtime(context);
        Set<String> before = context.getStore(NAMESPACE).get(RUNNING_BEFORE, Set.class);
        running(runtime).stream().filter(id -> !before.contains(id)).forEach(id ->
                // a root instance; its called instances end with it
                runtime.deleteProcessInstanceIfExists(id, "test finished", true, true, false, false));
    }

    private static Set<String> running(RuntimeService runtime) {
        return runtime.createProcessInstanceQuery().rootProcessInstances().list().stream()
                .map(ProcessInstance::getId).collect(Collectors.toSet());
    }

    private static RuntimeService runtime(ExtensionContext context) {
        return SpringExtension.getApplicationContext(context).getBean(RuntimeService.class);
    }
}
