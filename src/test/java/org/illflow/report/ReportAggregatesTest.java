package org.illflow.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Random;

import org.illflow.support.IllflowTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The monthly pre-aggregates equal a direct count (on H2; {@link PostgresReportAggregatesTest} on PostgreSQL). */
@IllflowTest
class ReportAggregatesTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    ReportAggregates aggregates;

    @AfterEach
    void clean() {
        new AggregateScenario(context).clean();
        aggregates.refresh(true);
    }

    @Test
    void equalADirectCountAfterInsertsChangesCancelsImportsDeletesAndConcurrentRefreshes() {
        new AggregateScenario(context).run();
    }

    @Test
    void aUtcDayAtALibraryMonthEdgeMarksBothMonths() {
        // Asia/Shanghai (+08:00): the UTC day 2012-09-30 runs from 08:00 on the 30th to 08:00 on 1 October
        assertThat(aggregates.monthsOf(LocalDate.of(2012, 9, 30)))
                .containsExactly(YearMonth.of(2012, 9), YearMonth.of(2012, 10));
        assertThat(aggregates.monthsOf(LocalDate.of(2012, 9, 29))).containsExactly(YearMonth.of(2012, 9));
    }

    @Test
    void percentilesFromTheHistogramStayWithinABinOfPercentileCont() {
        Random random = new Random(12);
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.nextInt(400);
            double[] values = new double[n];
            long[] counts = new long[ReportAggregates.BINS];
            double[] sums = new double[ReportAggregates.BINS];
            for (int i = 0; i < n; i++) {
                // mostly days, some weeks, a few months: the shapes document delivery and loans have
                values[i] = random.nextInt(10) < 7 ? random.nextDouble() * 6 : random.nextDouble() * 150;
                int bin = bin(values[i]);
                counts[bin]++;
                sums[bin] += values[i];
            }
            Arrays.sort(values);
            for (double p : new double[] {0.5, 0.9}) {
                double rank = p * (n - 1);
                int below = (int) Math.floor(rank);
                double exact = values[below] + (rank - below) * (values[Math.min(n - 1, below + 1)] - values[below]);
                double width = Math.max(width(values[below]), width(values[Math.min(n - 1, below + 1)]));
                assertThat(ReportAggregates.percentile(counts, sums, p)).as("n=%d p=%s", n, p)
                        .isCloseTo(exact, within(width));
            }
        }
        // a value alone in its bin is exact
        long[] counts = new long[ReportAggregates.BINS];
        double[] sums = new double[ReportAggregates.BINS];
        for (double value : new double[] {0.5, 2, 4, 5}) {
            counts[bin(value)]++;
            sums[bin(value)] += value;
        }
        assertThat(ReportAggregates.percentile(counts, sums, 0.5)).isEqualTo(3.0);
        assertThat(ReportAggregates.percentile(counts, sums, 0.9)).isCloseTo(4.7, within(1e-9));
    }

    private static int bin(double days) {
        int bin = 0;
        while (bin < ReportAggregates.BIN_EDGES.length && days >= ReportAggregates.BIN_EDGES[bin]) {
            bin++;
        }
        return bin;
    }

    /** The width of the bin a value falls in; the open last bin counts from its lower edge to the value. */
    private static double width(double days) {
        int bin = bin(days);
        double low = bin == 0 ? 0 : ReportAggregates.BIN_EDGES[bin - 1];
        double high = bin == ReportAggregates.BIN_EDGES.length ? 150 : ReportAggregates.BIN_EDGES[bin];
        return high - low;
    }
}
