package org.domus.communications.internal.notify;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Notification texts in a recipient's language from this bundle's {@code i18n/messages*.properties}, with
 * amounts and dates formatted for that language. Unsupported languages get English.
 */
final class NotifyCatalog {

    /** Languages with a catalog; the first is the fallback. */
    static final List<String> LANGUAGES = List.of("en", "cs", "pl", "ro");

    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Locale locale;
    private final ResourceBundle bundle;

    private NotifyCatalog(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("i18n.messages", locale, NotifyCatalog.class.getClassLoader(), CONTROL);
    }

    static NotifyCatalog of(Locale locale) {
        String lang = locale == null ? "" : locale.getLanguage();
        return new NotifyCatalog(LANGUAGES.contains(lang) ? new Locale(lang) : Locale.ENGLISH);
    }

    Locale locale() {
        return locale;
    }

    /** The text with {0}, {1}... filled in; an unknown key is returned as it is. */
    String get(String key, Object... args) {
        try {
            String pattern = bundle.getString(key);
            return args.length == 0 ? pattern.replace("''", "'") : new MessageFormat(pattern, locale).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** {@code 3 450,00 Kč} style: the amount with its currency, as the language writes it. */
    String money(String amount, String currency) {
        if (amount == null || amount.isBlank()) {
            return "";
        }
        NumberFormat f = NumberFormat.getCurrencyInstance(locale);
        try {
            f.setCurrency(Currency.getInstance(currency));
        } catch (IllegalArgumentException | NullPointerException e) {
            return amount + (currency == null ? "" : " " + currency);
        }
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        return f.format(new BigDecimal(amount));
    }

    /** The amount alone, with the language's separators and two decimals. */
    String amount(String amount) {
        if (amount == null || amount.isBlank()) {
            return "";
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        return f.format(new BigDecimal(amount));
    }

    /** An ISO date as the language writes it (medium style). */
    String date(String isoDate) {
        if (isoDate == null || isoDate.isBlank()) {
            return "";
        }
        return LocalDate.parse(isoDate)
                .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
    }

    /** A YYYY-MM month as the language names it ({@code March 2026}). */
    String month(String yearMonth) {
        if (yearMonth == null || yearMonth.isBlank()) {
            return "";
        }
        YearMonth m = YearMonth.parse(yearMonth);
        return m.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale) + " " + m.getYear();
    }
}
