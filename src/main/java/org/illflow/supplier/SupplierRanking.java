package org.illflow.supplier;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order in which to try suppliers for a request (DESIGN rule 6): those the eligibility table allows and
 * that are active and offer the service, cheapest expected cost first, then fastest turnaround, then by code.
 */
@Service
@Transactional(readOnly = true)
public class SupplierRanking {

    /** Pages assumed for a copy whose page count is unknown. */
    public static final int DEFAULT_PAGES = 10;

    private static final Comparator<RankedSupplier> ORDER = Comparator.comparing(RankedSupplier::expectedCost)
            .thenComparingInt(RankedSupplier::turnaroundDays).thenComparing(RankedSupplier::code);

    private final SupplierEligibility eligibility;
    private final SupplierRepository suppliers;

    SupplierRanking(SupplierEligibility eligibility, SupplierRepository suppliers) {
        this.eligibility = eligibility;
        this.suppliers = suppliers;
    }

    /**
     * @param subjectArea HSS, STM or null/other when unknown
     * @param language    ISO 639-1 code of the document, or null
     * @param pages       pages of the copy; null or less than 1 counts as {@value #DEFAULT_PAGES}; unused for loans
     * @return the suppliers to try, in order; empty when none may serve the request
     */
    public List<RankedSupplier> rank(SupplierService service, String subjectArea, String language, Integer pages) {
        List<String> codes = eligibility.eligibleCodes(service, subjectArea, language);
        if (codes.isEmpty()) {
            return List.of();
        }
        return order(service, suppliers.findByCodeIn(codes), pages);
    }

    /** The ranking itself, over candidates already found eligible; inactive ones and other services drop out. */
    static List<RankedSupplier> order(SupplierService service, Collection<Supplier> candidates, Integer pages) {
        return candidates.stream().filter(Supplier::isActive).filter(s -> s.offers(service))
                .map(s -> new RankedSupplier(s.getCode(), s.getNameZh(), s.getNameEn(),
                        expectedCost(s, service, pages), s.getTurnaroundDays(), s.getWorkLink()))
                .sorted(ORDER).toList();
    }

    /** A copy: {@link Supplier#copyCost} of the pages (unknown: {@value #DEFAULT_PAGES}). A loan: {@link Supplier#loanCost}. */
    static BigDecimal expectedCost(Supplier supplier, SupplierService service, Integer pages) {
        if (service == SupplierService.LOAN) {
            return supplier.loanCost();
        }
        return supplier.copyCost(pages == null || pages < 1 ? DEFAULT_PAGES : pages);
    }
}
