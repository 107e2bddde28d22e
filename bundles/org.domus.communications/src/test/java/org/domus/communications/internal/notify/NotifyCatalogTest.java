package org.domus.communications.internal.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The notification texts exist in every language the module speaks, and fall back to English for others. */
class NotifyCatalogTest {

    /** org.domus.tickets.TicketStatus, whose names arrive in the tickets' events. */
    private static final List<String> TICKET_STATUSES = List.of(
            "NEW", "ACCEPTED", "ASSIGNED", "IN_PROGRESS", "DONE", "CONFIRMED", "REOPENED", "REJECTED", "CANCELLED");

    @Test
    void everyLanguageHasEveryNotificationTextAndEveryTicketStatus() throws IOException {
        Set<String> english = keys(load(""));
        for (String status : TICKET_STATUSES) {
            assertEquals(true, english.contains("communications.notify.status." + status), status);
        }
        for (String language : List.of("_cs", "_pl", "_ro")) {
            Properties catalog = load(language);
            assertEquals(english, keys(catalog), "keys of messages" + language);
            for (String key : keys(catalog)) {
                new MessageFormat(catalog.getProperty(key), Locale.ROOT);
            }
        }
        assertEquals(
                "Ticket T-1: Done",
                NotifyCatalog.of(Locale.GERMAN).get("communications.notify.ticket.status.title", "T-1", "Done"));
        assertEquals(
                "Hotový", NotifyCatalog.of(Locale.forLanguageTag("cs-CZ")).get("communications.notify.status.DONE"));
    }

    private static Set<String> keys(Properties p) {
        return p.stringPropertyNames().stream()
                .filter(k -> k.startsWith("communications.notify."))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Properties load(String language) throws IOException {
        Properties p = new Properties();
        try (InputStream in =
                NotifyCatalogTest.class.getResourceAsStream("/i18n/messages" + language + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
