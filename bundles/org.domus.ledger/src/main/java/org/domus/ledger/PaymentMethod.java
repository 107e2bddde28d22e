package org.domus.ledger;

/** Where the money came in or went out: the organisation's bank account or its cash desk. */
public enum PaymentMethod {
    BANK,
    CASH
}
