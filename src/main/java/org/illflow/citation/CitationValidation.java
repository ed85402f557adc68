package org.illflow.citation;

import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;

/**
 * The field rules for a citation, usable without a Bean Validation provider; the constraint
 * annotations ({@link ValidDoi} and friends) apply the same rules. Blank always passes: whether a
 * field is required is a separate rule ({@code @NotBlank}).
 */
public final class CitationValidation {

    public static final String DOI_INVALID = "citation.doi.invalid";
    public static final String ISSN_INVALID = "citation.issn.invalid";
    public static final String ISBN_INVALID = "citation.isbn.invalid";
    public static final String PAGES_INVALID = "citation.pages.invalid";
    public static final String YEAR_FUTURE = "citation.year.future";

    /** One field that breaks a rule, named as the {@link Citation} component is. */
    public record Problem(String field, String messageKey) {
    }

    private CitationValidation() {
    }

    public static List<Problem> check(Citation citation, Clock clock) {
        List<Problem> problems = new ArrayList<>();
        if (!isAcceptableIssn(citation.issn())) {
            problems.add(new Problem("issn", ISSN_INVALID));
        }
        if (!isAcceptableIssn(citation.eissn())) {
            problems.add(new Problem("eissn", ISSN_INVALID));
        }
        if (!isAcceptableIsbn(citation.isbn())) {
            problems.add(new Problem("isbn", ISBN_INVALID));
        }
        if (!isAcceptableDoi(citation.doi())) {
            problems.add(new Problem("doi", DOI_INVALID));
        }
        if (!isAcceptablePages(citation.pages())) {
            problems.add(new Problem("pages", PAGES_INVALID));
        }
        if (!isAcceptableYear(citation.year(), Year.now(clock))) {
            problems.add(new Problem("year", YEAR_FUTURE));
        }
        return List.copyOf(problems);
    }

    public static boolean isAcceptableDoi(String value) {
        return isBlank(value) || Doi.tryParse(value).isPresent();
    }

    public static boolean isAcceptableIssn(String value) {
        return isBlank(value) || Issn.isValid(value);
    }

    public static boolean isAcceptableIsbn(String value) {
        return isBlank(value) || Isbn.isValid(value);
    }

    public static boolean isAcceptablePages(String value) {
        return isBlank(value) || PageRange.parse(value).filter(range -> !range.isAbsurd()).isPresent();
    }

    /**
     * Journals date late-year issues with the coming year, and patrons ask for those articles, so
     * next year still passes; anything later is a typing error.
     */
    public static boolean isAcceptableYear(Integer year, Year currentYear) {
        return year == null || year <= currentYear.getValue() + 1;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
