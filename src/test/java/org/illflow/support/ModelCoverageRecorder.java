package org.illflow.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Records every flow node started and every sequence flow taken, per process definition key, in every test
 * of the run. {@code ModelCoverageTest} runs last and fails when a node or flow of a model in processes/ was
 * never walked.
 */
public class ModelCoverageRecorder extends AbstractProcessEnginePlugin {

    private static final Map<String, Set<String>> WALKED = new ConcurrentHashMap<>();

    public static Set<String> walked(String processKey) {
        return WALKED.getOrDefault(processKey, Set.of());
    }

    public static boolean anythingWalked() {
        return !WALKED.isEmpty();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
        if (listeners == null) {
            listeners = new ArrayList<>();
            configuration.setCustomPostBPMNParseListeners(listeners);
        }
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
                instrument(definition.getKey(), definition);
            }
        });
    }

    private static void instrument(String key, ScopeImpl scope) {
        for (ActivityImpl activity : scope.getActivities()) {
            String id = activity.getId();
            activity.addListener(ExecutionListener.EVENTNAME_START, execution -> record(key, id));
            for (var outgoing : activity.getOutgoingTransitions()) {
                TransitionImpl transition = (TransitionImpl) outgoing;
                String flowId = transition.getId();
                transition.addListener(ExecutionListener.EVENTNAME_TAKE, execution -> record(key, flowId));
            }
            instrument(key, activity);
        }
    }

    private static void record(String key, String elementId) {
        WALKED.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(elementId);
    }
}
