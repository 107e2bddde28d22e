package org.domus.communications;

/** What a resident's message thread is about; it tells the office who should answer. */
public enum MessageTopic {
    /** A question about charges, payments or the account balance (usually the accountant answers). */
    LEDGER,
    /** A repair or a defect that is not (yet) a ticket. */
    REPAIR,
    /** Anything else. */
    OTHER
}
