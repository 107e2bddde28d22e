package org.domus.ledger.internal.statement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.domus.core.registry.PaymentIdentifiers;

/**
 * The ledger's texts in one language, from this bundle's {@code i18n/messages*.properties} (the catalogs
 * the shell also loads through the {@code Domus-I18n} header), with money and dates formatted the way the
 * language writes them. Unsupported languages get English.
 */
public final class Texts {

    /** Languages with a catalog; the first is the fallback. */
    public static final List<String> LANGUAGES = List.of("en", "cs", "pl", "ro");

    // No fallback to the JVM's default locale: a server running in Polish still writes English for English.
    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Locale locale;
    private final ResourceBundle bundle;
    private final DateTimeFormatter dates;
    private final DecimalFormatSymbols symbols;

    private Texts(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("i18n.messages", locale, Texts.class.getClassLoader(), CONTROL);
        this.dates = DateTimeFormatter.ofPattern(
                has("ledger.date-pattern") ? get("ledger.date-pattern") : "yyyy-MM-dd", locale);
        this.symbols = DecimalFormatSymbols.getInstance(locale);
        // Czech and Polish group thousands with a no-break space (U+00A0 or U+202F); a plain space prints
        // with every font and is what people type when they search the PDF.
        if (Character.isSpaceChar(symbols.getGroupingSeparator())) {
            symbols.setGroupingSeparator(' ');
        }
        symbols.setMinusSign('-');
    }

    /** The texts for a language tag such as {@code cs} or {@code pl-PL}; English for anything else. */
    public static Texts of(String language) {
        String lang = language == null ? "" : Locale.forLanguageTag(language).getLanguage();
        return new Texts(LANGUAGES.contains(lang) ? new Locale(lang) : Locale.ENGLISH);
    }

    public Locale locale() {
        return locale;
    }

    /** The text with {0}, {1}... filled in; an unknown key is returned as it is. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    /** Whether the catalog has the key (for texts that exist for some currencies only). */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** An amount with two decimals, grouped: {@code 1,234.50} in English, {@code 1 234,50} in Czech. */
    public String amount(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.00", symbols);
        return format.format(amount.setScale(2, RoundingMode.HALF_UP));
    }

    /** An amount with its currency code: {@code 1 234,50 CZK}. */
    public String money(BigDecimal amount, String currency) {
        return amount(amount) + " " + currency;
    }

    /** A date in the language's usual numeric or short form ({@code ledger.date-pattern}). */
    public String date(LocalDate date) {
        return dates.format(date);
    }

    /** An IBAN in groups of four; a Polish NRB as 2 + 6 x 4 digits, the way Polish forms print it. */
    public static String account(String account) {
        String a = PaymentIdentifiers.compact(account);
        if (a == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        int first = a.length() == 26 && a.chars().allMatch(Character::isDigit) ? 2 : 4;
        sb.append(a, 0, Math.min(first, a.length()));
        for (int i = first; i < a.length(); i += 4) {
            sb.append(' ').append(a, i, Math.min(i + 4, a.length()));
        }
        return sb.toString();
    }
}
