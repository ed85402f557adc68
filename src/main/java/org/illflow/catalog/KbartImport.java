package org.illflow.catalog;

import java.util.List;

/** Result of reading a KBART file: the titles that imported, and the rows that were skipped. */
public record KbartImport(List<KbartTitle> titles, List<ImportProblem> problems) {

    public KbartImport {
        titles = List.copyOf(titles);
        problems = List.copyOf(problems);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
