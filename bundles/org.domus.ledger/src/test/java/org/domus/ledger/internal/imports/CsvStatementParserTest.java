package org.domus.ledger.internal.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.domus.ledger.imports.StatementFormat;
import org.domus.ledger.imports.StatementProblem;
import org.junit.jupiter.api.Test;

class CsvStatementParserTest {

    static byte[] sample(String name) throws IOException {
        try (InputStream in = CsvStatementParserTest.class.getResourceAsStream("/statements/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void readsACzechBankExportWithBomHeaderSemicolonsDecimalCommaAndQuotedSeparators() throws IOException {
        byte[] file = sample("vypis-utf8-bom.csv");

        ParsedStatement s = BankStatements.parse(file, null);

        assertEquals(StatementFormat.CSV, s.format());
        assertEquals("UTF-8", s.encoding());
        assertEquals(List.of(), s.problems());
        assertEquals(4, s.entries().size());
        StatementEntry first = s.entries().get(0);
        assertEquals(2, first.line());
        assertEquals(LocalDate.of(2026, 3, 10), first.date());
        assertEquals(new BigDecimal("1455.00"), first.amount());
        assertEquals("1001", first.reference());
        assertEquals("1234567890/0800", first.counterAccount());
        assertEquals("Předpis březen; byt 1", first.message());
        assertEquals("26031000001", first.bankId());
        assertEquals(new BigDecimal("3200.50"), s.entries().get(1).amount());
        assertEquals("0000002002", s.entries().get(1).reference());
        StatementEntry debit = s.entries().get(2);
        assertEquals(new BigDecimal("-1200.00"), debit.amount());
        assertNull(debit.reference());
    }

    @Test
    void readsWindows1250WithCommasDecimalPointsAndNoHeaderInTheFixedColumnOrder() throws IOException {
        ParsedStatement s = CsvStatementParser.parse(sample("vypis-windows-1250.csv"));

        assertEquals("windows-1250", s.encoding());
        assertEquals(3, s.entries().size());
        assertEquals("Nájem Nováková", s.entries().get(0).message());
        assertNull(s.entries().get(0).bankId());
        StatementEntry pln = s.entries().get(2);
        assertEquals(new BigDecimal("1234.50"), pln.amount());
        assertEquals("PL61109010140000071219812874", pln.reference());
        assertEquals("Czynsz, marzec", pln.message());
        // 31 February and three decimals are refused, each on its own line
        assertEquals(2, s.problems().size());
        assertEquals(4, s.problems().get(0).line());
        assertEquals("ledger.import.date.invalid", s.problems().get(0).messageKey());
        assertEquals(5, s.problems().get(1).line());
        assertEquals("ledger.import.amount.invalid", s.problems().get(1).messageKey());
    }

    @Test
    void amountsInTheWaysBanksWriteThem() {
        List<StatementProblem> problems = new java.util.ArrayList<>();
        assertEquals(new BigDecimal("1234.50"), CsvStatementParser.amount("1 234,50", 1, "amount", problems));
        assertEquals(new BigDecimal("1234.50"), CsvStatementParser.amount("1.234,50", 1, "amount", problems));
        assertEquals(new BigDecimal("-1234.50"), CsvStatementParser.amount("-1,234.50", 1, "amount", problems));
        assertEquals(new BigDecimal("300.00"), CsvStatementParser.amount("+300", 1, "amount", problems));
        assertEquals(new BigDecimal("1500.00"), CsvStatementParser.amount("1\u00a0500", 1, "amount", problems));
        assertEquals(List.of(), problems);
        for (String bad : List.of("0", "12,345", "abc", "1e5", "")) {
            CsvStatementParser.amount(bad.isEmpty() ? null : bad, 7, "amount", problems);
        }
        assertEquals(5, problems.size());
    }

    @Test
    void aFileOfOnlyAHeaderHasNoEntries() {
        ParsedStatement s = CsvStatementParser.parse("date;amount;reference\r\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), s.entries());
        assertEquals(List.of(), s.problems());
    }
}
