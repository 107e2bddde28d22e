package org.domus.ledger.web.internal;

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
import org.domus.core.access.ScopeType;
import org.domus.core.export.TableFormat;
import org.domus.ledger.ArrearsSort;
import org.domus.ledger.BillingProgress;
import org.domus.ledger.BillingRunState;
import org.domus.ledger.ChargeBasis;
import org.domus.ledger.PaymentMethod;
import org.domus.ledger.RateLevel;
import org.domus.ledger.TransactionKind;
import org.domus.ledger.imports.ImportLineStatus;
import org.domus.ledger.imports.StatementFormat;
import org.junit.jupiter.api.Test;

/** Every text the ledger's views show exists in English, Czech, Polish and Romanian. */
class CatalogsTest {

    private static final List<String> LANGUAGES = List.of("", "_cs", "_pl", "_ro");
    private static final Pattern KEY = Pattern.compile("\"(ledger\\.ui\\.[A-Za-z0-9.\\-]+)\"");

    @Test
    void everyKeyTheViewsUseIsInEveryCatalogAndTheCatalogsHoldTheSameKeys() throws IOException {
        Set<String> used = usedKeys();
        assertTrue(used.size() > 100, "keys found in the sources: " + used.size());
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
        for (ChargeBasis b : ChargeBasis.values()) {
            keys.add("ledger.ui.basis." + b);
            keys.add("ledger.ui.basis.explain." + b);
            keys.add("ledger.ui.basis.unit." + b);
            keys.add("ledger.ui.setup.rate." + b);
        }
        for (TransactionKind k : TransactionKind.values()) {
            keys.add("ledger.ui.kind." + k);
        }
        for (RateLevel l : RateLevel.values()) {
            keys.add("ledger.ui.level." + l);
        }
        for (PaymentMethod m : PaymentMethod.values()) {
            keys.add("ledger.ui.method." + m);
        }
        for (BillingRunState s : BillingRunState.values()) {
            keys.add("ledger.ui.billing.state." + s);
        }
        for (ScopeType t : ScopeType.values()) {
            keys.add("ledger.ui.billing.scope." + t);
        }
        for (String phase : List.of(BillingProgress.UNITS, BillingProgress.CHARGES, BillingProgress.POSTING)) {
            keys.add("ledger.ui.billing.phase." + phase);
        }
        for (ArrearsSort sort : ArrearsSort.values()) {
            keys.add("ledger.ui.arrears.sort." + sort);
        }
        for (TableFormat format : TableFormat.values()) {
            keys.add("ledger.ui.download." + format);
        }
        for (ImportLineStatus s : ImportLineStatus.values()) {
            keys.add("ledger.ui.import.status." + s);
            keys.add("ledger.ui.import.reason." + s);
        }
        for (StatementFormat f : StatementFormat.values()) {
            keys.add("ledger.ui.import.format." + f);
        }
        for (String column : List.of("opening", "charges", "payments", "other", "closing")) {
            keys.add("ledger.ui.turnover." + column);
        }
        return keys;
    }

    private static Properties load(String language) throws IOException {
        Properties p = new Properties();
        try (InputStream in = CatalogsTest.class.getResourceAsStream("/i18n/messages" + language + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
