package org.domus.core.registry;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in one currency; never a floating-point number.
 *
 * @param amount the amount, scale kept as given
 * @param currency ISO 4217 code, e.g. {@code CZK}
 */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        currency = Currency.getInstance(currency.strip().toUpperCase(java.util.Locale.ROOT))
                .getCurrencyCode();
    }
}
