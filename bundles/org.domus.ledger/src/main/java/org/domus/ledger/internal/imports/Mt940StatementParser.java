package org.domus.ledger.internal.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.domus.ledger.imports.StatementFormat;
import org.domus.ledger.imports.StatementProblem;

/**
 * SWIFT MT940 customer statements (tags {@code :20:} {@code :25:} {@code :28C:} {@code :60F:} {@code :61:}
 * {@code :86:} {@code :62F:}), one or several in a file. Each {@code :61:} is an entry; the {@code :86:}
 * that follows is its message. The reference is the {@code :61:} customer reference unless
 * {@code NONREF}; a variable symbol in the message ({@code /VS/1001}, {@code VS:1001}) is found by the
 * matcher. The bank's id is the reference after {@code //}. The currency is the one of {@code :60F:}.
 * UTF-8 when the file decodes as such, else windows-1250.
 */
public final class Mt940StatementParser {

    /** value date, entry date, mark (C, D, RC, RD), funds code, amount, N + type, customer ref, // bank ref. */
    private static final Pattern LINE_61 =
            Pattern.compile("^(\\d{6})(\\d{4})?(R?[CD])([A-Z])?(\\d+,\\d{0,2})[NSF]([A-Z0-9]{3})([^/]*?)(?://(.*))?$");

    private static final Pattern BALANCE = Pattern.compile("^[CD](\\d{6})([A-Z]{3})");

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    private Mt940StatementParser() {}

    static boolean looksLike(String text) {
        return text.contains(":20:") && text.contains(":61:");
    }

    public static ParsedStatement parse(byte[] file) {
        CsvStatementParser.Decoded decoded = CsvStatementParser.decode(file);
        String[] lines = decoded.text().split("\r\n|\n|\r", -1);
        List<StatementEntry> entries = new ArrayList<>();
        List<StatementProblem> problems = new ArrayList<>();
        String currency = null;
        Pending pending = null;
        StringBuilder message = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int lineNo = i + 1;
            boolean tag = line.startsWith(":") && line.indexOf(':', 1) > 1;
            if (tag) {
                if (message != null && pending != null) {
                    pending.message = message.toString().strip();
                }
                message = null;
            }
            if (line.startsWith(":60F:") || line.startsWith(":60M:")) {
                Matcher m = BALANCE.matcher(line.substring(5));
                if (m.find()) {
                    currency = m.group(2);
                }
            } else if (line.startsWith(":61:")) {
                if (pending != null) {
                    entries.add(pending.entry());
                    pending = null;
                }
                pending = entry(line.substring(4).strip(), lineNo, currency, problems);
            } else if (line.startsWith(":86:")) {
                message = new StringBuilder(line.substring(4));
            } else if (tag) {
                if (pending != null) {
                    entries.add(pending.entry());
                    pending = null;
                }
            } else if (message != null) {
                message.append(' ').append(line.strip());
            } else if (line.startsWith("-}") || line.equals("-")) {
                if (pending != null) {
                    entries.add(pending.entry());
                    pending = null;
                }
            }
        }
        if (pending != null) {
            if (message != null) {
                pending.message = message.toString().strip();
            }
            entries.add(pending.entry());
        }
        return new ParsedStatement(StatementFormat.MT940, decoded.encoding(), entries, problems);
    }

    private static final class Pending {
        int line;
        LocalDate date;
        BigDecimal amount;
        String currency;
        String reference;
        String bankId;
        String message;

        StatementEntry entry() {
            return new StatementEntry(
                    line,
                    date,
                    amount,
                    currency,
                    reference,
                    null,
                    message == null || message.isEmpty() ? null : message,
                    bankId);
        }
    }

    private static Pending entry(String text, int line, String currency, List<StatementProblem> problems) {
        Matcher m = LINE_61.matcher(text);
        if (!m.matches()) {
            problems.add(StatementProblem.of(line, ":61:", "ledger.import.mt940.line", text));
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(m.group(1), YYMMDD);
        } catch (DateTimeParseException e) {
            problems.add(StatementProblem.of(line, "date", "ledger.import.date.invalid", m.group(1)));
            return null;
        }
        String raw = m.group(5);
        BigDecimal amount = new BigDecimal(
                        raw.endsWith(",") ? raw.substring(0, raw.length() - 1) : raw.replace(',', '.'))
                .setScale(2);
        if (amount.signum() == 0) {
            problems.add(StatementProblem.of(line, "amount", "ledger.import.amount.invalid", raw));
            return null;
        }
        // C credit, D debit; RC (reversal of a credit) takes money away, RD gives it back.
        String mark = m.group(3);
        if (mark.equals("D") || mark.equals("RC")) {
            amount = amount.negate();
        }
        Pending p = new Pending();
        p.line = line;
        p.date = date;
        p.amount = amount;
        p.currency = currency;
        String customer = m.group(7) == null ? "" : m.group(7).strip();
        p.reference = customer.isEmpty() || customer.equalsIgnoreCase("NONREF") ? null : customer;
        String bank = m.group(8) == null ? "" : m.group(8).strip();
        p.bankId = bank.isEmpty() ? null : bank;
        return p;
    }
}
