package org.domus.ledger.internal.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.domus.ledger.imports.StatementFormat;
import org.junit.jupiter.api.Test;

class Mt940StatementParserTest {

    @Test
    void readsEveryTransactionLineWithItsMessageAndTheStatementsCurrency() throws IOException {
        ParsedStatement s = BankStatements.parse(CsvStatementParserTest.sample("mt940-2026-03.sta"), null);

        assertEquals(StatementFormat.MT940, s.format());
        assertEquals("UTF-8", s.encoding());
        assertEquals(List.of(), s.problems());
        assertEquals(4, s.entries().size());
        StatementEntry first = s.entries().get(0);
        assertEquals(5, first.line());
        assertEquals(LocalDate.of(2026, 3, 10), first.date());
        assertEquals(new BigDecimal("1455.00"), first.amount());
        assertEquals("CZK", first.currency());
        assertNull(first.reference()); // NONREF: the variable symbol is in the message
        assertEquals("Platba predpisu /VS/1001 Nováková Jana", first.message());
        assertEquals("2603100001", first.bankId());
        StatementEntry second = s.entries().get(1);
        assertEquals(new BigDecimal("3200.50"), second.amount());
        assertEquals("2002", second.reference());
        assertEquals("Fond oprav byt 2", second.message());
        assertEquals(new BigDecimal("-1200.00"), s.entries().get(2).amount());
        // RC: a credit reversed
        assertEquals(new BigDecimal("-100.00"), s.entries().get(3).amount());
    }

    @Test
    void anUnreadableTransactionLineIsAProblemOfThatLine() {
        String text =
                ":20:X\n:25:123\n:60F:C260301EUR0,00\n:61:26031X0C1,00NTRF\n:61:260311C5,NTRFNONREF\n:62F:C260331EUR5,\n";

        ParsedStatement s = Mt940StatementParser.parse(text.getBytes(StandardCharsets.UTF_8));

        assertEquals(1, s.problems().size());
        assertEquals(4, s.problems().get(0).line());
        assertEquals(1, s.entries().size());
        assertEquals(new BigDecimal("5.00"), s.entries().get(0).amount());
        assertEquals("EUR", s.entries().get(0).currency());
    }
}
