package org.domus.ledger;

/** Orders of the arrears list; ties are broken by unit id. */
public enum ArrearsSort {
    /** By the amount owed. */
    DEBT,
    /** By the number of months overdue (the oldest unpaid month). */
    AGE,
    /** By building address, then unit number. */
    UNIT
}
