package org.illflow.supplier;

/** The subject areas a supplier covers, as the national centres divide them. */
public enum SubjectScope {
    /** Every subject (CALIS, lenders, commercial suppliers). */
    ALL,
    /** Humanities and social sciences (CASHL). */
    HSS,
    /** Science, technology, medicine, agriculture (NSTL). */
    STM
}
