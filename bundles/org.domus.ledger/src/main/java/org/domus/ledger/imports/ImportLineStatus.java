package org.domus.ledger.imports;

/** What importing a statement line does. */
public enum ImportLineStatus {
    /** Money received for a known unit: posted as its payment (or would be, in a preview). */
    MATCHED,
    /** Posted before (by an earlier import of this or another file) or repeated in the file: skipped. */
    DUPLICATE,
    /** Money received whose reference names no unit of the organisation: left for manual entry. */
    UNMATCHED,
    /** Money paid out: not a payment, ignored. */
    DEBIT,
    /** Unreadable or in another currency. */
    INVALID
}
