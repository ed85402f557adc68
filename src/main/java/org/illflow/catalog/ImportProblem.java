package org.illflow.catalog;

import java.util.Objects;

/**
 * A row or record that could not be imported and was skipped.
 *
 * @param line    1-based position of the problem: the physical line number for KBART files
 *                (the header is line 1), the record number for MARC files
 * @param message what was wrong, naming the offending value
 */
public record ImportProblem(int line, String message) {

    public ImportProblem {
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return line + ": " + message;
    }
}
