package org.domus.ledger.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

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
}
