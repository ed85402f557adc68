package org.illflow.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.illflow.support.IllflowTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Report figures against hand-computed expectations over {@link ReportFixture} (2011–2013). */
@IllflowTest
class ReportsTest {

    static final LocalDate FROM = LocalDate.of(2011, 1, 1);
    static final LocalDate TO = LocalDate.of(2013, 12, 31);

    @Autowired
    Reports reports;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void fixture() {
        ReportFixture.load(jdbc);
    }

    @Test
    void byYearIncludingTheEmptyYearAndTheRequestSpanningTheYearEnd() {
        ReportResult result = reports.run(ReportQuery.of(List.of("year"), FROM, TO, null));

        assertThat(result.rows()).extracting(r -> r.keys().get(0)).containsExactly(2011, 2012, 2013);
        ReportRow y2011 = result.rows().get(0);
        // RPT-01..06: RPT-06 is 2011 in the library's zone, RPT-03 counts in the year it was submitted
        assertThat(y2011.requests()).isEqualTo(6);
        assertThat(y2011.filled()).isEqualTo(4);
        assertThat(y2011.unfilled()).isEqualTo(1);
        assertThat(y2011.cancelled()).isEqualTo(1);
        assertThat(y2011.fromArchive()).isEqualTo(1);
        assertThat(y2011.heldLocally()).isZero();
        assertThat(y2011.libraryCost()).isEqualByComparingTo("37.75");
        assertThat(y2011.fillRate()).isEqualByComparingTo("80.0");
        assertThat(y2011.archiveReuse()).isEqualByComparingTo("25.0");
        // turnarounds 0.5, 2, 4, 5 days: median (2 + 4) / 2; 90th percentile 4 + 0.7 × (5 − 4)
        assertThat(y2011.medianDays()).isEqualTo(3.0);
        assertThat(y2011.p90Days()).isEqualTo(4.7);

        ReportRow y2012 = result.rows().get(1);
        assertThat(y2012.requests()).isZero();
        assertThat(y2012.fillRate()).isNull();
        assertThat(y2012.medianDays()).isNull();
        assertThat(y2012.libraryCost()).isEqualByComparingTo("0");

        ReportRow y2013 = result.rows().get(2);
        // RPT-07, 08, 09 (23:30 on 31 December) and the imported loan RPT-12
        assertThat(y2013.requests()).isEqualTo(4);
        assertThat(y2013.filled()).isEqualTo(2);
        assertThat(y2013.unfilled()).isEqualTo(1);
        assertThat(y2013.heldLocally()).isEqualTo(1);
        assertThat(y2013.libraryCost()).isEqualByComparingTo("75.00");
        assertThat(y2013.overdueFees()).isEqualByComparingTo("3.50");
        assertThat(y2013.fillRate()).isEqualByComparingTo("66.7");
        assertThat(y2013.medianDays()).isEqualTo(8.5);
        assertThat(y2013.p90Days()).isEqualTo(9.7);

        ReportRow total = result.total();
        assertThat(total.requests()).isEqualTo(10);
        assertThat(total.filled()).isEqualTo(6);
        assertThat(total.unfilled()).isEqualTo(2);
        assertThat(total.cancelled()).isEqualTo(1);
        assertThat(total.libraryCost()).isEqualByComparingTo("112.75");
        assertThat(total.fillRate()).isEqualByComparingTo("75.0");
        // 0.5, 2, 4, 5, 7, 10: median (4 + 5) / 2; 90th percentile 7 + 0.5 × 3
        assertThat(total.medianDays()).isEqualTo(4.5);
        assertThat(total.p90Days()).isEqualTo(8.5);
    }

    @Test
    void bySupplierWithCostAndFillRate() {
        ReportResult result = reports.run(ReportQuery.of(List.of("supplier"), FROM, TO, null));

        assertThat(result.rows()).extracting(r -> r.keys().get(0))
                .containsExactly("CALIS", "CASHL", "NLC", "NSTL", null);
        ReportRow nstl = result.rows().get(3);
        // RPT-01, 05 (unfilled), 07; RPT-11 is 2014
        assertThat(nstl.requests()).isEqualTo(3);
        assertThat(nstl.filled()).isEqualTo(2);
        assertThat(nstl.unfilled()).isEqualTo(1);
        assertThat(nstl.libraryCost()).isEqualByComparingTo("40.00");
        assertThat(nstl.fillRate()).isEqualByComparingTo("66.7");
        ReportRow calis = result.rows().get(0);
        assertThat(calis.requests()).isEqualTo(2);
        assertThat(calis.fillRate()).isEqualByComparingTo("50.0");
        assertThat(calis.libraryCost()).isEqualByComparingTo("20.50");
        ReportRow none = result.rows().get(4);
        assertThat(none.requests()).isEqualTo(3);
        assertThat(none.cancelled()).isEqualTo(1);
    }

