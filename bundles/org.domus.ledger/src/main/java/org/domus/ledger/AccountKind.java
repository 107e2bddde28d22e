package org.domus.ledger;

/** What a ledger account holds. Every account has one currency; balances never mix currencies. */
public enum AccountKind {
    /**
     * A unit's receivable ("kartoteka"), one per unit and currency: charges are debits, payments credits.
     * A positive balance is owed by the unit, a negative one is the unit's credit (overpayment).
     */
    UNIT_RECEIVABLE,
    /** The organisation's income from one charge component. */
    INCOME,
    /** The organisation's bank account. */
    BANK,
    /** The organisation's cash desk. */
    CASH,
    /** Amounts waiting for clarification (manual postings). */
    SUSPENSE,
    /**
     * The organisation's expenses (supplier invoices, services, repairs), posted by manual transactions:
     * debit the expense, credit the bank or cash desk. The board's transparency report shows them per month.
     */
    EXPENSE
}
