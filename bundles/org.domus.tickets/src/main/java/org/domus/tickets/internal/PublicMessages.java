package org.domus.tickets.internal;

import java.util.Locale;

/** The module's texts for REST answers the platform does not translate itself (the 429 of the public form). */
public final class PublicMessages {

    private PublicMessages() {}

    public static String text(Locale locale, String key, Object... args) {
        return Catalog.of(locale).get(key, args);
    }
}
