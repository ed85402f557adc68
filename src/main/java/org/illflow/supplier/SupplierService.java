package org.illflow.supplier;

/** What a supplier does for a request: a non-returnable copy (document delivery) or a loan of the item. */
public enum SupplierService {
    /** Document delivery: a copy (PDF) the patron keeps. */
    COPY,
    /** Inter-library loan: a returnable book. */
    LOAN
}
