package org.domus.itests.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Collections;
import java.util.Locale;
import java.util.Properties;

/**
 * The web shell's message bundles, read from the org.domus.web jar on the test class path, so that the
 * browser test expects exactly what translators wrote (UTF-8, MessageFormat patterns, English fallback).
 */
final class ShellMessages {

    private final Locale locale;
    private final Properties english = load("i18n/messages.properties");
    private final Properties own;

    ShellMessages(Locale locale) {
        this.locale = locale;
        this.own = locale.getLanguage().equals("en")
                ? english
                : load("i18n/messages_" + locale.getLanguage() + ".properties");
    }

    String get(String key, Object... args) {
        String pattern = own.getProperty(key, english.getProperty(key));
        if (pattern == null) {
            throw new IllegalArgumentException("no message " + key);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** True if the language has its own text for the key (not the English fallback). */
    boolean translates(String key) {
        return own == english || own.containsKey(key);
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        // Other Domus bundles on the class path have i18n/messages*.properties too: take the web shell's.
        URL url;
        try {
            url = Collections.list(ShellMessages.class.getClassLoader().getResources(resource)).stream()
                    .filter(candidate -> candidate.toString().contains("org.domus.web"))
                    .findFirst()
                    .orElseThrow(() ->
                            new IllegalStateException(resource + " of org.domus.web is not on the test class path"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (InputStream in = url.openStream()) {
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
