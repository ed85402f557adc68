package org.illflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the forms in forms/ read and write: Camunda Forms (.form, found by their id as a {@code formRef} names them)
 * and embedded HTML forms (found by the path a {@code formKey} names). A field is <em>shown</em> when the form
 * displays a value the process must already hold (a read-only field, a variable an embedded form fetches); every
 * other field is an answer the form itself creates.
 */
public final class FormFields {

    public static final Path FOLDER = Path.of("forms");
    private static final String EMBEDDED = "embedded:deployment:";
    private static final Pattern CAM_VARIABLE = Pattern.compile("cam-variable-name=\"([^\"]+)\"");
    private static final Pattern FETCHED = Pattern.compile("fetchVariable\\('([^']+)'\\)");
    private static final Pattern CREATED = Pattern.compile("createVariable\\(\\{\\s*name:\\s*'([^']+)'");
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");
    private static final Map<String, Path> BY_ID = new ConcurrentHashMap<>();

    /** The variables a form shows, and all it reads or writes. */
    public record Fields(Set<String> shown, Set<String> all) {
    }

    private FormFields() {
    }

    /** The fields of the form a user task or start event names ({@code formRef} id or embedded {@code formKey}). */
    public static Fields of(String formRefOrKey) {
        if (formRefOrKey.startsWith(EMBEDDED)) {
            return embedded(Path.of(formRefOrKey.substring(EMBEDDED.length())));
        }
        return camundaForm(formFile(formRefOrKey));
    }

    static Path formFile(String id) {
        if (BY_ID.isEmpty()) {
            try (Stream<Path> files = Files.list(FOLDER)) {
                files.filter(f -> f.toString().endsWith(".form"))
                        .forEach(f -> BY_ID.put(json(f).path("id").asText(), f));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path file = BY_ID.get(id);
        if (file == null) {
            throw new IllegalArgumentException("no form with id " + id + " in " + FOLDER);
        }
        return file;
    }

    private static Fields camundaForm(Path file) {
        Set<String> shown = new TreeSet<>();
        Set<String> all = new TreeSet<>();
        collect(json(file).path("components"), shown, all);
        return new Fields(shown, all);
    }

    private static void collect(JsonNode components, Set<String> shown, Set<String> all) {
        for (JsonNode component : components) {
            String key = component.path("key").asText("");
            if (!key.isEmpty()) {
                all.add(key);
                if (component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false)) {
                    shown.add(key);
                }
            }
            Matcher template = TEMPLATE.matcher(component.path("text").asText(""));
            while (template.find()) {
                shown.add(template.group(1));
                all.add(template.group(1));
            }
            collect(component.path("components"), shown, all);
        }
    }

    private static Fields embedded(Path file) {
        String html;
        try {
            html = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> shown = new TreeSet<>();
        Set<String> all = new TreeSet<>();
        Matcher fetched = FETCHED.matcher(html);
        while (fetched.find()) {
            shown.add(fetched.group(1));
            all.add(fetched.group(1));
        }
        for (Pattern answer : new Pattern[] {CAM_VARIABLE, CREATED}) {
            Matcher answered = answer.matcher(html);
            while (answered.find()) {
                all.add(answered.group(1));
            }
        }
        return new Fields(shown, all);
    }

    private static JsonNode json(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
