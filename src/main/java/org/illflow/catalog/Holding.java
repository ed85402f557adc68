package org.illflow.catalog;

import java.util.List;

/**
 * Where the library already has an item: a subscribed e-journal (link, covered years and embargo) or a print copy
 * (call number and location).
 *
 * @param matchedBy how it was found: ISSN, ISBN or TITLE
 * @param coverage  an e-journal's coverage, null for print copies
 */
public record Holding(Kind kind, String title, String url, String callNumber, String location, String matchedBy,
        Coverage coverage) {

    public enum Kind {
        E_JOURNAL,
        PRINT
    }

    public Holding(Kind kind, String title, String url, String callNumber, String location, String matchedBy) {
        this(kind, title, url, callNumber, location, matchedBy, null);
    }

    /**
     * The years an e-journal covers and its embargo, as the patron is told in the one-stop check.
     *
     * @param firstYear  first covered year, null when the list gives none
     * @param lastYear   last covered year, null when the coverage runs to the present
     * @param embargo    the KBART {@code embargo_info} parts ({@code P1Y}: the last year is not readable;
     *                   {@code R5Y}: only the last five years are), empty when there is none
     */
    public record Coverage(Integer firstYear, Integer lastYear, List<Embargo.Part> embargo) {

        public Coverage {
            embargo = List.copyOf(embargo);
        }

        public boolean current() {
            return lastYear == null;
        }

        /** The raw embargo as the provider wrote it ({@code P1Y;R10Y}), empty when none. */
        public String embargoCode() {
            return String.join(";", embargo.stream().map(Embargo.Part::toString).toList());
        }
    }
}
