package org.illflow.system;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models and forms named by {@code camunda.bpm.deployment-resource-pattern} (BPMN, DMN, Camunda
 * Forms and embedded HTML forms from processes/ and forms/) as one deployment, when any of them changed.
 * <p>
 * The starter's own auto-deployment is switched off because it names each resource by its absolute file path
 * (a different name on every machine, so "changed only" never holds and {@code embedded:deployment:} form
 * keys cannot be written). Here a resource is named by its path from the pattern's folder, e.g.
 * {@code forms/receive-copy.html}, the same on every machine and inside the packaged jar.
 */
@Component
public class ModelDeployment extends AbstractProcessEnginePlugin {

    public static final String DEPLOYMENT_NAME = "illflow";

    private static final Logger LOG = LoggerFactory.getLogger(ModelDeployment.class);

    private final List<String> patterns;

    ModelDeployment(CamundaBpmProperties properties) {
        this.patterns = List.of(properties.getDeploymentResourcePattern());
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        Map<String, Resource> resources = resolve();
        DeploymentBuilder builder = engine.getRepositoryService().createDeployment().name(DEPLOYMENT_NAME)
                .source(DEPLOYMENT_NAME).enableDuplicateFiltering(true);
        try {
            for (Map.Entry<String, Resource> entry : resources.entrySet()) {
                try (InputStream in = entry.getValue().getInputStream()) {
                    builder.addInputStream(entry.getKey(), in); // read at once into the deployment
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not read the models to deploy", e);
        }
        Deployment deployment = builder.deploy();
        LOG.info("Models and forms deployed ({} resources): deployment {}", resources.size(), deployment.getId());
    }

    Map<String, Resource> resolve() {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        Map<String, Resource> byName = new TreeMap<>();
        for (String pattern : patterns) {
            String folder = folderOf(pattern);
            try {
                for (Resource resource : resolver.getResources(pattern)) {
                    String url = resource.getURL().toString();
                    int at = url.lastIndexOf("/" + folder);
                    if (at < 0) {
                        throw new IllegalStateException("resource " + url + " is not under " + folder);
                    }
                    byName.put(url.substring(at + 1), resource);
                }
            } catch (IOException e) {
                throw new IllegalStateException("could not resolve " + pattern, e);
            }
        }
        return byName;
    }

    /** "classpath*:processes/**&#47;*.bpmn" gives "processes/". */
    public static String folderOf(String pattern) {
        String path = pattern.substring(pattern.indexOf(':') + 1);
        int wildcard = path.indexOf('*');
        String fixed = wildcard < 0 ? path : path.substring(0, wildcard);
        int slash = fixed.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("deployment pattern " + pattern + " needs a folder, e.g. processes/");
        }
        return fixed.substring(0, slash + 1);
    }
}
