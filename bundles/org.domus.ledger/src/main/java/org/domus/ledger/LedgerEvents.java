package org.domus.ledger;

/**
 * EventAdmin topics the ledger posts after a change has committed. Properties: {@value #ORGANISATION_ID}
 * ({@code Long}), {@value #ACTOR} (login, {@code String}), and per topic the ones named below ({@value
 * #UNIT_IDS} is a {@code long[]}). Every property is a plain Java type (String, Long, Integer, long[],
 * String[]), so a receiver needs no ledger classes; amounts are {@code BigDecimal#toPlainString} texts with two
 * decimals, dates ISO 8601 texts.
 */
public final class LedgerEvents {

    /** A transaction was posted: {@value #TRANSACTION_ID}, {@value #KIND}, {@value #UNIT_IDS}. */
    public static final String TRANSACTION_POSTED = "org/domus/ledger/TRANSACTION_POSTED";

    /**
     * A billing run was posted: {@value #BILLING_RUN_ID}, {@value #TRANSACTION_ID}, {@value #PERIOD} (YYYY-MM,
     * as {@value #MONTH}), and what it charged each unit: {@value #UNIT_IDS} ({@code long[]}), {@value #AMOUNTS}
     * ({@code String[]} parallel to the unit ids: the unit's charges of the run), {@value #CURRENCY} (ISO 4217),
     * {@value #MONTH} (YYYY-MM, the billed month) and {@value #DUE_DATE} (ISO date: the month's due date, the
     * one payment calendars and reminders use).
     */
    public static final String BILLING_RUN_POSTED = "org/domus/ledger/BILLING_RUN_POSTED";

    /** A billing run was reversed: {@value #BILLING_RUN_ID}, {@value #TRANSACTION_ID} (the reversal). */
    public static final String BILLING_RUN_REVERSED = "org/domus/ledger/BILLING_RUN_REVERSED";

    /** A payment was recorded: {@value #TRANSACTION_ID}, {@value #UNIT_IDS}. */
    public static final String PAYMENT_RECORDED = "org/domus/ledger/PAYMENT_RECORDED";

    /**
     * A unit has an amount open that falls due in {@code reminders.daysBeforeDue} days (posted by the payment
     * reminder job, at most once per unit and due date: {@value #REMINDER_KEY} is {@code
     * due:<unitId>:<dueDate>}). Properties: {@value #ORGANISATION_ID}, {@value #BUILDING_ID}, {@value #UNIT_ID}
     * ({@code Long} each), {@value #UNIT_LABEL}, {@value #AMOUNT} (what is still open of the charges due on that
     * date), {@value #CURRENCY}, {@value #DUE_DATE}, {@value #MONTH} (the billed month of those charges),
     * {@value #ACCOUNT} and {@value #REFERENCE} (each may be absent), {@value #QR_PAYLOAD} and {@value
     * #QR_STANDARD} (both absent when no payment QR code can be made), {@value #REMINDER_KEY}, {@value #ACTOR}.
     */
    public static final String PAYMENT_DUE = "org/domus/ledger/PAYMENT_DUE";

    /**
     * A unit's amount is overdue by {@value #DAYS_OVERDUE} days, one of {@code reminders.overdueDays} (posted by
     * the payment reminder job at most once per unit, due date and stage: {@value #REMINDER_KEY} is {@code
     * overdue:<unitId>:<dueDate>:<days>}). Properties as {@link #PAYMENT_DUE}, except that {@value #AMOUNT} is the
     * unit's whole overdue balance (every open charge whose due date has passed), {@value #DUE_DATE} and {@value
     * #MONTH} name the due date whose stage was reached, and {@value #DAYS_OVERDUE} ({@code Integer}) is the
     * stage.
     */
    public static final String PAYMENT_OVERDUE = "org/domus/ledger/PAYMENT_OVERDUE";

    /** {@code Long}: the organisation. */
    public static final String ORGANISATION_ID = "organisationId";

    public static final String TRANSACTION_ID = "transactionId";
    public static final String BILLING_RUN_ID = "billingRunId";
    public static final String KIND = "kind";
    /** {@code long[]}: the units concerned. */
    public static final String UNIT_IDS = "unitIds";
    /** {@code String} YYYY-MM: the billed month of a billing run. */
    public static final String PERIOD = "period";
    /** {@code String}: the login of who made the change ({@code scheduler}, {@code shell}, ... for the system). */
    public static final String ACTOR = "actor";

    /** {@code Long}: the unit's building. */
    public static final String BUILDING_ID = "buildingId";
    /** {@code Long}: the unit. */
    public static final String UNIT_ID = "unitId";
    /** {@code String}: the unit as its residents know it: the building's street and number, and the unit number. */
    public static final String UNIT_LABEL = "unitLabel";
    /** {@code String}: an amount, {@code BigDecimal#toPlainString} with two decimals (e.g. {@code 3450.00}). */
    public static final String AMOUNT = "amount";
    /** {@code String[]}: amounts parallel to {@value #UNIT_IDS}, each as {@value #AMOUNT}. */
    public static final String AMOUNTS = "amounts";
    /** {@code String}: ISO 4217 code of the amounts. */
    public static final String CURRENCY = "currency";
    /** {@code String}: ISO date (yyyy-MM-dd) payment is due; a month's charges are due on its last day. */
    public static final String DUE_DATE = "dueDate";
    /** {@code String} YYYY-MM: the billed month. */
    public static final String MONTH = "month";
    /**
     * {@code String}: the account to pay into, an IBAN or the unit's virtual account (as the unit's payment
     * calendar shows it); absent when the registry has none.
     */
    public static final String ACCOUNT = "account";
    /** {@code String}: the payment reference (the variable symbol for CZK); absent when there is none. */
    public static final String REFERENCE = "reference";
    /**
     * {@code String}: the exact text the unit's payment QR code for this amount encodes (SPAYD for CZK, EPC QR
     * for EUR, ZBP for PLN), the same text the resident's page and statement print for that amount; absent when
     * the currency has no standard (RON) or the registry lacks the organisation's bank details.
     */
    public static final String QR_PAYLOAD = "qrPayload";
    /** {@code String}: the name of the QR payload's standard ({@code PaymentQrStandard}: SPAYD, EPC, ZBP). */
    public static final String QR_STANDARD = "qrStandard";
    /** {@code Integer}: the overdue stage reached, one of {@code reminders.overdueDays}. */
    public static final String DAYS_OVERDUE = "daysOverdue";
    /**
     * {@code String}: unique per unit, due date and stage ({@code due:<unitId>:<dueDate>}, {@code
     * overdue:<unitId>:<dueDate>:<days>}); the ledger posts each key once, a receiver may deduplicate on it.
     */
    public static final String REMINDER_KEY = "reminderKey";

    private LedgerEvents() {}
}
