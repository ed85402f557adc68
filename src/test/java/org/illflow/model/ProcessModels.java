package org.illflow.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The BPMN models in the repository's processes/ folder: the source of truth the tests hold to. */
public final class ProcessModels {

    static final Path FOLDER = Path.of("processes");

    private ProcessModels() {
    }

    public static List<Path> bpmnFiles() {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
