package org.illflow.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The ordering rule on its own, without the engine: cost, then turnaround, then code. */
class SupplierRankingOrderTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    private static Supplier copy(String code, String perItem, String perPage, int turnaround, boolean active) {
        return new Supplier(code, new SupplierTerms(code, code, true, false, new BigDecimal(perItem),
                perPage == null ? null : new BigDecimal(perPage), turnaround,
                "https://" + code.toLowerCase() + ".example.org/", null, active, null, null, null, 0), NOW);
    }

    private static Supplier lender(String code, String fee, String shipping, int turnaround) {
        return new Supplier(code, new SupplierTerms(code, code, false, true, BigDecimal.ZERO, null, turnaround,
                "https://" + code.toLowerCase() + ".example.org/", null, true, 30,
                fee == null ? null : new BigDecimal(fee), shipping == null ? null : new BigDecimal(shipping), 0), NOW);
    }

    @Test
    void cheapestFirstThenFastestThenByCode() {
        List<Supplier> candidates = List.of(
                copy("SLOWCHEAP", "1.00", "0.50", 5, true),   // 1 + 6 = 7.00
                copy("FASTCHEAP", "4.60", "0.20", 2, true),   // 4.60 + 2.40 = 7.00
                copy("ACHEAP", "7.00", null, 2, true),        // 7.00, same cost and turnaround as FASTCHEAP
                copy("DEAR", "35.00", null, 1, true),         // 35.00
                copy("CHEAPEST", "0.00", "0.30", 4, true),    // 3.60
                copy("OFF", "0.00", "0.01", 1, false));       // inactive
        assertThat(SupplierRanking.order(SupplierService.COPY, candidates, 12))
                .extracting(RankedSupplier::code, RankedSupplier::expectedCost).containsExactly(
                        tuple("CHEAPEST", new BigDecimal("3.60")),
                        tuple("ACHEAP", new BigDecimal("7.00")),
                        tuple("FASTCHEAP", new BigDecimal("7.00")),
                        tuple("SLOWCHEAP", new BigDecimal("7.00")),
                        tuple("DEAR", new BigDecimal("35.00")));
    }

    @Test
    void loansCountFeeAndShippingAndCopiersDoNotLend() {
        List<Supplier> candidates = List.of(lender("POSTINCL", "30.00", null, 7), lender("LOCAL", "0.00", "15.00", 3),
                lender("FREE", null, null, 10), copy("COPYONLY", "0.00", "0.10", 1, true));
        assertThat(SupplierRanking.order(SupplierService.LOAN, candidates, 12))
                .extracting(RankedSupplier::code, RankedSupplier::expectedCost).containsExactly(
                        tuple("FREE", new BigDecimal("0.00")),
                        tuple("LOCAL", new BigDecimal("15.00")),
                        tuple("POSTINCL", new BigDecimal("30.00")));
        assertThat(SupplierRanking.order(SupplierService.COPY, candidates, 12)).extracting(RankedSupplier::code)
                .containsExactly("COPYONLY");
    }

    @Test
    void missingOrNonsensePageCountsCountAsTen() {
        Supplier perPage = copy("PAGES", "2.00", "0.30", 3, true);
        assertThat(SupplierRanking.expectedCost(perPage, SupplierService.COPY, null)).isEqualByComparingTo("5.00");
        assertThat(SupplierRanking.expectedCost(perPage, SupplierService.COPY, 0)).isEqualByComparingTo("5.00");
        assertThat(SupplierRanking.expectedCost(perPage, SupplierService.COPY, 1)).isEqualByComparingTo("2.30");
        assertThat(SupplierRanking.order(SupplierService.COPY, List.of(), 5)).isEmpty();
    }
}
