package org.domus.tickets.web.internal;

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
import java.util.stream.Stream;
import org.domus.tickets.AttachmentKind;
import org.domus.tickets.ContactPreference;
import org.domus.tickets.TicketArea;
import org.domus.tickets.TicketPriority;
import org.domus.tickets.TicketSource;
import org.domus.tickets.TicketStatus;
import org.domus.tickets.TimelineKind;
import org.junit.jupiter.api.Test;

/** Every text the tickets' views show exists in English, Czech, Polish and Romanian. */
class CatalogsTest {

    private static final List<String> LANGUAGES = List.of("", "_cs", "_pl", "_ro");
    private static final Pattern KEY = Pattern.compile("\"(tickets\\.ui\\.[A-Za-z0-9.\\-]+)\"");

    @Test
    void everyKeyTheViewsUseIsInEveryCatalogAndTheCatalogsHoldTheSameKeys() throws IOException {
        Set<String> used = usedKeys();
        assertTrue(used.size() > 200, "keys found in the sources: " + used.size());
        Set<String> english = load("").stringPropertyNames();
        for (String language : LANGUAGES) {
            Properties catalog = load(language);
            List<String> missing = new ArrayList<>();
            for (String key : used) {
                if (!catalog.containsKey(key)) {
                    missing.add(key);
                }
            }
            assertEquals(List.of(), missing, "missing in messages" + language);
            assertEquals(english, catalog.stringPropertyNames(), "keys of messages" + language);
            for (String key : catalog.stringPropertyNames()) {
                // every text goes through MessageFormat: it must parse
                new MessageFormat(catalog.getProperty(key), Locale.ROOT);
            }
        }
    }

    /** Literal keys in the sources, and the keys views build from enum constants. */
    private static Set<String> usedKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    if (!m.group(1).endsWith(".")) {
                        keys.add(m.group(1));
                    }
                }
            }
        }
        enumKeys(keys, "tickets.ui.status.", TicketStatus.values());
        enumKeys(keys, "tickets.ui.area.", TicketArea.values());
        enumKeys(keys, "tickets.ui.priority.", TicketPriority.values());
        enumKeys(keys, "tickets.ui.contact.", ContactPreference.values());
        enumKeys(keys, "tickets.ui.source.", TicketSource.values());
        enumKeys(keys, "tickets.ui.timeline.", TimelineKind.values());
        enumKeys(keys, "tickets.ui.attachment.", AttachmentKind.values());
        enumKeys(keys, "tickets.ui.work.scope.", WorkView.Scope.values());
        for (int rating = 1; rating <= 5; rating++) {
            keys.add("tickets.ui.requester.rating." + rating);
        }
        return keys;
    }

    private static void enumKeys(Set<String> keys, String prefix, Enum<?>[] values) {
        for (Enum<?> value : values) {
            keys.add(prefix + value.name());
        }
    }

    private static Properties load(String language) throws IOException {
        Properties p = new Properties();
        try (InputStream in = CatalogsTest.class.getResourceAsStream("/i18n/messages" + language + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
