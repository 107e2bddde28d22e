package org.domus.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void unknownKeyFallsBackToTheKey() {
        assertEquals("ledger.no.such.key", Messages.translate("ledger.no.such.key", List.of(), Locale.ENGLISH));
        assertEquals("ledger.no.such.key", Messages.translate("ledger.no.such.key", List.of(), new Locale("pl")));
    }

    @Test
    void translationsUseDiacritics() {
        assertEquals("Wewnętrzny błąd serwera", Messages.translate("status.500", List.of(), new Locale("pl")));
        assertEquals("Nepovolená metoda", Messages.translate("status.405", List.of(), new Locale("cs")));
        assertEquals("Cerere greșită", Messages.translate("status.400", List.of(), new Locale("ro")));
    }

    @Test
    void argumentsAreFilledIn() {
        assertEquals(
                "Malformed JSON at line 3, column 14.",
                Messages.translate("error.malformed_json", List.of("3", "14"), Locale.ENGLISH));
        assertEquals(
                "Błędny JSON w wierszu 3, kolumnie 14.",
                Messages.translate("error.malformed_json", List.of("3", "14"), new Locale("pl")));
    }

    @Test
    void missingTranslationFallsBackToEnglishNotToTheJvmLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(new Locale("pl"));
            assertEquals("Not Found", Messages.translate("status.404", List.of(), Locale.ENGLISH));
            assertEquals("Not Found", Messages.translate("status.404", List.of(), Locale.GERMAN));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void negotiationPrefersTheClientThenTheAccountThenEnglish() {
        assertEquals(
                "cs",
                Messages.negotiate(List.of(Locale.GERMAN, Locale.forLanguageTag("cs-CZ")), null)
                        .getLanguage());
        assertEquals("ro", Messages.negotiate(List.of(), new Locale("ro")).getLanguage());
        assertEquals(
                "en",
                Messages.negotiate(List.of(new Locale("*")), Locale.JAPANESE).getLanguage());
    }

    @Test
    void everyLanguageHasEveryKey() throws IOException {
        Properties english = load("");
        for (String language : List.of("_pl", "_cs", "_ro")) {
            Properties translated = load(language);
            assertEquals(english.keySet(), translated.keySet(), "keys of messages" + language);
        }
    }

    private static Properties load(String suffix) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/i18n/messages" + suffix + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
