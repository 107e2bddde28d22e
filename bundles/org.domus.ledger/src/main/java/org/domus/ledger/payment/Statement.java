package org.domus.ledger.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A unit's statement of account for a period, as the resident receives it. Balances are from the
 * resident's side: <b>positive means the resident owes</b>, negative means a credit in the resident's
 * favour. The figures must add up: {@code closingBalance = openingBalance + sum(debit) - sum(credit)}.
 *
 * @param language the resident's language ({@code en}, {@code cs}, {@code pl}, {@code ro}; others print in
 *     English)
 * @param organisation the cooperative or association issuing the statement
 * @param unitLabel the unit as the resident knows it, e.g. "Na Příkopě 12, byt 7"
 * @param holderName the holder the statement is addressed to, optional
 * @param periodFrom first day of the period
 * @param periodTo last day of the period
 * @param currency ISO 4217 code of every amount
 * @param openingBalance balance before {@code periodFrom}
 * @param lines the movements of the period in date order
 * @param closingBalance balance after {@code periodTo}
 * @param amountDue what the resident is asked to pay now (zero or less: nothing to pay)
 * @param dueDate when {@code amountDue} is due, optional
 * @param payment how to pay {@code amountDue} (its amount must be {@code amountDue}), optional; its QR code is
 *     printed when the currency has a standard
 * @param issuedOn the date printed as the issue date
 */
public record Statement(
        String language,
        String organisation,
        String unitLabel,
        String holderName,
        LocalDate periodFrom,
        LocalDate periodTo,
        String currency,
        BigDecimal openingBalance,
        List<StatementLine> lines,
        BigDecimal closingBalance,
        BigDecimal amountDue,
        LocalDate dueDate,
        PaymentOrder payment,
        LocalDate issuedOn) {

    public Statement {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(unitLabel, "unitLabel");
        Objects.requireNonNull(periodFrom, "periodFrom");
        Objects.requireNonNull(periodTo, "periodTo");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(openingBalance, "openingBalance");
        Objects.requireNonNull(closingBalance, "closingBalance");
        Objects.requireNonNull(issuedOn, "issuedOn");
        lines = List.copyOf(lines);
        amountDue = amountDue == null ? BigDecimal.ZERO : amountDue;
        BigDecimal computed = openingBalance;
        for (StatementLine l : lines) {
            computed = computed.add(l.debit()).subtract(l.credit());
        }
        if (computed.compareTo(closingBalance) != 0) {
            throw new IllegalArgumentException("The statement does not add up: opening " + openingBalance
                    + " + debits - credits = " + computed + ", closing " + closingBalance);
        }
        if (payment != null && payment.amount().compareTo(amountDue) != 0) {
            throw new IllegalArgumentException(
                    "The payment order is for " + payment.amount() + ", the amount due is " + amountDue);
        }
        if (payment != null && !payment.currency().equals(currency)) {
            throw new IllegalArgumentException(
                    "The payment order is in " + payment.currency() + ", the statement in " + currency);
        }
    }
}
