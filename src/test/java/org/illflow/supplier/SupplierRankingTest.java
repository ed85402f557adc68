package org.illflow.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.List;

import org.illflow.support.IllflowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ranking over the demo suppliers (STANDARDS §6 prices): eligible by the decision table, active, cheapest first.
 * Tests that change a supplier run in a transaction that is rolled back, so the demo rows stay as they are.
 */
@IllflowTest
class SupplierRankingTest {

    @Autowired SupplierRanking ranking;
    @Autowired SupplierCatalog catalog;

    @Test
    void aTwelvePageHumanitiesArticleIsTriedCheapestFirst() {
        // CALIS 2.00 + 0.30 × 12 = 5.60; CASHL 2.00 + 0.50 × 12 = 8.00; commercial 35.00 per item
        assertThat(ranking.rank(SupplierService.COPY, "HSS", "en", 12))
                .extracting(RankedSupplier::code, RankedSupplier::expectedCost, RankedSupplier::turnaroundDays)
                .containsExactly(
                        tuple("CALIS", new BigDecimal("5.60"), 3),
                        tuple("CASHL", new BigDecimal("8.00"), 3),
                        tuple("REPRINTS", new BigDecimal("35.00"), 1));
    }

    @Test
    void aTwelvePageScienceArticleIsTriedCheapestFirst() {
        // NSTL 0.30 × 12 = 3.60; CALIS 5.60; commercial 35.00
        List<RankedSupplier> ranked = ranking.rank(SupplierService.COPY, "STM", "zh", 12);
        assertThat(ranked).extracting(RankedSupplier::code, RankedSupplier::expectedCost).containsExactly(
                tuple("NSTL", new BigDecimal("3.60")),
                tuple("CALIS", new BigDecimal("5.60")),
                tuple("REPRINTS", new BigDecimal("35.00")));
        RankedSupplier first = ranked.get(0);
        assertThat(first.nameZh()).isEqualTo("国家科技图书文献中心");
        assertThat(first.nameEn()).isEqualTo("National Science and Technology Library");
        assertThat(first.workLink()).isEqualTo("https://www.nstl.gov.cn/");
        assertThat(first.toString()).doesNotContain(StandardSuppliers.demoPassword("NSTL"));
    }

    @Test
    void anUnknownPageCountCountsAsTenPages() {
        assertThat(ranking.rank(SupplierService.COPY, "STM", null, null))
                .extracting(RankedSupplier::code, RankedSupplier::expectedCost)
                .startsWith(tuple("NSTL", new BigDecimal("3.00")), tuple("CALIS", new BigDecimal("5.00")));
    }

    @Test
    void loansCostBorrowingFeePlusShipping() {
        // FUDAN 0 + 15 and SJTU 0 + 15 (same turnaround: by code); NLC 30 incl. postage; SHL 20 + 12; CALIS 30 + 15
        assertThat(ranking.rank(SupplierService.LOAN, "STM", "zh", 300))
                .extracting(RankedSupplier::code, RankedSupplier::expectedCost).containsExactly(
                        tuple("FUDAN", new BigDecimal("15.00")),
                        tuple("SJTU", new BigDecimal("15.00")),
                        tuple("NLC", new BigDecimal("30.00")),
                        tuple("SHL", new BigDecimal("32.00")),
                        tuple("CALIS", new BigDecimal("45.00")));
    }

    @Test
    @Transactional
    void anInactiveSupplierIsSkipped() {
        deactivate("NSTL");
        assertThat(ranking.rank(SupplierService.COPY, "STM", "zh", 12)).extracting(RankedSupplier::code)
                .containsExactly("CALIS", "REPRINTS");
    }

    @Test
    @Transactional
    void aSupplierThatNoLongerOffersTheServiceIsSkipped() {
        Supplier calis = catalog.byCode("CALIS").orElseThrow();
        SupplierTerms t = calis.terms();
        catalog.save("CALIS", new SupplierTerms(t.nameZh(), t.nameEn(), true, false, t.pricePerItem(), t.pricePerPage(),
                t.turnaroundDays(), t.workLink(), t.accountName(), t.active(),
                t.loanPeriodDays(), t.borrowingFee(), t.shippingCost(), t.renewalsAllowed()), null, null);
        assertThat(ranking.rank(SupplierService.LOAN, "STM", "zh", null)).extracting(RankedSupplier::code)
                .doesNotContain("CALIS").hasSize(4);
    }

    @Test
    @Transactional
    void equalCostsAreBrokenByTurnaround() {
        Supplier sjtu = catalog.byCode("SJTU").orElseThrow();
        SupplierTerms t = sjtu.terms();
        catalog.save("SJTU", new SupplierTerms(t.nameZh(), t.nameEn(), t.offersCopy(), t.offersLoan(),
                t.pricePerItem(), t.pricePerPage(), 2, t.workLink(), t.accountName(),
                t.active(), t.loanPeriodDays(), t.borrowingFee(), t.shippingCost(), t.renewalsAllowed()), null, null);
        assertThat(ranking.rank(SupplierService.LOAN, "STM", "zh", null))
                .extracting(RankedSupplier::code, RankedSupplier::expectedCost, RankedSupplier::turnaroundDays)
                .startsWith(tuple("SJTU", new BigDecimal("15.00"), 2), tuple("FUDAN", new BigDecimal("15.00"), 3));
    }

    private void deactivate(String code) {
        SupplierTerms t = catalog.byCode(code).orElseThrow().terms();
        catalog.save(code, new SupplierTerms(t.nameZh(), t.nameEn(), t.offersCopy(), t.offersLoan(), t.pricePerItem(),
                t.pricePerPage(), t.turnaroundDays(), t.workLink(), t.accountName(),
                false, t.loanPeriodDays(), t.borrowingFee(), t.shippingCost(), t.renewalsAllowed()), null, null);
    }
}
