package org.illflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmbargoTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    void p1yHidesOnlyTheCurrentCalendarYear() {
        Embargo e = Embargo.parse("P1Y");

        assertThat(e.accessibleUntil(TODAY)).contains(LocalDate.of(2025, 12, 31));
        assertThat(e.accessibleFrom(TODAY)).isEmpty();
        assertThat(e.permitsYear(2025, TODAY)).isTrue();
        assertThat(e.permitsYear(1900, TODAY)).isTrue();
        assertThat(e.permitsYear(2026, TODAY)).isFalse();
        assertThat(e.permits(LocalDate.of(2026, 1, 1), TODAY)).isFalse();
    }

    @Test
    void r2yShowsTheCurrentAndPreviousCalendarYearsOnly() {
        Embargo e = Embargo.parse("R2Y");

        assertThat(e.accessibleFrom(TODAY)).contains(LocalDate.of(2025, 1, 1));
        assertThat(e.accessibleUntil(TODAY)).isEmpty();
        assertThat(e.permitsYear(2026, TODAY)).isTrue();
        assertThat(e.permitsYear(2025, TODAY)).isTrue();
        assertThat(e.permitsYear(2024, TODAY)).isFalse();
        assertThat(e.permits(LocalDate.of(2024, 12, 31), TODAY)).isFalse();
    }

    @Test
    void r180dCountsExactDaysBackFromToday() {
        Embargo e = Embargo.parse("R180D");
        LocalDate limit = LocalDate.of(2026, 5, 29);

        assertThat(TODAY.minusDays(180)).isEqualTo(limit);
        assertThat(e.accessibleFrom(TODAY)).contains(limit);
        assertThat(e.permits(limit, TODAY)).isTrue();
        assertThat(e.permits(limit.minusDays(1), TODAY)).isFalse();
        assertThat(e.permitsYear(2026, TODAY)).isTrue();
        assertThat(e.permitsYear(2025, TODAY)).isFalse();
    }

    @Test
    void p6mHidesTheLastSixCalendarMonths() {
        Embargo e = Embargo.parse("P6M");

        assertThat(e.accessibleUntil(TODAY)).contains(LocalDate.of(2026, 5, 31));
        assertThat(e.permits(LocalDate.of(2026, 5, 31), TODAY)).isTrue();
        assertThat(e.permits(LocalDate.of(2026, 6, 1), TODAY)).isFalse();
        assertThat(e.permitsYear(2026, TODAY)).as("January-May 2026 are accessible").isTrue();
        assertThat(e.permitsYear(2025, TODAY)).isTrue();
        assertThat(e.permitsYear(2026, LocalDate.of(2026, 6, 30))).as("nothing of 2026 yet").isFalse();
    }

    @Test
    void pDaysAndRMonths() {
        assertThat(Embargo.parse("P30D").permits(TODAY.minusDays(30), TODAY)).isTrue();
        assertThat(Embargo.parse("P30D").permits(TODAY.minusDays(29), TODAY)).isFalse();
        assertThat(Embargo.parse("R1M").accessibleFrom(TODAY)).contains(LocalDate.of(2026, 11, 1));
        assertThat(Embargo.parse("R3M").accessibleFrom(TODAY)).contains(LocalDate.of(2026, 9, 1));
    }

    @Test
    void combinedP1yR10yGivesAWindowOfNineFullYears() {
        Embargo e = Embargo.parse("P1Y;R10Y");

        assertThat(e.accessibleFrom(TODAY)).contains(LocalDate.of(2017, 1, 1));
        assertThat(e.accessibleUntil(TODAY)).contains(LocalDate.of(2025, 12, 31));
        assertThat(e.permitsYear(2016, TODAY)).isFalse();
        assertThat(e.permitsYear(2017, TODAY)).isTrue();
        assertThat(e.permitsYear(2025, TODAY)).isTrue();
        assertThat(e.permitsYear(2026, TODAY)).isFalse();
        assertThat(e.parts()).hasSize(2);
        assertThat(e).hasToString("P1Y;R10Y");
    }

    @Test
    void contradictoryCombinationPermitsNothing() {
        Embargo e = Embargo.parse("P5Y;R2Y");

        for (int year = 2015; year <= 2026; year++) {
            assertThat(e.permitsYear(year, TODAY)).as("year %d", year).isFalse();
        }
    }

    @Test
    void rangeQuestionIsTrueWhenAnyPartIsAccessible() {
        Embargo e = Embargo.parse("P1Y");

        assertThat(e.permits(LocalDate.of(2025, 6, 1), LocalDate.of(2026, 6, 1), TODAY)).isTrue();
        assertThat(e.permits(LocalDate.of(2026, 1, 1), null, TODAY)).isFalse();
        assertThat(Embargo.parse("R2Y").permits(LocalDate.of(2020, 1, 1), null, TODAY)).isTrue();
    }

    @Test
    void emptyMeansNoEmbargo() {
        assertThat(Embargo.parse("")).isSameAs(Embargo.NONE);
        assertThat(Embargo.parse(null)).isSameAs(Embargo.NONE);
        assertThat(Embargo.parse("  ")).isSameAs(Embargo.NONE);
        assertThat(Embargo.NONE.permitsYear(2026, TODAY)).isTrue();
        assertThat(Embargo.NONE.permitsYear(1665, TODAY)).isTrue();
        assertThat(Embargo.NONE.isNone()).isTrue();
        assertThat(Embargo.NONE).hasToString("");
    }

    @Test
    void lowerCaseBlanksAndAZeroEmbargoAreTolerated() {
        assertThat(Embargo.parse("p1y")).isEqualTo(Embargo.parse("P1Y"));
        assertThat(Embargo.parse(" P1Y ; r10y ")).isEqualTo(Embargo.parse("P1Y;R10Y"));
        assertThat(Embargo.parse("P0D").permits(TODAY, TODAY)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1Y", "P1W", "PY", "P1", "P1Y;X2Y", "P1Y R2Y", "P-1Y", "R0Y", "embargo", "P1.5Y"})
    void invalidValuesAreRefusedNamingTheValue(String raw) {
        assertThatThrownBy(() -> Embargo.parse(raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + raw + "'");
    }
}
