package org.domus.communications.web.internal.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.domus.communications.MessageThreadState;
import org.domus.communications.MessageTopic;
import org.junit.jupiter.api.Test;

/** Every text the messages' views show exists in English, Czech, Polish and Romanian. */
class MessagesCatalogsTest {

    private static final List<String> LANGUAGES = List.of("", "_cs", "_pl", "_ro");
    private static final Pattern KEY = Pattern.compile("\"(communications\\.messages\\.ui\\.[A-Za-z0-9.\\-]+)\"");

    @Test
    void everyKeyTheViewsUseIsInEveryCatalogAndTheCatalogsHoldTheSameMessageKeys() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/domus/communications/web/internal/messages"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    if (!m.group(1).endsWith(".")) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        for (MessageThreadState s : MessageThreadState.values()) {
            used.add("communications.messages.ui.state." + s.name());
        }
        for (MessageTopic t : MessageTopic.values()) {
            used.add("communications.messages.ui.topic." + t.name());
        }
        assertTrue(used.size() > 40, "keys found in the sources: " + used.size());
        Set<String> english = messageKeys(load(""));
        for (String language : LANGUAGES) {
            Properties catalog = load(language);
            List<String> missing = new ArrayList<>();
            for (String key : used) {
                if (!catalog.containsKey(key)) {
                    missing.add(key);
                }
            }
            assertEquals(List.of(), missing, "missing in messages" + language);
            assertEquals(english, messageKeys(catalog), "keys of messages" + language);
            for (String key : messageKeys(catalog)) {
                new MessageFormat(catalog.getProperty(key), Locale.ROOT);
            }
        }
    }

    private static Set<String> messageKeys(Properties catalog) {
        return catalog.stringPropertyNames().stream()
                .filter(k -> k.startsWith("communications.messages."))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Properties load(String language) throws IOException {
        Properties p = new Properties();
        try (InputStream in =
                MessagesCatalogsTest.class.getResourceAsStream("/i18n/messages" + language + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
