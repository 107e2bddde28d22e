package org.domus.ledger.imports;

import java.util.Locale;
import java.util.Optional;

/** The bank statement formats the payment import reads; {@code null} where a format is asked for: recognise it. */
public enum StatementFormat {
    /** A simple CSV: date; amount; reference; counter-account; message; bank id. */
    CSV,
    /** The Czech ABO/GPC fixed-width format (records 074 and 075). */
    GPC,
    /** ISO 20022 camt.053 bank to customer statement (XML). */
    CAMT053,
    /** SWIFT MT940 customer statement. */
    MT940;

    public static Optional<StatementFormat> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip().toUpperCase(Locale.ROOT);
        if (t.equals("ABO")) {
            return Optional.of(GPC);
        }
        if (t.equals("CAMT") || t.equals("CAMT.053") || t.equals("CAMT_053")) {
            return Optional.of(CAMT053);
        }
        for (StatementFormat f : values()) {
            if (f.name().equals(t)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
