package org.domus.communications.web.internal.notify;

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
import org.domus.communications.NotificationChannel;
import org.domus.communications.NotificationKind;
import org.junit.jupiter.api.Test;

/** Every text the notification views show exists in English, Czech, Polish and Romanian. */
class NotificationCatalogsTest {

    private static final List<String> LANGUAGES = List.of("", "_cs", "_pl", "_ro");
    private static final Pattern KEY = Pattern.compile("\"(communications\\.notify\\.ui\\.[A-Za-z0-9.\\-]+)\"");
    private static final String PREFIX = "communications.notify.ui.";

    @Test
    void everyKeyTheNotificationViewsUseIsInEveryCatalog() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/domus/communications/web/internal/notify"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).endsWith(".")) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        for (NotificationKind kind : NotificationKind.values()) {
            used.add(PREFIX + "kind." + kind.name());
        }
        for (NotificationChannel channel : NotificationChannel.values()) {
            used.add(PREFIX + "channel." + channel.name());
        }
        assertTrue(used.size() > 25, "keys found: " + used.size());
        Set<String> english = notifyKeys(load(""));
        for (String language : LANGUAGES) {
            Properties catalog = load(language);
            Set<String> missing =
                    used.stream().filter(k -> !catalog.containsKey(k)).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(Set.of(), missing, "missing in messages" + language);
            assertEquals(english, notifyKeys(catalog), "keys of messages" + language);
            for (String key : notifyKeys(catalog)) {
                new MessageFormat(catalog.getProperty(key), Locale.ROOT);
            }
        }
    }

    private static Set<String> notifyKeys(Properties p) {
        return p.stringPropertyNames().stream()
                .filter(k -> k.startsWith(PREFIX))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Properties load(String language) throws IOException {
        Properties p = new Properties();
        try (InputStream in =
                NotificationCatalogsTest.class.getResourceAsStream("/i18n/messages" + language + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
