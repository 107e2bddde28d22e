package org.domus.ledger.internal.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.domus.ledger.imports.StatementFormat;
import org.domus.ledger.imports.StatementProblem;

/**
 * The Czech ABO/GPC statement ("Gemini" format): fixed-width records of 128 characters in windows-1250. A
 * {@code 074} record heads each statement (the account, balances); every {@code 075} record is one
 * transaction:
 *
 * <pre>
 *   1-3  075            4-19 own account      20-35 counter-account     36-48 bank's transaction id
 *  49-60 amount (haléře) 61  code: 1 debit, 2 credit, 4 reversed debit, 5 reversed credit
 *  62-71 variable symbol 72-81 "00" + counter-account bank code + constant symbol
 *  82-91 specific symbol 92-97 value date DDMMYY   98-117 name / message   118 "0"
 * 119-122 currency (ISO 4217 numeric)              123-128 booking date DDMMYY
 * </pre>
 *
 * Other records ({@code 076}, {@code 078}, {@code 079}: extra message lines) are skipped.
 */
public final class GpcStatementParser {

    private static final DateTimeFormatter DDMMYY = DateTimeFormatter.ofPattern("ddMMyy");

    private static final Map<String, String> CURRENCIES =
            Map.of("0203", "CZK", "0978", "EUR", "0985", "PLN", "0946", "RON", "0840", "USD");

    private GpcStatementParser() {}

    public static ParsedStatement parse(byte[] file) {
        String text = new String(file, CsvStatementParser.WINDOWS_1250);
        String[] lines = text.split("\r\n|\n|\r", -1);
        List<StatementEntry> entries = new ArrayList<>();
        List<StatementProblem> problems = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int lineNo = i + 1;
            if (!line.startsWith("075")) {
                continue;
            }
            if (line.length() < 122) {
                problems.add(StatementProblem.of(lineNo, null, "ledger.import.gpc.record", line.length()));
                continue;
            }
            String record = line.length() < 128 ? line + " ".repeat(128 - line.length()) : line;
            int before = problems.size();
            long hundredths;
            try {
                hundredths = Long.parseLong(field(record, 49, 60));
            } catch (NumberFormatException e) {
                problems.add(
                        StatementProblem.of(lineNo, "amount", "ledger.import.amount.invalid", field(record, 49, 60)));
                continue;
            }
            BigDecimal amount = BigDecimal.valueOf(hundredths, 2);
            String code = field(record, 61, 61);
            switch (code) {
                case "2", "4" -> {}
                case "1", "5" -> amount = amount.negate();
                default -> problems.add(StatementProblem.of(lineNo, "code", "ledger.import.gpc.code", code));
            }
            LocalDate booking = date(field(record, 123, 128));
            LocalDate value = date(field(record, 92, 97));
            LocalDate day = booking != null ? booking : value;
            if (day == null) {
                problems.add(StatementProblem.of(lineNo, "date", "ledger.import.date.invalid", field(record, 92, 97)));
            }
            if (amount.signum() == 0) {
                problems.add(StatementProblem.of(lineNo, "amount", "ledger.import.amount.invalid", "0"));
            }
            if (problems.size() > before) {
                continue;
            }
            String counter = stripZeros(field(record, 20, 35));
            String bank = field(record, 72, 81);
            String bankCode = bank.length() >= 6 ? bank.substring(2, 6) : "";
            String counterAccount = counter.isEmpty()
                    ? null
                    : bankCode.isBlank() || bankCode.equals("0000") ? counter : counter + "/" + bankCode;
            String message = field(record, 98, 117);
            String bankId = stripZeros(field(record, 36, 48));
            entries.add(new StatementEntry(
                    lineNo,
                    day,
                    amount,
                    CURRENCIES.get(field(record, 119, 122)),
                    emptyToNull(stripZeros(field(record, 62, 71))),
                    counterAccount,
                    emptyToNull(message),
                    emptyToNull(bankId)));
        }
        return new ParsedStatement(StatementFormat.GPC, CsvStatementParser.WINDOWS_1250.name(), entries, problems);
    }

    /** Characters {@code from}..{@code to}, 1-based and inclusive as the format's description counts them. */
    private static String field(String record, int from, int to) {
        return record.substring(from - 1, to).strip();
    }

    private static LocalDate date(String ddmmyy) {
        if (ddmmyy.length() != 6 || ddmmyy.equals("000000")) {
            return null;
        }
        try {
            return LocalDate.parse(ddmmyy, DDMMYY);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String stripZeros(String digits) {
        String s = digits.replaceFirst("^0+", "");
        return s;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
