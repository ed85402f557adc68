package org.illflow.supplier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.illflow.support.IllflowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The decision table processes/supplier-eligibility.dmn, deployed and evaluated by the shared engine. */
@IllflowTest
class SupplierEligibilityTest {

    private static final String DMN_NS = "https://www.omg.org/spec/DMN/20191111/MODEL/";
    private static final String DMNDI_NS = "https://www.omg.org/spec/DMN/20191111/DMNDI/";

    @Autowired DecisionService decisionService;
    @Autowired RepositoryService repositoryService;
    @Autowired SupplierEligibility eligibility;
    @Autowired SupplierCatalog catalog;

    private List<String> evaluate(String service, String subjectArea, String language) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("service", service);
        variables.put("subjectArea", subjectArea);
        variables.put("language", language);
        DmnDecisionTableResult result = decisionService.evaluateDecisionTableByKey("SupplierEligibility", variables);
        return result.collectEntries("supplierCode");
    }

    @Test
    void humanitiesCopiesComeFromCalisCashlAndTheCommercialSupplierButNotNstl() {
        assertThat(evaluate("COPY", "HSS", "en")).containsExactlyInAnyOrder("CALIS", "CASHL", "REPRINTS");
        assertThat(evaluate("COPY", "HSS", "zh")).containsExactlyInAnyOrder("CALIS", "CASHL", "REPRINTS");
    }

    @Test
    void scienceCopiesComeFromCalisNstlAndTheCommercialSupplierButNotCashl() {
        assertThat(evaluate("COPY", "STM", "en")).containsExactlyInAnyOrder("CALIS", "NSTL", "REPRINTS");
        assertThat(evaluate("COPY", "STM", "zh")).containsExactlyInAnyOrder("CALIS", "NSTL", "REPRINTS");
    }

    @Test
    void copiesOfUnknownSubjectComeFromCalisAndTheCommercialSupplier() {
        assertThat(evaluate("COPY", null, null)).containsExactlyInAnyOrder("CALIS", "REPRINTS");
        assertThat(evaluate("COPY", "OTHER", "de")).containsExactlyInAnyOrder("CALIS", "REPRINTS");
    }

    @Test
    void loansComeFromCalisAndTheFourLendersAndCashlForHumanities() {
        assertThat(evaluate("LOAN", "STM", "zh")).containsExactlyInAnyOrder("CALIS", "NLC", "SHL", "FUDAN", "SJTU");
        assertThat(evaluate("LOAN", null, null)).containsExactlyInAnyOrder("CALIS", "NLC", "SHL", "FUDAN", "SJTU");
        assertThat(evaluate("LOAN", "HSS", "en"))
                .containsExactlyInAnyOrder("CALIS", "CASHL", "NLC", "SHL", "FUDAN", "SJTU");
    }

    @Test
    void theServiceNormalisesItsInputs() {
        assertThat(eligibility.eligibleCodes(SupplierService.COPY, " hss ", "EN"))
                .containsExactlyInAnyOrder("CALIS", "CASHL", "REPRINTS");
        assertThat(eligibility.eligibleCodes(SupplierService.COPY, "", "")).containsExactlyInAnyOrder("CALIS", "REPRINTS");
        assertThat(eligibility.eligibleCodes(SupplierService.LOAN, "stm", null))
                .containsExactlyInAnyOrder("CALIS", "NLC", "SHL", "FUDAN", "SJTU");
    }

    @Test
    void everySupplierTheTableCanNameHasADemoRow() {
        Set<String> named = new TreeSet<>();
        for (SupplierService service : SupplierService.values()) {
            for (String subject : new String[] {"HSS", "STM", null}) {
                named.addAll(eligibility.eligibleCodes(service, subject, null));
            }
        }
        assertThat(named).containsExactlyInAnyOrder("CALIS", "CASHL", "NSTL", "REPRINTS", "NLC", "SHL", "FUDAN", "SJTU");
        assertThat(named).allSatisfy(code -> assertThat(catalog.byCode(code)).as(code).isPresent());
    }

    @Test
    void theTableIsDeployedWithHistoryTimeToLiveAndOpensInTheModeler() throws Exception {
        DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery()
                .decisionDefinitionKey("SupplierEligibility").latestVersion().singleResult();
        assertThat(definition.getName()).isEqualTo("Supplier eligibility / 供应商资格");
        assertThat(definition.getHistoryTimeToLive()).isEqualTo(180);

        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document dmn = factory.newDocumentBuilder()
                .parse(Path.of("processes", "supplier-eligibility.dmn").toFile());
        Element table = (Element) dmn.getElementsByTagNameNS(DMN_NS, "decisionTable").item(0);
        assertThat(table.getAttribute("hitPolicy")).isEqualTo("COLLECT");
        NodeList shapes = dmn.getElementsByTagNameNS(DMNDI_NS, "DMNShape");
        assertThat(shapes.getLength()).isEqualTo(1);
        assertThat(((Element) shapes.item(0)).getAttribute("dmnElementRef")).isEqualTo("SupplierEligibility");
        NodeList rules = dmn.getElementsByTagNameNS(DMN_NS, "rule");
        for (int i = 0; i < rules.getLength(); i++) {
            Element rule = (Element) rules.item(i);
            assertThat(rule.getAttribute("id")).as("meaningful rule id").startsWith("Rule_")
                    .doesNotMatch("^Rule_[0-9a-z]{7}$");
            assertThat(rule.getElementsByTagNameNS(DMN_NS, "description").item(0).getTextContent())
                    .as("annotation of %s", rule.getAttribute("id")).isNotBlank();
        }
    }
}
