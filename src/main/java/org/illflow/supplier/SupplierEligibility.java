package org.illflow.supplier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Service;

/**
 * Which suppliers may serve a request under the library's agreements: the decision table
 * {@code processes/supplier-eligibility.dmn} (decision {@value #DECISION_KEY}, hit policy COLLECT), evaluated
 * by the shared engine. Changing who serves what is a change of that table, not of code.
 */
@Service
public class SupplierEligibility {

    public static final String DECISION_KEY = "SupplierEligibility";
    public static final String IN_SERVICE = "service";
    public static final String IN_SUBJECT_AREA = "subjectArea";
    public static final String IN_LANGUAGE = "language";
    public static final String OUT_SUPPLIER_CODE = "supplierCode";

    private final DecisionService decisions;
    private final RepositoryService repository;

    SupplierEligibility(DecisionService decisions, RepositoryService repository) {
        this.decisions = decisions;
        this.repository = repository;
    }

    /**
     * What the deployed table says about each supplier: the descriptions of the rules that name it, by supplier
     * code. The supplier pages show these; subjects and languages are never edited anywhere else.
     */
    public Map<String, List<String>> rulesBySupplier() {
        DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_KEY)
                .latestVersion().singleResult();
        Map<String, List<String>> rules = new LinkedHashMap<>();
        if (definition == null) {
            return rules;
        }
        DmnModelInstance table = repository.getDmnModelInstance(definition.getId());
        for (Rule rule : table.getModelElementsByType(Rule.class)) {
            String description = rule.getDescription() == null ? rule.getId() : rule.getDescription().getTextContent();
            for (OutputEntry output : rule.getOutputEntries()) {
                String code = output.getTextContent().strip().replace("\"", "");
                rules.computeIfAbsent(code, c -> new ArrayList<>()).add(description.strip());
            }
        }
        return rules;
    }

    /**
     * @param subjectArea HSS, STM, or anything else / null when unknown (case is ignored)
     * @param language    ISO 639-1 code of the document (zh, en, …) or null when unknown
     * @return the codes of the eligible suppliers, each once, in the table's rule order
     */
    public List<String> eligibleCodes(SupplierService service, String subjectArea, String language) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(IN_SERVICE, service.name());
        variables.put(IN_SUBJECT_AREA, blankToNull(subjectArea, true));
        variables.put(IN_LANGUAGE, blankToNull(language, false));
        DmnDecisionTableResult result = decisions.evaluateDecisionTableByKey(DECISION_KEY, variables);
        List<String> codes = result.collectEntries(OUT_SUPPLIER_CODE);
        return List.copyOf(new LinkedHashSet<>(codes));
    }

    private static String blankToNull(String value, boolean upper) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        return upper ? stripped.toUpperCase(Locale.ROOT) : stripped.toLowerCase(Locale.ROOT);
    }
}
