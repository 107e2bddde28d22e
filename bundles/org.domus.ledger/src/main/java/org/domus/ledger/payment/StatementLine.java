package org.domus.ledger.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One movement on a unit's account in a statement.
 *
 * @param date booking date
 * @param description what it is, in the resident's language (e.g. "Předpis záloh 03/2026", "Platba - děkujeme")
 * @param component the charge component's name (rent, repair fund, water advance...), null for payments
 * @param debit what was charged (raises what the resident owes), null or zero when nothing
 * @param credit what was paid or credited (lowers it), null or zero when nothing
 */
public record StatementLine(LocalDate date, String description, String component, BigDecimal debit, BigDecimal credit) {

    public StatementLine {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(description, "description");
        debit = debit == null ? BigDecimal.ZERO : debit;
        credit = credit == null ? BigDecimal.ZERO : credit;
    }
}
