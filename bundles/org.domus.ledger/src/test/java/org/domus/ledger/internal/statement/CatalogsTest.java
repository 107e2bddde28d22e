package org.domus.ledger.internal.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CatalogsTest {

    private static Properties load(String suffix) throws IOException {
        String name = "/i18n/messages" + suffix + ".properties";
        try (InputStream in = CatalogsTest.class.getResourceAsStream(name)) {
            assertNotNull(in, name);
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    @Test
    void everyLanguageHasEveryKeyAndEveryPatternIsAValidMessageFormat() throws IOException {
        Properties english = load("");
        for (String suffix : new String[] {"_cs", "_pl", "_ro"}) {
            Properties other = load(suffix);
            assertEquals(
                    new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(other.stringPropertyNames()), suffix);
            for (String key : other.stringPropertyNames()) {
                new MessageFormat(other.getProperty(key), Locale.ROOT); // throws on broken placeholders
            }
        }
    }
}
