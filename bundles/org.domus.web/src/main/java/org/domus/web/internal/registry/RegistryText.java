package org.domus.web.internal.registry;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;
import org.domus.core.registry.Money;
import org.domus.core.registry.Share;

/** How registry values are written in the UI; free of Vaadin so that it is tested on its own. */
public final class RegistryText {

    private RegistryText() {}

    /** {@code 1234/100000 (1.234 %)}: the exact fraction first, the percentage as a reading aid. */
    public static String share(Share share, Locale locale) {
        if (share == null) {
            return "";
        }
        BigDecimal percent = BigDecimal.valueOf(share.numerator())
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(share.denominator()), new MathContext(12, RoundingMode.HALF_EVEN));
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(3);
        format.setMinimumFractionDigits(0);
        return share + " (" + format.format(percent) + " %)";
    }

    /** Floor area with two decimals and the unit, e.g. {@code 54,20 m²} in Czech. */
    public static String area(BigDecimal area, Locale locale) {
        if (area == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(area) + " m²";
    }

    /** An amount with its currency code, e.g. {@code 8 450,00 CZK}. */
    public static String money(Money money, Locale locale) {
        if (money == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(money.amount()) + " " + money.currency();
    }

    /** Comma-separated names; empty for none. */
    public static String names(Collection<String> names) {
        return names.stream().filter(n -> n != null && !n.isBlank()).collect(Collectors.joining(", "));
    }

    /** Equipment items from one text field: separated by commas or semicolons, blanks dropped. */
    public static java.util.List<String> equipment(String text) {
        if (text == null || text.isBlank()) {
            return java.util.List.of();
        }
        return java.util.Arrays.stream(text.split("[,;]"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** The inverse of {@link #equipment(String)}. */
    public static String equipment(Collection<String> items) {
        return String.join(", ", items);
    }

    /** Trimmed text, or null for blank input (the service's "not given"). */
    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
