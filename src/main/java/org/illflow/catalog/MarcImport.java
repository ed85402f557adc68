package org.illflow.catalog;

import java.util.List;

/**
 * Result of reading MARC records: one {@link PrintHolding} per holdings field (or one per record
 * that has none), and the records that were skipped, numbered from 1 in file order.
 */
public record MarcImport(List<PrintHolding> holdings, List<ImportProblem> problems) {

    public MarcImport {
        holdings = List.copyOf(holdings);
        problems = List.copyOf(problems);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
