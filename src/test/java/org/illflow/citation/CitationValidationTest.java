package org.illflow.citation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import org.illflow.citation.CitationValidation.Problem;
import org.junit.jupiter.api.Test;

/** The plain rules, for callers without a Bean Validation provider (the OpenURL import, the API). */
class CitationValidationTest {

    private static final Clock MID_2025 = Clock.fixed(Instant.parse("2025-06-15T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void namesEveryBadFieldWithItsMessageKey() {
        Citation citation = Citation.builder()
                .doi("11.1000/x")
                .issn("0317-8472")
                .eissn("2434-5610")
                .isbn("0-940016-73-8")
                .pages("386-361")
                .year(2027)
                .build();

        assertThat(CitationValidation.check(citation, MID_2025)).containsExactly(
                new Problem("issn", "citation.issn.invalid"),
                new Problem("eissn", "citation.issn.invalid"),
                new Problem("isbn", "citation.isbn.invalid"),
                new Problem("doi", "citation.doi.invalid"),
                new Problem("pages", "citation.pages.invalid"),
                new Problem("year", "citation.year.future"));
    }

    @Test
    void aCitationFromARealOpenUrlPasses() {
        Citation citation = OpenUrl.parse(OpenUrl.parseQueryString(
                "genre=article&issn=13334395&date=2006&volume=5&issue=2&spage=165")).citation();

        assertThat(CitationValidation.check(citation, MID_2025)).isEmpty();
    }

    @Test
    void anEmptyCitationPassesBecauseRequiredFieldsAreCheckedElsewhere() {
        assertThat(CitationValidation.check(Citation.builder().build(), MID_2025)).isEmpty();
    }

    @Test
    void theSingleFieldRulesTreatBlankAsAcceptable() {
        assertThat(CitationValidation.isAcceptableDoi(" ")).isTrue();
        assertThat(CitationValidation.isAcceptableIssn(null)).isTrue();
        assertThat(CitationValidation.isAcceptableIsbn("")).isTrue();
        assertThat(CitationValidation.isAcceptablePages("\t")).isTrue();
        assertThat(CitationValidation.isAcceptableYear(null, Year.of(2025))).isTrue();
    }

    @Test
    void theYearRuleAllowsNextYearsIssues() {
        assertThat(CitationValidation.isAcceptableYear(2026, Year.of(2025))).isTrue();
        assertThat(CitationValidation.isAcceptableYear(2027, Year.of(2025))).isFalse();
    }
}
