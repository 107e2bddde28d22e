package org.domus.rest.internal;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Translates message keys for problem documents. Looks in the bundle of the resource that handled the
 * request first (modules ship their own {@code i18n/messages*.properties}), then in the core bundle's and
 * the platform REST bundle's; an
 * unknown key is returned as it is so that a client still sees something stable to search for.
 */
public final class Messages {

    /** Languages the platform ships translations for; the first is the fallback. */
    public static final List<Locale> SUPPORTED =
            List.of(Locale.ENGLISH, new Locale("pl"), new Locale("cs"), new Locale("ro"));

    static final String BASE_NAME = "i18n.messages";

    // No fallback to the JVM's default locale: a server running in Polish must still answer English
    // clients in English. Java 9+ reads .properties bundles as UTF-8.
    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {}

    /**
     * The translated text for a key, with {0}, {1}... filled from the arguments.
     *
     * @param loaders class loaders to search before the platform's own, most specific first (the
     *     resource's bundle, the core bundle); null entries are skipped
     */
    public static String translate(String key, List<Object> arguments, Locale locale, ClassLoader... loaders) {
        String pattern = null;
        for (ClassLoader loader : loaders) {
            if (pattern == null && loader != null && loader != Messages.class.getClassLoader()) {
                pattern = lookup(key, locale, loader);
            }
        }
        if (pattern == null) {
            pattern = lookup(key, locale, Messages.class.getClassLoader());
        }
        if (pattern == null) {
            return key;
        }
        try {
            // Always through MessageFormat, so that translators write '' for an apostrophe everywhere.
            Object[] values = arguments == null ? new Object[0] : arguments.toArray();
            return new MessageFormat(pattern, locale).format(values);
        } catch (IllegalArgumentException e) {
            // A translator broke the placeholders: show the raw text rather than fail the error response.
            return pattern;
        }
    }

    /** Picks the best supported language from the client's list (most preferred first). */
    public static Locale negotiate(List<Locale> acceptable, Locale subjectLocale) {
        if (acceptable != null) {
            for (Locale wanted : acceptable) {
                if (wanted == null || "*".equals(wanted.getLanguage())) {
                    continue;
                }
                for (Locale supported : SUPPORTED) {
                    if (supported.getLanguage().equalsIgnoreCase(wanted.getLanguage())) {
                        return supported;
                    }
                }
            }
        }
        if (subjectLocale != null) {
            for (Locale supported : SUPPORTED) {
                if (supported.getLanguage().equalsIgnoreCase(subjectLocale.getLanguage())) {
                    return supported;
                }
            }
        }
        return SUPPORTED.get(0);
    }

    private static String lookup(String key, Locale locale, ClassLoader loader) {
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(BASE_NAME, locale, loader, CONTROL);
            return bundle.containsKey(key) ? bundle.getString(key) : null;
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
