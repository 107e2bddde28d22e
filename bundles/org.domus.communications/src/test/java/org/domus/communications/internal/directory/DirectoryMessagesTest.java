package org.domus.communications.internal.directory;

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
import org.junit.jupiter.api.Test;

class DirectoryMessagesTest {

    private static final Pattern KEY = Pattern.compile("\"(communications\\.directory\\.[A-Za-z0-9.\\-]+)\"");

    @Test
    void everyRefusalOfTheDirectoryIsTranslatedInAllFourLanguages() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/domus/communications/internal/directory"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    // action names of audit events are not texts
                    if (!m.group(1).endsWith(".") && !m.group(1).matches(".*\\.(office|staff|emergency)$")) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        assertTrue(used.size() >= 15, "keys found: " + used);
        Set<String> english = keys(load(""));
        for (String language : List.of("", "_cs", "_pl", "_ro")) {
            Properties catalog = load(language);
            assertEquals(
                    List.of(),
                    used.stream().filter(k -> !catalog.containsKey(k)).toList(),
                    "missing in messages" + language);
            assertEquals(english, keys(catalog), "directory keys of messages" + language);
            for (String key : keys(catalog)) {
                new MessageFormat(catalog.getProperty(key), Locale.ROOT);
            }
        }
    }

    private static Set<String> keys(Properties catalog) {
        return catalog.stringPropertyNames().stream()
                .filter(k -> k.startsWith("communications.directory."))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Properties load(String language) throws IOException {
        Properties p = new Properties();
        try (InputStream in =
                DirectoryMessagesTest.class.getResourceAsStream("/i18n/messages" + language + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
