package org.illflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Component;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/** The house rules of the code base (README, How it is built) that a compiler does not check. */
@AnalyzeClasses(packages = "org.illflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * A feature's repositories are its own: other features go through its services. The request kernel's generic
     * bases ({@code @NoRepositoryBean}: the queries every request table answers) are there to be extended.
     */
    @ArchTest
    static final ArchRule repositoriesStayInTheirFeature = classes()
            .that().areAssignableTo(Repository.class)
            .and().areNotAnnotatedWith(org.springframework.data.repository.NoRepositoryBean.class)
            .should(new ArchCondition<>("be used only inside their own package") {
                @Override
                public void check(JavaClass repository, ConditionEvents events) {
                    repository.getAccessesToSelf().stream()
                            .filter(access -> !access.getOriginOwner().getPackageName()
                                    .equals(repository.getPackageName()))
                            .forEach(access -> events.add(SimpleConditionEvent.violated(access, access.getDescription())));
                    repository.getDirectDependenciesToSelf().stream()
                            .filter(dependency -> !dependency.getOriginClass().getPackageName()
                                    .equals(repository.getPackageName()))
                            .forEach(dependency -> events.add(SimpleConditionEvent.violated(dependency,
                                    dependency.getDescription())));
                }
            });

    /** Delegates are thin Spring beans named after their task: one task, one class. */
    @ArchTest
    static final ArchRule delegatesAreNamedBeans = classes()
            .that().implement(JavaDelegate.class)
            .should().haveSimpleNameEndingWith("Delegate")
            .andShould().beAnnotatedWith(Component.class);

    @ArchTest
    static final ArchRule taskListenersAreNamedBeans = classes()
            .that().implement(TaskListener.class)
            .should().haveSimpleNameEndingWith("Listener")
            .andShould().beAnnotatedWith(Component.class);

    /** One request kernel under both lifecycles: it knows neither of them, nor the pages. */
    @ArchTest
    static final ArchRule theRequestKernelKnowsNoLifecycle = noClasses()
            .that().resideInAPackage("org.illflow.request..")
            .should().dependOnClassesThat().resideInAnyPackage("org.illflow.delivery..", "org.illflow.loan..",
                    "org.illflow.portal..");

    /** What document delivery and loans share lives in the kernel, so neither reaches into the other. */
    @ArchTest
    static final ArchRule documentDeliveryDoesNotReachIntoLoans = noClasses()
            .that().resideInAPackage("org.illflow.delivery..")
            .should().dependOnClassesThat().resideInAPackage("org.illflow.loan..");

    @ArchTest
    static final ArchRule loansDoNotReachIntoDocumentDelivery = noClasses()
            .that().resideInAPackage("org.illflow.loan..")
            .should().dependOnClassesThat().resideInAPackage("org.illflow.delivery..");

    /** Our code reads requests from our tables, never the engine's internal persistence. */
    @ArchTest
    static final ArchRule noEngineInternalPersistence = noClasses()
            .that().resideInAPackage("org.illflow..")
            .should().dependOnClassesThat(DescribedPredicate.describe("Camunda persistence entities",
                    (JavaClass c) -> c.getPackageName().startsWith("org.camunda.bpm.engine.impl.persistence")));
}
