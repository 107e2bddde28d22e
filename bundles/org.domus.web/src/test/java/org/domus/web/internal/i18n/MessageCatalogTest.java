package org.domus.web.internal.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MessageCatalogTest {

    private static final Locale POLISH = new Locale("pl");
    private final MessageCatalog catalog = new MessageCatalog();

    @BeforeEach
    void addShellAndModule() {
        catalog.add(5, "shell", "i18n-test/shell/messages", getClass().getClassLoader()::getResource);
        catalog.add(42, "module", "/i18n-test/module/messages", getClass().getClassLoader()::getResource);
    }

    @Test
    void theLowerBundleIdWinsWithinOneLanguage() {
        assertEquals("Shell English", catalog.translate("shared", Locale.ENGLISH));
        assertEquals("Powłoka po polsku", catalog.translate("shared", POLISH));
    }

    @Test
    void aKeyFromAModuleIsFoundAndReadAsUtf8() {
        assertEquals("Tylko w module – żółć", catalog.translate("module.only", POLISH));
        assertEquals("Only in the module", catalog.translate("module.only", Locale.ENGLISH));
    }

    @Test
    void anyBundlesTextInTheRequestedLanguageBeatsTheEnglishFallback() {
        assertEquals("Moduł nadpisuje po polsku", catalog.translate("shell.only", POLISH));
    }

    @Test
    void missingTranslationsFallBackToEnglishAndUnsupportedLanguagesToo() {
        assertEquals("Only in the module", catalog.translate("module.only", new Locale("cs")));
        assertEquals("Shell English", catalog.translate("shared", Locale.GERMAN));
        assertEquals("Shell English", catalog.translate("shared", null));
    }

    @Test
    void argumentsAreFormatted() {
        assertEquals("Cześć, Ala", catalog.translate("greeting", new Locale("pl", "PL"), "Ala"));
    }

    @Test
    void unknownKeysAreMarkedNotThrown() {
        assertEquals("!nope!", catalog.translate("nope", Locale.ENGLISH));
        assertFalse(catalog.contains("nope", Locale.ENGLISH));
    }

    @Test
    void aRemovedBundlesKeysDisappear() {
        catalog.remove(42);
        assertEquals("!module.only!", catalog.translate("module.only", POLISH));
        assertEquals("Only in the shell", catalog.translate("shell.only", POLISH));
    }

    @Test
    void supportedLocalesMatchByLanguage() {
        assertEquals(POLISH, MessageCatalog.supported(new Locale("pl", "PL")));
        assertEquals(Locale.ENGLISH, MessageCatalog.supported(Locale.JAPANESE));
    }
}
