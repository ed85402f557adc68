package org.illflow.supplier;

/**
 * Which suppliers and lenders are ISO 18626 partner libraries: for them the loan and document delivery processes
 * send the messages themselves instead of the staff's order and request tasks. Implemented by the borrowing
 * feature (which knows the partner registrations), so neither lifecycle depends on it.
 */
public interface PartnerSuppliers {

    /** Whether the supplier or lender with this code is an active ISO 18626 partner. */
    boolean isPartner(String supplierCode);
}
