package org.illflow.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Whenever a test creates a user task, checks that every variable its form shows is set on the path that
 * reached it (a form shows an unset variable as an empty field, silently). {@code FormVariablesTest} runs last
 * and fails on any gap recorded in the whole run.
 */
public class FormVariableRecorder extends AbstractProcessEnginePlugin {

    /** "process / task: variable" for every variable a form showed without it being set. */
    private static final Set<String> UNSET = ConcurrentHashMap.newKeySet();
    /** "process / task" of every user task with a form that some test created. */
    private static final Set<String> CHECKED = ConcurrentHashMap.newKeySet();

    public static Set<String> unset() {
        return new TreeSet<>(UNSET);
    }

    public static Set<String> checked() {
        return new TreeSet<>(CHECKED);
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
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                String form = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
                if (form == null) {
                    form = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formKey");
                }
                if (form == null) {
                    return;
                }
                Set<String> shown = FormFields.of(form).shown();
                String where = ((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey() + " / " + activity.getId();
                TaskListener check = task -> {
                    CHECKED.add(where);
                    Map<String, Object> variables = task.getExecution().getVariables();
                    shown.stream().filter(name -> !variables.containsKey(name))
                            .forEach(name -> UNSET.add(where + ": " + name));
                };
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addTaskListener(TaskListener.EVENTNAME_CREATE, check);
            }
        });
    }
}
