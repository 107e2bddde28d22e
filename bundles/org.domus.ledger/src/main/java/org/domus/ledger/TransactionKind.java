package org.domus.ledger;

/** Why a transaction was posted; decides where its unit postings appear on the turnover sheet. */
public enum TransactionKind {
    /** Charges of a billing run (debits of units, credits of income). */
    CHARGE,
    /** A payment received (debit bank or cash, credit the unit). */
    PAYMENT,
    /** Credit paid back to a unit (debit the unit, credit bank or cash). */
    REFUND,
    /** A manual journal entry. */
    MANUAL,
    /** The exact opposite of an earlier transaction, which it names. */
    REVERSAL
}
