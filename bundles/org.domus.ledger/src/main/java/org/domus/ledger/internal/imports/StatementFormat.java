package org.domus.ledger.internal.imports;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** The bank statement formats the payment import reads. */
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

    /**
     * Recognises the format by the file's beginning: a GPC file starts with its 074 header record, camt.053
     * is XML naming {@code BkToCstmrStmt}, MT940 has {@code :20:} and {@code :61:} tags; anything else is
     * read as CSV.
     */
    public static StatementFormat detect(byte[] file) {
        String head = new String(file, 0, Math.min(file.length, 4096), StandardCharsets.ISO_8859_1);
        if (head.startsWith("074")) {
            return GPC;
        }
        if (Camt053StatementParser.looksLike(file)) {
            return CAMT053;
        }
        if (Mt940StatementParser.looksLike(head)) {
            return MT940;
        }
        return CSV;
    }
}
