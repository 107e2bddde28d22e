package org.domus.ledger;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * An organisation's income and expenses per month for its board: what was billed (per charge component),
 * what residents paid and got back, the organisation's other postings by account kind, and the money in
 * the bank and cash desk at each month's end. Months are booking months; amounts are in the book's currency.
 *
 * @param organisationId the organisation
 * @param currency the book's currency
 * @param from first month
 * @param to last month
 * @param components the charge components that appear, in the order of their amounts in {@link Month#charges}
 * @param months one entry per month from {@code from} to {@code to}
 * @param totals the sums over the months; its bank and cash balances are those at the end of {@code to}
 */
public record TransparencyReport(
        long organisationId,
        String currency,
        YearMonth from,
        YearMonth to,
        List<Component> components,
        List<Month> months,
        Month totals) {

    public TransparencyReport {
        components = List.copyOf(components);
        months = List.copyOf(months);
    }

    /** A charge component as the report names it. */
    public record Component(long id, String code, String name) {}

    /**
     * One month (or the totals, then {@code month} is null).
     *
     * @param month the booking month
     * @param charges charges billed per component, net of reversals, in the order of the report's components
     * @param chargesTotal the sum of {@code charges}
     * @param payments payments received from units (bank and cash)
     * @param refunds credit paid back to units
     * @param expenses manual postings to expense accounts (supplier invoices and the like)
     * @param other the net of other manual postings per organisation account kind (debit positive), for
     *     income, bank, cash and suspense accounts; only kinds with postings appear
     * @param bankBalance the bank accounts' balance at the end of the month
     * @param cashBalance the cash desks' balance at the end of the month
     */
    public record Month(
            YearMonth month,
            List<BigDecimal> charges,
            BigDecimal chargesTotal,
            BigDecimal payments,
            BigDecimal refunds,
            BigDecimal expenses,
            Map<AccountKind, BigDecimal> other,
            BigDecimal bankBalance,
            BigDecimal cashBalance) {
        public Month {
            charges = List.copyOf(charges);
            other = Map.copyOf(other);
        }
    }
}
