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

class Camt053StatementParserTest {

    @Test
    void readsEntriesAndBatchedTransactionsWithVirtualAccountsCreditorReferencesAndBankIds() throws IOException {
        ParsedStatement s = BankStatements.parse(CsvStatementParserTest.sample("camt053-2026-03.xml"), null);

        assertEquals(StatementFormat.CAMT053, s.format());
        assertEquals(List.of(), s.problems());
        assertEquals(4, s.entries().size());
        StatementEntry rent = s.entries().get(0);
        assertEquals(1, rent.line());
        assertEquals(LocalDate.of(2026, 3, 10), rent.date());
        assertEquals(new BigDecimal("612.40"), rent.amount());
        assertEquals("PLN", rent.currency());
        // paid to the unit's virtual account, not the statement's own
        assertEquals("PL83114020040000300201350012", rent.reference());
        assertEquals("PL61109010140000071219812874", rent.counterAccount());
        assertEquals("Czynsz marzec 2026 lokal 12", rent.message());
        assertEquals("26069000012345", rent.bankId());
        // one entry, two transactions
        StatementEntry batchFirst = s.entries().get(1);
        assertEquals(new BigDecimal("400.00"), batchFirst.amount());
        assertEquals("2002", batchFirst.reference());
        assertEquals("26071000055555-1", batchFirst.bankId());
        StatementEntry batchSecond = s.entries().get(2);
        assertEquals(2, batchSecond.line());
        assertEquals(new BigDecimal("600.00"), batchSecond.amount());
        assertEquals("1001", batchSecond.reference());
        StatementEntry debit = s.entries().get(3);
        assertEquals(new BigDecimal("-250.00"), debit.amount());
        assertNull(debit.reference());
    }

    @Test
    void externalEntitiesAreRefusedAndBrokenXmlIsOneProblem() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Document><BkToCstmrStmt><Stmt><Ntry><Amt Ccy=\"CZK\">&x;</Amt></Ntry></Stmt></BkToCstmrStmt></Document>";

        ParsedStatement s = BankStatements.parse(xxe.getBytes(StandardCharsets.UTF_8), null);

        assertEquals(StatementFormat.CAMT053, s.format());
        assertEquals(List.of(), s.entries());
        assertEquals("ledger.import.xml.invalid", s.problems().get(0).messageKey());
    }
}
