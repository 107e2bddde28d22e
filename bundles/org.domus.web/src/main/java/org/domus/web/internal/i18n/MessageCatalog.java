package org.domus.web.internal.i18n;

import java.net.URL;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;

/**
 * Translations aggregated from several bundles. A key is looked up in the requested language in every
 * source first and only then in the English fallback files, so that a module's Polish text beats the
 * shell's English one. Among sources, the lower key (bundle id) wins.
 */
public final class MessageCatalog {

    /** Languages the UI offers; the first is the fallback. */
    public static final List<Locale> LOCALES =
            List.of(Locale.ENGLISH, new Locale("pl"), new Locale("cs"), new Locale("ro"));

    private final Map<Long, MessageSource> sources = new ConcurrentSkipListMap<>();

    /** Adds (or replaces) the translations of one bundle. */
    public void add(long id, String name, String baseName, Function<String, URL> resources) {
        sources.put(id, new MessageSource(name, baseName, resources));
    }

    public void remove(long id) {
        sources.remove(id);
    }

    /** The supported locale with the same language, or English. */
    public static Locale supported(Locale locale) {
        if (locale == null) {
            return Locale.ENGLISH;
        }
        return LOCALES.stream()
                .filter(l -> l.getLanguage().equals(locale.getLanguage()))
                .findFirst()
                .orElse(Locale.ENGLISH);
    }

    /**
     * The translated, formatted text, or {@code !key!} when no bundle knows the key (visible in the UI so
     * that missing translations are noticed, never an exception).
     */
    public String translate(String key, Locale locale, Object... arguments) {
        if (key == null) {
            return "";
        }
        Locale target = supported(locale);
        Optional<String> pattern = find(target.getLanguage(), key).or(() -> find("", key));
        if (pattern.isEmpty()) {
            return "!" + key + "!";
        }
        if (arguments == null || arguments.length == 0) {
            return pattern.get();
        }
        return new MessageFormat(pattern.get(), target).format(arguments);
    }

    /** Whether any bundle defines the key (in any language file, including the fallback). */
    public boolean contains(String key, Locale locale) {
        return find(supported(locale).getLanguage(), key)
                .or(() -> find("", key))
                .isPresent();
    }

    private Optional<String> find(String language, String key) {
        for (MessageSource source : sources.values()) {
            Optional<String> value = source.find(language, key);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }
}
