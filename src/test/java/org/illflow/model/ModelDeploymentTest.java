package org.illflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.illflow.support.IllflowTest;
import org.illflow.system.ModelDeployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Models and forms deploy under names that are the same on every machine, and only when they changed. */
@IllflowTest
class ModelDeploymentTest {

    @Autowired RepositoryService repositoryService;
    @Autowired ModelDeployment modelDeployment;
    @Autowired ProcessEngine engine;

    @Test
    void resourcesAreNamedByTheirRepositoryPathAndDeployedOnlyWhenChanged() {
        Deployment deployment = repositoryService.createDeploymentQuery().deploymentName(ModelDeployment.DEPLOYMENT_NAME)
                .singleResult();
        assertThat(repositoryService.getDeploymentResourceNames(deployment.getId()))
                .contains("processes/patron-registration.bpmn", "forms/review-registration.form",
                        "forms/register-patron.form")
                .allSatisfy(name -> assertThat(name).matches("(processes|forms)/[a-z0-9-]+\\.(bpmn|dmn|form|html)"));

        modelDeployment.postProcessEngineBuild(engine);
        assertThat(repositoryService.createDeploymentQuery().deploymentName(ModelDeployment.DEPLOYMENT_NAME).count())
                .isEqualTo(1);
    }

    @Test
    void thePatternsFolderIsTheNamesPrefix() {
        assertThat(ModelDeployment.folderOf("classpath*:processes/**/*.bpmn")).isEqualTo("processes/");
        assertThat(ModelDeployment.folderOf("classpath*:forms/**/*.form")).isEqualTo("forms/");
    }
}
