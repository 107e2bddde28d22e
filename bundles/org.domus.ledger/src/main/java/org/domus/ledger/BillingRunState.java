package org.domus.ledger;

/** Where a billing run stands. */
public enum BillingRunState {
    /** Its charges are on the books. */
    POSTED,
    /** Reversed as a whole; the month can be billed again for the scope. */
    REVERSED
}
