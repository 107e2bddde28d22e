package org.domus.ledger.internal.imports;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** The bank statement formats the payment import reads. */
public enum StatementFormat {
    /** A simple CSV: date; amount; reference; counter-account; message; bank id. */
    CSV,
    /** The Czech ABO/GPC fixed-width format (records 074 and 075). */
    GPC;

    public static Optional<StatementFormat> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip().toUpperCase(Locale.ROOT);
        if (t.equals("ABO")) {
            return Optional.of(GPC);
        }
        for (StatementFormat f : values()) {
            if (f.name().equals(t)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Recognises the format by the file's first bytes: a GPC file starts with its 074 header record. */
    public static StatementFormat detect(byte[] file) {
        String head = new String(file, 0, Math.min(file.length, 3), StandardCharsets.ISO_8859_1);
        return head.equals("074") ? GPC : CSV;
    }
}
