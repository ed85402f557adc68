package org.illflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every model in processes/ opens well in Camunda Modeler and deploys: executable, historyTimeToLive set,
 * every flow node labelled with a meaningful id, and diagram interchange for every node and flow.
 */
class ModelRulesTest {

    @TestFactory
    Collection<DynamicTest> everyModelFollowsTheHouseRules() {
        assertThat(ProcessModels.bpmnFiles()).as("models in processes/").isNotEmpty();
        return ProcessModels.bpmnFiles().stream()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file))).toList();
    }

    private static void check(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Bpmn.validateModel(model);
        for (Process process : model.getModelElementsByType(Process.class)) {
            assertThat(process.isExecutable()).as("%s is executable", process.getId()).isTrue();
            assertThat(process.getCamundaHistoryTimeToLiveString()).as("%s historyTimeToLive", process.getId())
                    .isNotBlank();
            assertThat(process.getName()).as("%s name", process.getId()).isNotBlank();
        }
        Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
                .map(shape -> shape.getBpmnElement().getId()).collect(Collectors.toSet());
        Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
                .map(edge -> edge.getBpmnElement().getId()).collect(Collectors.toSet());
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            assertThat(node.getName()).as("%s: label of %s", file, node.getId()).isNotBlank();
            assertChineseThenEnglish(file, node.getId(), node.getName());
            assertThat(shapes).as("%s: diagram shape of %s", file, node.getId()).contains(node.getId());
            assertMeaningfulId(file, node);
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            assertThat(edges).as("%s: diagram edge of %s", file, flow.getId()).contains(flow.getId());
            assertMeaningfulId(file, flow);
            if (flow.getName() != null) {
                assertChineseThenEnglish(file, flow.getId(), flow.getName());
            }
        }
    }

    /**
     * Staff read Chinese first, the English after it ("订购 Order from supplier"); a name is plain text, never an
     * expression, which Modeler and Cockpit would show raw (Tasklist adds the supplier at runtime).
     */
    private static void assertChineseThenEnglish(Path file, String id, String name) {
        assertThat(name).as("%s: name of %s", file, id).matches("^[\\p{IsHan}（].*").doesNotContain("${")
                .doesNotContain("#{");
    }

    /** Not a Modeler default like Activity_0x1y2z3 or Task_1. */
    private static void assertMeaningfulId(Path file, BaseElement element) {
        assertThat(element.getId()).as("%s: id %s", file, element.getId())
                .doesNotMatch("^[A-Za-z]+_[0-9a-z]{7}$").doesNotMatch("^[A-Za-z]+_\\d+$");
    }
}
