package org.domus.web.internal.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shell's own translation files: every language defines every key. */
class ShellTranslationsTest {

    @Test
    void everyLanguageHasExactlyTheKeysOfTheEnglishFile() throws IOException {
        Set<String> english = load("").stringPropertyNames();
        for (Locale locale : MessageCatalog.LOCALES.subList(1, MessageCatalog.LOCALES.size())) {
            assertEquals(english, load("_" + locale.getLanguage()).stringPropertyNames(), locale.toString());
        }
    }

    @Test
    void translationsUseTheirDiacritics() throws IOException {
        assertTrue(load("_pl").getProperty("login.password").equals("Hasło"));
        assertTrue(load("_cs").getProperty("login.title").equals("Přihlášení"));
        assertTrue(load("_ro").getProperty("login.password").equals("Parolă"));
    }

    private static Properties load(String suffix) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(
                ShellTranslationsTest.class.getResourceAsStream("/i18n/messages" + suffix + ".properties"),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
