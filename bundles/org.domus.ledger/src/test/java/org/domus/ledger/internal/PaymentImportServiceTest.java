package org.domus.ledger.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.domus.core.DomusException;
import org.domus.core.registry.Building;
import org.domus.core.registry.LegalForm;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Share;
import org.domus.core.registry.Unit;
import org.domus.core.registry.UnitKind;
import org.domus.core.registry.UnitState;
import org.domus.ledger.imports.ImportLine;
import org.domus.ledger.imports.ImportLineStatus;
import org.domus.ledger.imports.ImportReport;
import org.domus.ledger.imports.StatementFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaymentImportServiceTest {

    static final org.domus.core.Subject ADMIN = LedgerDatabase.ADMIN;

    private LedgerDatabase db;
    private LedgerServiceImpl ledger;
    private PaymentImportServiceImpl imports;
    private Organisation org;
    private Unit first;
    private Unit second;

    @BeforeEach
    void setUp() {
        db = new LedgerDatabase();
        ledger = db.ledger();
        imports = new PaymentImportServiceImpl(ledger, PaymentServiceImpl.create(ledger));
        org = db.organisation("CZK");
        Building building = db.building(db.estate(org.id(), "Sever").id(), "12");
        first = unit(building.id(), "1", "1001");
        second = unit(building.id(), "2", "2002");
    }

    private Unit unit(long building, String number, String vs) {
        return db.registry.createUnit(
                ADMIN,
                new Unit(
                        0,
                        building,
                        number,
                        UnitKind.FLAT,
                        1,
                        null,
                        new BigDecimal("50.00"),
                        2,
                        List.of(),
                        new Share(1, 2),
                        LegalForm.COOPERATIVE_RIGHT,
                        UnitState.OCCUPIED,
                        null,
                        vs,
                        null,
                        0));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = PaymentImportServiceTest.class.getResourceAsStream("/statements/" + name)) {
            return in.readAllBytes();
        }
    }

    private long transactions() {
        return db.count("SELECT COUNT(*) FROM LEDGER_TRANSACTION");
    }

    @Test
    void aPreviewMatchesCreditLinesByVariableSymbolListsDebitsAndWritesNothing() throws IOException {
        ImportReport r = imports.preview(ADMIN, org.id(), sample("vypis-2026-03.gpc"), null);

        assertEquals(StatementFormat.GPC, r.format());
        assertFalse(r.applied());
        assertEquals(2, r.matched());
        assertEquals(2, r.debits());
        assertEquals(0, r.unmatched());
        assertEquals(new BigDecimal("4655.50"), r.total());
        ImportLine line = r.lines().get(0);
        assertEquals(ImportLineStatus.MATCHED, line.status());
        assertEquals(first.id(), line.unitId());
        assertEquals("Main 12 / 1", line.unit());
        assertEquals(second.id(), r.lines().get(1).unitId());
        assertEquals(0, transactions());
        assertEquals(0, db.count("SELECT COUNT(*) FROM LEDGER_PAYMENT_IMPORT"));
    }

    @Test
    void applyPostsEveryMatchedLineAndTheSameFileAgainAddsNothingAndSaysSo() throws IOException {
        byte[] file = sample("vypis-2026-03.gpc");

        ImportReport applied = imports.apply(ADMIN, org.id(), file, null, false);

        assertTrue(applied.applied());
        assertEquals(2, transactions());
        assertEquals(
                new BigDecimal("-1455.00"), ledger.balance(ADMIN, first.id()).balance());
        assertEquals(
                new BigDecimal("-3200.50"), ledger.balance(ADMIN, second.id()).balance());
        assertEquals(
                "2603100001",
                ledger.transaction(ADMIN, applied.lines().get(0).transactionId())
                        .reference());
        assertEquals(
                1, db.count("SELECT COUNT(*) FROM CORE_AUDIT_EVENT WHERE ACTION_NAME = 'ledger.payment-import.apply'"));

        ImportReport again = imports.apply(ADMIN, org.id(), file, null, false);

        assertFalse(again.applied());
        assertEquals(0, again.matched());
        assertEquals(2, again.duplicates());
        assertEquals(1, again.previousImports().size());
        assertEquals(
                applied.lines().get(0).transactionId(), again.lines().get(0).transactionId());
        assertEquals(2, transactions());
        assertEquals(
                new BigDecimal("-1455.00"), ledger.balance(ADMIN, first.id()).balance());
    }

    @Test
    void anUnmatchedLineRefusesTheWholeFileUnlessOnlyTheMatchedOnesAreWanted() throws IOException {
        byte[] file = sample("vypis-utf8-bom.csv");

        DomusException refused =
                assertThrows(DomusException.class, () -> imports.apply(ADMIN, org.id(), file, null, false));

        assertEquals("ledger.import.incomplete", refused.messageKey());
        assertEquals(0, transactions());
        assertEquals(0, db.count("SELECT COUNT(*) FROM LEDGER_PAYMENT_IMPORT"));

        ImportReport partial = imports.apply(ADMIN, org.id(), file, StatementFormat.CSV, true);

        assertEquals(2, partial.matched());
        assertEquals(1, partial.unmatched());
        assertEquals(ImportLineStatus.UNMATCHED, partial.lines().get(3).status());
        assertEquals(2, transactions());
        assertEquals(2, db.count("SELECT COUNT(*) FROM LEDGER_PAYMENT_IMPORT_LINE"));
    }

    @Test
    void theSameBankTransactionInAnotherFileIsADuplicate() throws IOException {
        imports.apply(ADMIN, org.id(), sample("vypis-utf8-bom.csv"), null, true);
        // a later export overlapping the first: the bank's id says it is the same payment
        byte[] overlapping = ("date;amount;reference;bank_id\n"
                        + "2026-03-10;1455.00;1001;26031000001\n"
                        + "2026-03-25;1455.00;1001;26032500009\n")
                .getBytes(StandardCharsets.UTF_8);

        ImportReport r = imports.apply(ADMIN, org.id(), overlapping, null, false);

        assertEquals(ImportLineStatus.DUPLICATE, r.lines().get(0).status());
        assertEquals(ImportLineStatus.MATCHED, r.lines().get(1).status());
        assertTrue(r.previousImports().isEmpty());
        assertEquals(
                new BigDecimal("-2910.00"), ledger.balance(ADMIN, first.id()).balance());
    }

    @Test
    void anMt940StatementMatchesTheVariableSymbolInTheMessageAndTheCustomerReference() throws IOException {
        ImportReport r = imports.apply(ADMIN, org.id(), sample("mt940-2026-03.sta"), null, false);

        assertEquals(StatementFormat.MT940, r.format());
        assertEquals(2, r.matched());
        assertEquals(2, r.debits());
        assertEquals(first.id(), r.lines().get(0).unitId());
        assertEquals(second.id(), r.lines().get(1).unitId());
        assertEquals(
                new BigDecimal("-3200.50"), ledger.balance(ADMIN, second.id()).balance());
    }

    @Test
    void referencesMatchWithoutLeadingZerosSpacesOrCountryCode() {
        assertEquals("1001", PaymentImportServiceImpl.referenceKey("0000001001"));
        assertEquals(
                "61109010140000071219812874",
                PaymentImportServiceImpl.referenceKey("PL61 1090 1014 0000 0712 1981 2874"));
        assertEquals(null, PaymentImportServiceImpl.referenceKey("  "));
    }
}
