package org.domus.ledger.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every message key the ledger's services and resources put into a problem document has a text in each
 * catalog the REST layer translates from (the ledger bundle's own {@code i18n/messages*.properties}).
 */
class LedgerMessagesTest {

    // new DomusException(Kind.X, "ledger...."), requireRegistry(..., "ledger....not-found"), errors.add(f, "ledger...")
    private static final Pattern THROWN =
            Pattern.compile("Kind\\.[A-Z_]+,\\s*\"(ledger\\.[a-z0-9.-]+)\"|\"(ledger\\.[a-z0-9.-]+\\.not-found)\""
                    + "|errors\\.add\\([^,]+,\\s*\"(ledger\\.[a-z0-9.-]+)\"");

    @Test
    void everyKeyTheLedgerThrowsIsTranslatedInEnglishCzechPolishAndRomanian() throws IOException {
        Set<String> thrown = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : (Iterable<Path>) sources.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = THROWN.matcher(Files.readString(source));
                while (m.find()) {
                    for (int g = 1; g <= m.groupCount(); g++) {
                        if (m.group(g) != null) {
                            thrown.add(m.group(g));
                        }
                    }
                }
            }
        }
        assertTrue(thrown.size() >= 25, "keys found in the sources: " + thrown);
        assertTrue(thrown.containsAll(Set.of("ledger.unit.not-found", "ledger.month.invalid")), thrown.toString());
        for (String suffix : new String[] {"", "_cs", "_pl", "_ro"}) {
            Properties catalog = load(suffix);
            Set<String> missing = new TreeSet<>(thrown);
            missing.removeAll(catalog.stringPropertyNames());
            assertEquals(Set.of(), missing, "untranslated in messages" + suffix);
        }
    }

    @Test
    void theCountOfRefusedImportLinesIsSingularForOne() throws IOException {
        String pattern = load("").getProperty("ledger.import.incomplete");
        MessageFormat format = new MessageFormat(pattern, Locale.ENGLISH);
        assertEquals(
                "1 line cannot be imported; correct it or import only the matched lines.",
                format.format(new Object[] {1}));
        assertEquals(
                "3 lines cannot be imported; correct them or import only the matched lines.",
                format.format(new Object[] {3}));
    }

    private static Properties load(String suffix) throws IOException {
        try (InputStream in = LedgerMessagesTest.class.getResourceAsStream("/i18n/messages" + suffix + ".properties")) {
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }
}