    @Test
    void twoDimensionsFillEveryCombination() {
        ReportResult result = reports.run(ReportQuery.of(List.of("year", "service"), FROM, TO, null));

        assertThat(result.rows()).extracting(r -> r.keys().get(0) + "/" + r.keys().get(1) + "=" + r.requests())
                .containsExactly("2011/DD=6", "2011/ILL=0", "2012/DD=0", "2012/ILL=0", "2013/DD=3", "2013/ILL=1");

        ReportResult types = reports.run(ReportQuery.of(List.of("patron-type", "college"), FROM, TO, null));
        assertThat(types.rows()).extracting(r -> r.keys().get(0) + "/" + r.keys().get(1) + "=" + r.requests())
                .contains("FACULTY/物理学院=3", "FACULTY/数学学院=2", "PHD_STUDENT/化学学院=1", "MASTER_STUDENT/化学学院=2");
    }

    @Test
    void topJournalsByIssnWithTheirTitles() {
        ReportResult result = reports.run(ReportQuery.of(List.of("journal"), FROM, TO, 2));

        assertThat(result.rows()).hasSize(2);
        assertThat(result.rows().get(0).keys().get(0)).isEqualTo("1111-1111");
        assertThat(result.rows().get(0).labels().get(0)).isEqualTo("Journal A");
        assertThat(result.rows().get(0).requests()).isEqualTo(4);
        assertThat(result.rows().get(1).keys().get(0)).isEqualTo("2222-2222");
        assertThat(result.rows().get(1).requests()).isEqualTo(3);
    }

    @Test
    void monthsAndPatronsAndTurnaroundDistribution() {
        ReportResult months = reports.run(ReportQuery.of(List.of("month"), LocalDate.of(2011, 11, 1),
                LocalDate.of(2012, 2, 29), null));
        assertThat(months.rows()).extracting(r -> r.keys().get(0) + "=" + r.requests())
                .containsExactly("201111=0", "201112=1", "201201=0", "201202=0");

        ReportResult patrons = reports.run(ReportQuery.of(List.of("patron"), FROM, TO, null));
        assertThat(patrons.rows()).extracting(r -> r.keys().get(0) + "=" + r.requests())
                .containsExactly("P1=3", "P2=3", "P3=2", "P4=2");

        TurnaroundDistribution distribution = reports.turnaround(FROM, TO);
        // 0.5 | 2 | 4, 5 | 7, 10 | – | –
        assertThat(distribution.counts()).containsExactly(1, 1, 2, 2, 0, 0);
    }

    @Test
    void yearlyVolumesAgreeWithTheFullReport() {
        ReportResult volumes = reports.yearlyVolumes(FROM, TO);
        assertThat(volumes.rows()).extracting(ReportRow::requests).containsExactly(6L, 0L, 0L, 0L, 3L, 1L);
        assertThat(volumes.total().requests()).isEqualTo(10);
        assertThat(reports.yearlyVolumes(LocalDate.of(2011, 1, 1), LocalDate.of(2011, 1, 1)).total().requests())
                .isEqualTo(1);
    }

    @Test
    void badQueriesRunNothing() {
        assertThatThrownBy(() -> ReportQuery.of(List.of("colour"), FROM, TO, null))
                .isInstanceOfSatisfying(InvalidReportException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("report.error.unknownDimension");
                    assertThat(Arrays.asList(e.arguments())).containsExactly("colour");
                });
        assertThatThrownBy(() -> ReportQuery.of(List.of("year"), TO, FROM, null))
                .hasFieldOrPropertyWithValue("messageKey", "report.error.rangeReversed");
        assertThatThrownBy(() -> ReportQuery.of(List.of("year"), LocalDate.of(1989, 12, 31), TO, null))
                .hasFieldOrPropertyWithValue("messageKey", "report.error.rangeTooEarly");
        assertThatThrownBy(() -> ReportQuery.of(List.of("year"), LocalDate.of(1990, 1, 1), LocalDate.of(2045, 1, 1), null))
                .hasFieldOrPropertyWithValue("messageKey", "report.error.rangeTooLong");
        assertThatThrownBy(() -> ReportQuery.of(List.of("year", "college", "patron"), FROM, TO, null))
                .hasFieldOrPropertyWithValue("messageKey", "report.error.dimensionCount");
        assertThatThrownBy(() -> ReportQuery.of(List.of("year", "year"), FROM, TO, null))
                .hasFieldOrPropertyWithValue("messageKey", "report.error.dimensionTwice");
        assertThatThrownBy(() -> ReportQuery.of(List.of(), FROM, TO, null))
                .hasFieldOrPropertyWithValue("messageKey", "report.error.dimensionCount");
        assertThatThrownBy(() -> reports.run(ReportQuery.of(List.of("year"), FROM, LocalDate.of(2039, 1, 1), null)))
                .hasFieldOrPropertyWithValue("messageKey", "report.error.rangeFuture");
    }
}
