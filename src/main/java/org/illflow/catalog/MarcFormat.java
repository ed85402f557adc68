package org.illflow.catalog;

/** The bibliographic format a MARC record was recognised as. */
public enum MarcFormat {
    /** MARC 21 (LoC). */
    MARC21,
    /** CNMARC, the Chinese UNIMARC-based format (recognised by a 200 field and no 245). */
    CNMARC
}
