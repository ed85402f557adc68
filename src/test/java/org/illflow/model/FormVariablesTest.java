package org.illflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimeCycle;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.TimeDuration;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.illflow.support.FormFields;
import org.illflow.support.FormVariableRecorder;
import org.illflow.support.ModelCoverageRecorder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every variable a form field, a task name, a condition or a timer reads is declared in its process's constants
 * class (so Java and the model cannot drift), and — checked on every task some test created, and every path is
 * walked by a test (ModelCoverageTest) — set on the path that reached the form. Ordered just before
 * ModelCoverageTest so it sees what every other test created.
 */
@Order(Integer.MAX_VALUE - 1)
class FormVariablesTest {

    /** Where the constants class of a process lives: {@code org.illflow.<feature>.<process id>}. */
    private static final List<String> FEATURES = List.of("delivery", "lending", "loan", "patron");
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    private static final Pattern IDENTIFIER = Pattern.compile("'[^']*'|\"[^\"]*\"|([A-Za-z_][A-Za-z0-9_]*)(\\s*[.(])?");
    private static final Set<String> EL_WORDS = Set.of("null", "true", "false", "empty", "not", "and", "or", "eq",
            "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof");

    @TestFactory
    Collection<DynamicTest> everyVariableAModelOrFormReadsIsDeclaredInItsConstantsClass() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : ProcessModels.bpmnFiles()) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (Process process : model.getModelElementsByType(Process.class)) {
                tests.add(DynamicTest.dynamicTest(process.getId(), () -> {
                    Set<String> declared = declaredIn(constantsClass(process.getId()));
                    Set<String> read = variablesRead(model);
                    assertThat(read).as("variables %s reads", process.getId()).isNotEmpty();
                    assertThat(new TreeSet<>(read)).as("read by %s but not declared in %s", file,
                            constantsClass(process.getId()).getSimpleName()).isSubsetOf(declared);
                }));
            }
        }
        return tests;
    }

    @Test
    void everyFormShowsOnlyVariablesSetOnEveryPathThatReachesIt() {
        Assumptions.assumeTrue(ModelCoverageRecorder.anythingWalked(), "no process test ran in this JVM");
        assertThat(FormVariableRecorder.checked()).as("user tasks with a form some test created").isNotEmpty();
        assertThat(FormVariableRecorder.unset()).as("a form showed a variable its path did not set").isEmpty();
    }

    static Class<?> constantsClass(String processId) {
        for (String feature : FEATURES) {
            try {
                return Class.forName("org.illflow." + feature + "." + processId);
            } catch (ClassNotFoundException e) {
                // try the next feature
            }
        }
        throw new AssertionError("no constants class org.illflow.<feature>." + processId);
    }

    static Set<String> declaredIn(Class<?> constants) throws IllegalAccessException {
        Set<String> values = new TreeSet<>();
        for (Field field : constants.getDeclaredFields()) {
            int m = field.getModifiers();
            if (Modifier.isStatic(m) && Modifier.isFinal(m) && field.getType() == String.class) {
                field.setAccessible(true);
                values.add((String) field.get(null));
            }
        }
        return values;
    }

    /** Form fields of start events and user tasks; variables in names, conditions and timers. */
    static Set<String> variablesRead(BpmnModelInstance model) {
        Set<String> read = new TreeSet<>();
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            if (start.getCamundaFormRef() != null) {
                read.addAll(FormFields.of(start.getCamundaFormRef()).all());
            }
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String form = task.getCamundaFormRef() != null ? task.getCamundaFormRef() : task.getCamundaFormKey();
            if (form != null) {
                read.addAll(FormFields.of(form).all());
            }
        }
        model.getModelElementsByType(FlowNode.class).forEach(node -> read.addAll(variablesIn(node.getName())));
        for (Class<? extends ModelElementInstance> type : List.of(ConditionExpression.class, TimeDate.class,
                TimeDuration.class, TimeCycle.class)) {
            model.getModelElementsByType(type).forEach(e -> read.addAll(variablesIn(e.getTextContent())));
        }
        return read;
    }

    /** Identifiers an expression reads as variables: not literals, EL words, beans (followed by .) or methods. */
    static Set<String> variablesIn(String text) {
        Set<String> names = new TreeSet<>();
        if (text == null) {
            return names;
        }
        Matcher expression = EXPRESSION.matcher(text);
        while (expression.find()) {
            Matcher token = IDENTIFIER.matcher(expression.group(1));
            int end = -1;
            while (token.find()) {
                boolean member = token.start() > 0 && expression.group(1).charAt(token.start() - 1) == '.';
                if (token.group(1) != null && token.group(2) == null && !member && token.start() != end
                        && !EL_WORDS.contains(token.group(1))) {
                    names.add(token.group(1));
                }
                end = token.end();
            }
        }
        return names;
    }
}
