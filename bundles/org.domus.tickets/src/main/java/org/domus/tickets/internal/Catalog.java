package org.domus.tickets.internal;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The module's texts in one language, from this bundle's {@code i18n/messages*.properties} (the catalogs the
 * shell and the REST problem documents also load through the {@code Domus-I18n} header). Unsupported
 * languages get English.
 */
final class Catalog {

    /** Languages with a catalog; the first is the fallback. */
    static final List<String> LANGUAGES = List.of("en", "cs", "pl", "ro");

    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Locale locale;
    private final ResourceBundle bundle;

    private Catalog(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("i18n.messages", locale, Catalog.class.getClassLoader(), CONTROL);
    }

    static Catalog of(String language) {
        String lang = language == null ? "" : Locale.forLanguageTag(language).getLanguage();
        return new Catalog(LANGUAGES.contains(lang) ? new Locale(lang) : Locale.ENGLISH);
    }

    static Catalog of(Locale locale) {
        return of(locale == null ? null : locale.toLanguageTag());
    }

    /** The language of an organisation's country (for texts made before anyone asked). */
    static Catalog ofCountry(String country) {
        String c = country == null ? "" : country.toUpperCase(Locale.ROOT);
        return of(
                switch (c) {
                    case "CZ", "SK" -> "cs";
                    case "PL" -> "pl";
                    case "RO", "MD" -> "ro";
                    default -> "en";
                });
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
}
