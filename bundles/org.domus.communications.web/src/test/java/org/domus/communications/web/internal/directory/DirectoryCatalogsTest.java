package org.domus.communications.web.internal.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.domus.communications.EmergencyKind;
import org.domus.core.access.ScopeType;
import org.junit.jupiter.api.Test;

class DirectoryCatalogsTest {

    private static final List<String> LANGUAGES = List.of("", "_cs", "_pl", "_ro");
    private static final String PREFIX = "communications.directory.";
    private static final Pattern KEY = Pattern.compile("\"(communications\\.directory\\.[A-Za-z0-9.\\-]+)\"");

    @Test
    void everyKeyTheDirectoryViewsUseIsInEveryCatalogAndTheirSectionsHoldTheSameKeys() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files =
                Files.walk(Path.of("src/main/java/org/domus/communications/web/internal/directory"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    if (!m.group(1).endsWith(".")) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        for (EmergencyKind kind : EmergencyKind.values()) {
            used.add(PREFIX + "kind." + kind.name());
        }
        for (ScopeType type : ScopeType.values()) {
            used.add(PREFIX + "scope." + type.name());
        }
        assertTrue(used.size() > 40, "keys found in the sources: " + used.size());
        Set<String> english = directoryKeys(load(""));
        for (String language : LANGUAGES) {
            Properties catalog = load(language);
            List<String> missing =
                    used.stream().filter(k -> !catalog.containsKey(k)).toList();
            assertEquals(List.of(), missing, "missing in messages" + language);
            assertEquals(english, directoryKeys(catalog), "directory keys of messages" + language);
            for (String key : directoryKeys(catalog)) {
                new MessageFormat(catalog.getProperty(key), Locale.ROOT);
            }
        }
    }

    private static Set<String> directoryKeys(Properties catalog) {
        return catalog.stringPropertyNames().stream()
                .filter(k -> k.startsWith(PREFIX))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Properties load(String language) throws IOException {
        Properties p = new Properties();
        try (InputStream in =
                DirectoryCatalogsTest.class.getResourceAsStream("/i18n/messages" + language + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
