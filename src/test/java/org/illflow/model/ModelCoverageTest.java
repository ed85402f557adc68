package org.illflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.illflow.support.ModelCoverageRecorder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs after every other test class (see junit-platform.properties) and fails the build when a flow node or
 * sequence flow of a model in processes/ was walked by no test. Skipped when no process test ran at all
 * (a single test class run from the IDE).
 */
@Order(Integer.MAX_VALUE)
class ModelCoverageTest {

    @TestFactory
    Collection<DynamicTest> everyPathOfEveryModelIsWalkedByATest() {
        Assumptions.assumeTrue(ModelCoverageRecorder.anythingWalked(), "no process test ran in this JVM");
        return ProcessModels.bpmnFiles().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
                () -> {
                    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
                    for (Process process : model.getModelElementsByType(Process.class)) {
                        Set<String> expected = new TreeSet<>();
                        model.getModelElementsByType(FlowNode.class).forEach(n -> expected.add(n.getId()));
                        model.getModelElementsByType(SequenceFlow.class).forEach(f -> expected.add(f.getId()));
                        Set<String> walked = ModelCoverageRecorder.walked(process.getId());
                        expected.removeAll(walked);
                        // the engine moves from an event-based gateway to the event that fired without taking the
                        // flow between them: the event's start walks that flow
                        model.getModelElementsByType(SequenceFlow.class).stream()
                                .filter(f -> f.getSource() instanceof EventBasedGateway
                                        && walked.contains(f.getTarget().getId()))
                                .forEach(f -> expected.remove(f.getId()));
                        assertThat(expected).as("elements of %s no test walked", process.getId()).isEmpty();
                    }
                })).toList();
    }
}
