package org.illflow.supplier;

import java.math.BigDecimal;

/**
 * Everything an admin may change about a supplier except its code and its password (which is set separately
 * and only ever stored encrypted). Amounts are CNY. Which subjects, languages and services a supplier may serve is
 * not a term here: the eligibility table ({@link SupplierEligibility}) alone decides it.
 *
 * @param pricePerItem   document delivery: per item (service, agent or search fee, or a flat price)
 * @param pricePerPage   document delivery: per page, or null for a flat price
 * @param turnaroundDays target in working days
 * @param workLink       the supplier's own request system, opened by staff
 * @param borrowingFee   loan: fee per volume, or null
 * @param shippingCost   loan: shipping both ways, or null when included in the fee
 */
public record SupplierTerms(String nameZh, String nameEn, boolean offersCopy, boolean offersLoan,
        BigDecimal pricePerItem, BigDecimal pricePerPage, int turnaroundDays, String workLink, String accountName, boolean active, Integer loanPeriodDays,
        BigDecimal borrowingFee, BigDecimal shippingCost, int renewalsAllowed) {
}
