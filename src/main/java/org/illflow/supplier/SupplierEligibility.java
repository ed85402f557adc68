package org.illflow.supplier;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
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

    SupplierEligibility(DecisionService decisions) {
        this.decisions = decisions;
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
