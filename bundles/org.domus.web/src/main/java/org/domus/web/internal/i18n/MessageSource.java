package org.domus.web.internal.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The translation files of one bundle: {@code <base>.properties} (English, the fallback) and
 * {@code <base>_<language>.properties}, read as UTF-8 and cached per language.
 */
final class MessageSource {

    private static final Logger LOG = LoggerFactory.getLogger(MessageSource.class);

    private final String name;
    private final String baseName;
    private final Function<String, URL> resources;
    private final Map<String, Properties> byLanguage = new ConcurrentHashMap<>();

    /**
     * @param name for log messages, e.g. the bundle's symbolic name
     * @param baseName path of the files without suffix, e.g. {@code i18n/messages}
     * @param resources finds a file by path, null when absent
     */
    MessageSource(String name, String baseName, Function<String, URL> resources) {
        this.name = name;
        this.baseName = baseName.startsWith("/") ? baseName.substring(1) : baseName;
        this.resources = resources;
    }

    String name() {
        return name;
    }

    /** The value defined for exactly this language; the empty language means the fallback file. */
    Optional<String> find(String language, String key) {
        return Optional.ofNullable(
                byLanguage.computeIfAbsent(language, this::load).getProperty(key));
    }

    private Properties load(String language) {
        String path = language.isEmpty() ? baseName + ".properties" : baseName + "_" + language + ".properties";
        Properties properties = new Properties();
        URL url = resources.apply(path);
        if (url == null) {
            return properties;
        }
        try (InputStream in = url.openStream();
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            LOG.warn("Cannot read translations {} of {}", path, name, e);
        }
        return properties;
    }
}
