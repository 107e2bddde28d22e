package org.domus.tickets.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.domus.core.export.TableFormat;
import org.domus.tickets.DeadlineUnit;
import org.domus.tickets.TicketStatus;
import org.junit.jupiter.api.Test;

/**
 * Every text of the management panel, the statistics, the map and the records views (keys {@code tickets.manage.},
 * {@code tickets.stats.}, {@code tickets.admin.}) exists in English, Czech, Polish and Romanian.
 */
class PanelCatalogsTest {

    private static final List<String> LANGUAGES = List.of("", "_cs", "_pl", "_ro");
    private static final Pattern KEY = Pattern.compile("\"(tickets\\.(?:manage|stats|admin)\\.[A-Za-z0-9.\\-]+)\"");

    @Test
    void everyKeyOfThePanelIsInEveryCatalog() throws IOException {
        Set<String> used = usedKeys();
        assertTrue(used.size() > 150, "keys found in the sources: " + used.size());
        for (String language : LANGUAGES) {
            Properties catalog = new Properties();
            try (InputStream in =
                    PanelCatalogsTest.class.getResourceAsStream("/i18n/messages" + language + ".properties")) {
                catalog.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            List<String> missing = new ArrayList<>();
            for (String key : used) {
                if (!catalog.containsKey(key)) {
                    missing.add(key);
                }
            }
            assertEquals(List.of(), missing, "missing in messages" + language);
        }
    }

    /** Literal keys in the sources, and the keys the views build from constants. */
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
        for (TicketFilter.ListKind kind : TicketFilter.ListKind.values()) {
            keys.add("tickets.manage.list." + kind.name());
        }
        for (String action : List.of("accept", "assign", "reject", "cancel")) {
            keys.add("tickets.manage.bulk." + action);
        }
        for (TableFormat format : TableFormat.values()) {
            keys.add("tickets.manage.download." + format.name());
        }
        for (TicketStatus status : TicketStatus.values()) {
            keys.add("tickets.manage.move." + status.name());
        }
        for (String by : List.of("building", "category", "company", "status")) {
            keys.add("tickets.stats.by." + by);
            keys.add("tickets.stats.column." + by);
        }
        for (String figure : List.of("total", "done", "open", "overdue", "median", "onTime")) {
            keys.add("tickets.stats.figure." + figure);
        }
        for (String unit : List.of("d", "h", "min")) {
            keys.add("tickets.stats.unit." + unit);
        }
        for (DeadlineUnit unit : DeadlineUnit.values()) {
            keys.add("tickets.admin.unit." + unit.name());
            keys.add("tickets.admin.unitName." + unit.name());
        }
        return keys;
    }
}
