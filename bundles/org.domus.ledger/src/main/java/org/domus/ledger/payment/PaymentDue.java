package org.domus.ledger.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Unit;

/**
 * One due date in a resident's payment calendar: what a unit owes for a month and by when.
 *
 * @param unitId the unit's id; with {@code month} it makes the event's UID, so a calendar that subscribed
 *     to the feed updates the event instead of adding a second one when the amount changes
 * @param unitLabel the unit as the resident knows it, shown in the event's title
 * @param month the month the charges are for
 * @param dueDate the day payment is due (an all-day event)
 * @param amount the amount due, exact
 * @param currency ISO 4217 code
 * @param account the account to pay into (IBAN or the unit's virtual account), optional
 * @param reference the payment reference (the variable symbol for CZK), optional
 */
public record PaymentDue(
        long unitId,
        String unitLabel,
        YearMonth month,
        LocalDate dueDate,
        BigDecimal amount,
        String currency,
        String account,
        String reference) {

    public PaymentDue {
        Objects.requireNonNull(unitLabel, "unitLabel");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    /**
     * The day a month's charges are due: its last day. Payment calendars, payment reminders and the billing
     * run's event all use this one rule.
     */
    public static LocalDate dueDateOf(YearMonth month) {
        return month.atEndOfMonth();
    }

    /**
     * A unit's due date of a month, with the account and reference residents pay with: the unit's virtual
     * account for PLN or when the organisation has no IBAN, else the organisation's IBAN; the variable symbol
     * as the reference for CZK.
     */
    public static PaymentDue forUnit(
            Organisation organisation,
            Unit unit,
            String unitLabel,
            YearMonth month,
            BigDecimal amount,
            String currency) {
        String account =
                "PLN".equals(currency) || organisation.iban() == null ? unit.virtualAccount() : organisation.iban();
        String reference = "CZK".equals(currency) ? unit.variableSymbol() : null;
        return new PaymentDue(unit.id(), unitLabel, month, dueDateOf(month), amount, currency, account, reference);
    }
}
