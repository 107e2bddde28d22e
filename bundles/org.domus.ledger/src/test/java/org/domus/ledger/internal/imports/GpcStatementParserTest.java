package org.domus.ledger.internal.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;
import org.domus.ledger.imports.StatementFormat;
import org.junit.jupiter.api.Test;

class GpcStatementParserTest {

    @Test
    void readsTheTransactionRecordsOfAnAboStatementInHalereWithSignsFromTheAccountingCode() throws IOException {
        byte[] file = CsvStatementParserTest.sample("vypis-2026-03.gpc");

        ParsedStatement s = BankStatements.parse(file, null);

        assertEquals(StatementFormat.GPC, s.format());
        assertEquals(List.of(), s.problems());
        assertEquals(4, s.entries().size());
        StatementEntry first = s.entries().get(0);
        assertEquals(2, first.line());
        assertEquals(LocalDate.of(2026, 3, 10), first.date());
        assertEquals(new BigDecimal("1455.00"), first.amount());
        assertEquals("CZK", first.currency());
        assertEquals("1001", first.reference());
        assertEquals("1234567890/0800", first.counterAccount());
        assertEquals("Nováková Jana", first.message());
        assertEquals("2603100001", first.bankId());
        StatementEntry second = s.entries().get(1);
        assertEquals(new BigDecimal("3200.50"), second.amount());
        assertEquals("19000000987654/0100", second.counterAccount());
        assertEquals("Dvořák Petr", second.message());
        StatementEntry debit = s.entries().get(2);
        assertEquals(new BigDecimal("-1200.00"), debit.amount());
        assertNull(debit.reference());
        assertEquals("Teplárna Příklad", debit.message());
        // code 5: a credit taken back
        assertEquals(new BigDecimal("-100.00"), s.entries().get(3).amount());
    }

    @Test
    void aShortOrUnknownRecordIsAProblemOfItsLineOnly() {
        String good =
                "075" + "0".repeat(6) + "2400123456" + "0".repeat(6) + "1234567890" + "0000002603100001".substring(3)
                        + "000000145500" + "2" + "0000001001" + "0008000308" + "0000000000" + "100326"
                        + "Nováková Jana       " + "0" + "0203" + "100326";
        String unknownCode = good.substring(0, 60) + "9" + good.substring(61);
        byte[] file = String.join("\r\n", "074header", good, unknownCode, "075short")
                .getBytes(Charset.forName("windows-1250"));

        ParsedStatement s = GpcStatementParser.parse(file);

        assertEquals(128, good.length());
        assertEquals(1, s.entries().size());
        assertEquals(2, s.problems().size());
        assertEquals("ledger.import.gpc.code", s.problems().get(0).messageKey());
        assertEquals(3, s.problems().get(0).line());
        assertEquals("ledger.import.gpc.record", s.problems().get(1).messageKey());
    }
}
