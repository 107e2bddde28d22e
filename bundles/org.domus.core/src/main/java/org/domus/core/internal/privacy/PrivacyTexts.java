package org.domus.core.internal.privacy;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The export's and erasure's texts in one language ({@code privacy*.properties} next to this class). */
final class PrivacyTexts {

    private final ResourceBundle bundle;
    private final Locale locale;

    PrivacyTexts(Locale locale) {
        this.locale = locale == null ? Locale.ENGLISH : locale;
        this.bundle = ResourceBundle.getBundle(
                "org.domus.core.internal.privacy.privacy",
                this.locale,
                PrivacyTexts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    Locale locale() {
        return locale;
    }

    /** The text with {0}, {1}... filled in; an unknown key is returned as it is. */
    String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    String yesNo(boolean value) {
        return get(value ? "value.yes" : "value.no");
    }
}
