package org.illflow.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One KBART row: an electronic title and the coverage a library holds for it.
 *
 * @param publicationTitle     title as given by the provider (never blank)
 * @param printIssn            print ISSN as {@code NNNN-NNNC}, or {@code null} when absent or invalid
 *                             (also {@code null} for monographs, whose identifier is an ISBN)
 * @param onlineIssn           online ISSN as {@code NNNN-NNNC}, or {@code null}
 * @param dateFirstIssueOnline first day of the coverage (lower bound of the KBART date, so {@code 1997}
 *                             gives 1997-01-01), or {@code null} when the file leaves it empty
 * @param dateLastIssueOnline  last day of the coverage (upper bound, so {@code 2015} gives 2015-12-31),
 *                             or {@code null} when the coverage runs to the present
 * @param embargo              the {@code embargo_info}, {@link Embargo#NONE} when empty
 */
public record KbartTitle(
        String publicationTitle,
        String printIssn,
        String onlineIssn,
        LocalDate dateFirstIssueOnline,
        LocalDate dateLastIssueOnline,
        String titleUrl,
        String titleId,
        Embargo embargo,
        String coverageDepth,
        String notes,
        String publisherName,
        String publicationType,
        String accessType) {

    public KbartTitle {
        if (publicationTitle == null || publicationTitle.isBlank()) {
            throw new IllegalArgumentException("publication_title is required");
        }
        embargo = embargo == null ? Embargo.NONE : embargo;
        if (dateFirstIssueOnline != null && dateLastIssueOnline != null
                && dateLastIssueOnline.isBefore(dateFirstIssueOnline)) {
            throw new IllegalArgumentException("date_last_issue_online " + dateLastIssueOnline
                    + " is before date_first_issue_online " + dateFirstIssueOnline);
        }
    }

    /** Whether the coverage runs to the present (empty {@code date_last_issue_online}). */
    public boolean isCurrent() {
        return dateLastIssueOnline == null;
    }

    /** The valid ISSNs of this title, print first. */
    public List<String> issns() {
        List<String> issns = new ArrayList<>(2);
        if (printIssn != null) {
            issns.add(printIssn);
        }
        if (onlineIssn != null && !onlineIssn.equals(printIssn)) {
            issns.add(onlineIssn);
        }
        return List.copyOf(issns);
    }

    /**
     * Whether an article published in {@code year} is available on {@code today}: some day of that
     * year lies inside the coverage dates (an open end runs to {@code today}) and is permitted by
     * the embargo.
     */
    public boolean covers(int year, LocalDate today) {
        return covers(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), today);
    }

    /** Whether the publication date {@code date} is available on {@code today}. */
    public boolean covers(LocalDate date, LocalDate today) {
        Objects.requireNonNull(date, "date");
        return covers(date, date, today);
    }

    private boolean covers(LocalDate start, LocalDate end, LocalDate today) {
        Objects.requireNonNull(today, "today");
        LocalDate from = latest(start, dateFirstIssueOnline);
        LocalDate until = earliest(end, dateLastIssueOnline == null ? today : dateLastIssueOnline);
        from = latest(from, embargo.accessibleFrom(today).orElse(null));
        until = earliest(until, embargo.accessibleUntil(today).orElse(null));
        return !from.isAfter(until);
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return b == null || a.isAfter(b) ? a : b;
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return b == null || a.isBefore(b) ? a : b;
    }
}
