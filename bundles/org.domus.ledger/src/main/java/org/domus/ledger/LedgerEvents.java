package org.domus.ledger;

/**
 * EventAdmin topics the ledger posts after a change has committed. Properties: {@value #ORGANISATION_ID},
 * {@value #ACTOR} (login), and per topic the ids named below ({@value #UNIT_IDS} is a {@code long[]}).
 */
public final class LedgerEvents {

    /** A transaction was posted: {@value #TRANSACTION_ID}, {@value #KIND}, {@value #UNIT_IDS}. */
    public static final String TRANSACTION_POSTED = "org/domus/ledger/TRANSACTION_POSTED";

    /** A billing run was posted: {@value #BILLING_RUN_ID}, {@value #TRANSACTION_ID}, {@value #PERIOD}. */
    public static final String BILLING_RUN_POSTED = "org/domus/ledger/BILLING_RUN_POSTED";

    /** A billing run was reversed: {@value #BILLING_RUN_ID}, {@value #TRANSACTION_ID} (the reversal). */
    public static final String BILLING_RUN_REVERSED = "org/domus/ledger/BILLING_RUN_REVERSED";

    /** A payment was recorded: {@value #TRANSACTION_ID}, {@value #UNIT_IDS}. */
    public static final String PAYMENT_RECORDED = "org/domus/ledger/PAYMENT_RECORDED";

    public static final String ORGANISATION_ID = "organisationId";
    public static final String TRANSACTION_ID = "transactionId";
    public static final String BILLING_RUN_ID = "billingRunId";
    public static final String KIND = "kind";
    public static final String UNIT_IDS = "unitIds";
    public static final String PERIOD = "period";
    public static final String ACTOR = "actor";

    private LedgerEvents() {}
}
