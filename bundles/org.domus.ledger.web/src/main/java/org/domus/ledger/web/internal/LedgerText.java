package org.domus.ledger.web.internal;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** How the ledger's views write amounts, months and dates: in the UI's locale, amounts exact to the cent. */
final class LedgerText {

    private LedgerText() {}

    /** An amount with two decimals in the locale's digits, e.g. {@code 1,234.50} or {@code 1 234,50}. */
    static String amount(BigDecimal amount, Locale locale) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        format.setGroupingUsed(true);
        return format.format(amount.setScale(2, java.math.RoundingMode.UNNECESSARY));
    }

    /** An amount followed by its currency code. */
    static String money(BigDecimal amount, String currency, Locale locale) {
        return amount == null ? "" : amount(amount, locale) + " " + (currency == null ? "" : currency);
    }

    /** A decimal quantity as the locale writes it, up to four decimals. */
    static String quantity(BigDecimal quantity, Locale locale) {
        if (quantity == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(4);
        return format.format(quantity);
    }

    /** {@code MM/yyyy}: how statements and portals name a billed month. */
    static String month(YearMonth month) {
        return month == null ? "" : String.format(Locale.ROOT, "%02d/%d", month.getMonthValue(), month.getYear());
    }

    static String date(LocalDate date, Locale locale) {
        return date == null
                ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(locale)
                        .format(date);
    }
}
