package org.domus.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;

/**
 * The ledger's money rules, in one place.
 *
 * <ul>
 *   <li>Amounts are {@link BigDecimal} with two decimals in one of {@link #CURRENCIES}; never floating point.
 *   <li>An amount entered by a person (a payment, a manual posting) must already have at most two decimals:
 *       it is refused, never rounded silently.
 *   <li>A computed charge line (rate x quantity, total x share) is computed exactly and rounded once, per
 *       line, {@link #ROUNDING} ({@code HALF_UP}) to two decimals, as the Czech, Polish and Romanian portals
 *       print each component of a month; totals are sums of rounded lines and never rounded again. So the
 *       lines of a month always add up to the total a resident sees.
 * </ul>
 */
public final class LedgerAmounts {

    /** Decimals of every stored amount. */
    public static final int SCALE = 2;

    /** How computed lines are rounded. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    /** Currencies the ledger keeps books in. */
    public static final Set<String> CURRENCIES = Set.of("CZK", "PLN", "RON", "EUR");

    private LedgerAmounts() {}

    /** A computed line: the exact value rounded {@code HALF_UP} to two decimals. */
    public static BigDecimal line(BigDecimal exact) {
        return exact.setScale(SCALE, ROUNDING);
    }

    /**
     * An entered amount at scale 2.
     *
     * @throws ArithmeticException when it has more than two significant decimals
     */
    public static BigDecimal exact(BigDecimal amount) {
        return amount.setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    /** Whether the ledger keeps books in this ISO 4217 code. */
    public static boolean isSupported(String currency) {
        return currency != null && CURRENCIES.contains(currency);
    }
}
