package org.domus.ledger.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.domus.core.DomusException;
import org.domus.core.registry.Building;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Share;
import org.domus.core.registry.Unit;
import org.domus.ledger.AccountKind;
import org.domus.ledger.LedgerAccount;
import org.domus.ledger.LedgerAmounts;
import org.domus.ledger.LedgerTransaction;
import org.domus.ledger.NewTransaction;
import org.domus.ledger.PostingLine;
import org.domus.ledger.TransactionKind;
import org.domus.ledger.TurnoverMonth;
import org.domus.ledger.TurnoverSheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LedgerServiceTest {

    static final org.domus.core.Subject ADMIN = LedgerDatabase.ADMIN;

    private LedgerDatabase db;
    private LedgerServiceImpl ledger;
    private Organisation org;
    private Unit unit;
    private LedgerAccount receivable;
    private LedgerAccount income;

    @BeforeEach
    void setUp() {
        db = new LedgerDatabase();
        ledger = db.ledger();
        org = db.organisation("CZK");
        Building b = db.building(db.estate(org.id(), "North").id(), "1");
        unit = db.unit(b.id(), "1", "60.00", new Share(1, 10));
        receivable = ledger.unitAccount(ADMIN, unit.id());
        income = ledger.organisationAccount(ADMIN, org.id(), AccountKind.INCOME, 7L);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private LedgerTransaction charge(String amount, LocalDate day) {
        return ledger.post(
                ADMIN,
                new NewTransaction(
                        org.id(),
                        day,
                        "Charge",
                        null,
                        List.of(
                                PostingLine.debit(receivable.id(), new BigDecimal(amount)),
                                PostingLine.credit(income.id(), new BigDecimal(amount)))));
    }

    @Test
    void aBalancedTransactionIsPostedWithWhoAndWhenAndMovesTheRunningBalance() {
        LedgerTransaction tx = charge("1234.50", LocalDate.of(2026, 3, 1));

        assertEquals(TransactionKind.MANUAL, tx.kind());
        assertEquals(2, tx.postings().size());
        assertEquals("admin", tx.actorLogin());
        assertEquals(db.clock.instant(), tx.createdAt());
        tx.postings().forEach(p -> {
            assertEquals("admin", p.actorLogin());
            assertEquals(db.clock.instant(), p.createdAt());
            assertEquals("CZK", p.currency());
        });
        assertEquals(
                0,
                tx.postings().stream()
                        .map(p -> p.amount())
                        .reduce(BigDecimal.ZERO, BigDecimal::add)
                        .signum());
        assertEquals(new BigDecimal("1234.50"), ledger.balance(ADMIN, unit.id()).balance());
        assertEquals(
                new BigDecimal("-1234.50"),
                ledger.organisationAccounts(ADMIN, org.id()).stream()
                        .filter(a -> a.id() == income.id())
                        .findFirst()
                        .orElseThrow()
                        .balance());
    }

    @Test
    void anUnbalancedTransactionIsRefusedAndWritesNothing() {
        DomusException e = assertThrows(
                DomusException.class,
                () -> ledger.post(
                        ADMIN,
                        new NewTransaction(
                                org.id(),
                                LocalDate.of(2026, 3, 1),
                                "Broken",
                                null,
                                List.of(
                                        PostingLine.debit(receivable.id(), new BigDecimal("100.00")),
                                        PostingLine.credit(income.id(), new BigDecimal("99.99"))))));

        assertEquals(DomusException.Kind.INVALID, e.kind());
        assertEquals("ledger.transaction.unbalanced", e.messageKey());
        assertEquals(0, db.count("SELECT COUNT(*) FROM LEDGER_POSTING"));
        assertEquals(0, db.count("SELECT COUNT(*) FROM LEDGER_TRANSACTION"));
        assertEquals(0, ledger.balance(ADMIN, unit.id()).balance().signum());
    }

    @Test
    void amountsWithMoreThanTwoDecimalsOrZeroAndSingleLinesAreRefused() {
        assertEquals(
                "ledger.amount.invalid",
                assertThrows(DomusException.class, () -> charge("10.005", LocalDate.of(2026, 3, 1)))
                        .messageKey());
        assertEquals(
                "ledger.amount.invalid",
                assertThrows(DomusException.class, () -> charge("0.00", LocalDate.of(2026, 3, 1)))
                        .messageKey());
        assertEquals(
                "ledger.transaction.too-few-lines",
                assertThrows(
                                DomusException.class,
                                () -> ledger.post(
                                        ADMIN,
                                        new NewTransaction(
                                                org.id(),
                                                LocalDate.of(2026, 3, 1),
                                                "One",
                                                null,
                                                List.of(PostingLine.debit(receivable.id(), BigDecimal.ONE)))))
                        .messageKey());
        assertEquals(0, db.count("SELECT COUNT(*) FROM LEDGER_POSTING"));
    }

    @Test
    void anAccountOfAnotherOrganisationIsRefused() {
        Organisation other = db.organisation("EUR");
        LedgerAccount euroBank = ledger.organisationAccount(ADMIN, other.id(), AccountKind.BANK, null);
        assertEquals("EUR", euroBank.currency());

        DomusException e = assertThrows(
                DomusException.class,
                () -> ledger.post(
                        ADMIN,
                        new NewTransaction(
                                org.id(),
                                LocalDate.of(2026, 3, 1),
                                "Mixed",
                                null,
                                List.of(
                                        PostingLine.debit(receivable.id(), BigDecimal.TEN),
                                        PostingLine.credit(euroBank.id(), BigDecimal.TEN)))));
        assertEquals("ledger.account.not-found", e.messageKey());
    }

    @Test
    void aMixedCurrencyLineSetIsRefusedEvenWhenTheNumbersAddUp() {
        Books.AccountRef czk = new Books.AccountRef(1, 5, AccountKind.BANK, null, "CZK");
        Books.AccountRef eur = new Books.AccountRef(2, 5, AccountKind.INCOME, null, "EUR");
        DomusException e = assertThrows(
                DomusException.class,
                () -> Books.check(
                        5,
                        List.of(
                                new Books.Line(czk, BigDecimal.TEN, null, null),
                                new Books.Line(eur, BigDecimal.TEN.negate(), null, null))));
        assertEquals("ledger.transaction.unbalanced", e.messageKey());
    }

    @Test
    void aReversalPostsTheOppositeReferencesTheOriginalAndHappensOnce() {
        LedgerTransaction tx = charge("500.00", LocalDate.of(2026, 3, 1));

        LedgerTransaction reversal = ledger.reverse(ADMIN, tx.id(), LocalDate.of(2026, 3, 5), "typo");

        assertEquals(TransactionKind.REVERSAL, reversal.kind());
        assertEquals(tx.id(), reversal.reversesId());
        assertEquals(reversal.id(), ledger.transaction(ADMIN, tx.id()).reversedById());
        for (int i = 0; i < tx.postings().size(); i++) {
            assertEquals(
                    tx.postings().get(i).amount().negate(),
                    reversal.postings().get(i).amount());
            assertEquals(
                    tx.postings().get(i).accountId(), reversal.postings().get(i).accountId());
        }
        assertEquals(0, ledger.balance(ADMIN, unit.id()).balance().signum());
        assertEquals(
                "ledger.transaction.already-reversed",
                assertThrows(DomusException.class, () -> ledger.reverse(ADMIN, tx.id(), null, null))
                        .messageKey());
        assertEquals(
                "ledger.transaction.reversal-of-reversal",
                assertThrows(DomusException.class, () -> ledger.reverse(ADMIN, reversal.id(), null, null))
                        .messageKey());
        // the original postings are untouched: 4 postings in all
        assertEquals(4, db.count("SELECT COUNT(*) FROM LEDGER_POSTING"));
    }

    @Test
    void everyTransactionWritesAnAuditEventInTheSameTransaction() {
        LedgerTransaction tx = charge("10.00", LocalDate.of(2026, 3, 1));
        ledger.reverse(ADMIN, tx.id(), null, null);

        List<java.util.Map<String, Object>> events =
                db.rows("SELECT ACTION_NAME, ENTITY_ID, ACTOR_LOGIN, AFTER_STATE FROM CORE_AUDIT_EVENT"
                        + " WHERE ENTITY_TYPE = 'ledger-transaction' ORDER BY ID");
        assertEquals(2, events.size());
        assertEquals("ledger.transaction.post", events.get(0).get("ACTION_NAME"));
        assertEquals(String.valueOf(tx.id()), events.get(0).get("ENTITY_ID"));
        assertEquals("admin", events.get(0).get("ACTOR_LOGIN"));
        assertTrue(((String) events.get(0).get("AFTER_STATE")).contains("\"debits\":\"10.00\""));
        assertEquals("ledger.transaction.reverse", events.get(1).get("ACTION_NAME"));
    }

    @Test
    void theTurnoverSheetCarriesOpeningAndClosingBalancesAcrossMonths() {
        charge("100.00", LocalDate.of(2026, 1, 10));
        charge("200.00", LocalDate.of(2026, 3, 10));
        LedgerTransaction march = charge("50.00", LocalDate.of(2026, 3, 20));
        ledger.reverse(ADMIN, march.id(), LocalDate.of(2026, 4, 2), null);

        TurnoverSheet sheet = ledger.turnover(ADMIN, unit.id(), YearMonth.of(2026, 2), YearMonth.of(2026, 4));

        assertEquals(3, sheet.months().size());
        TurnoverMonth feb = sheet.months().get(0);
        assertEquals(new BigDecimal("100.00"), feb.opening());
        assertEquals(new BigDecimal("100.00"), feb.closing());
        TurnoverMonth mar = sheet.months().get(1);
        assertEquals(new BigDecimal("250.00"), mar.other());
        assertEquals(new BigDecimal("350.00"), mar.closing());
        TurnoverMonth apr = sheet.months().get(2);
        assertEquals(new BigDecimal("-50.00"), apr.other());
        assertEquals(new BigDecimal("300.00"), apr.closing());
        assertEquals(new BigDecimal("300.00"), sheet.balance());
        assertEquals(4, ledger.postings(ADMIN, unit.id(), 0, 10).total());
    }

    @Test
    void computedLinesRoundHalfUpPerLineAndEnteredAmountsAreNeverRounded() {
        assertEquals(new BigDecimal("10.01"), LedgerAmounts.line(new BigDecimal("10.005")));
        assertEquals(new BigDecimal("10.00"), LedgerAmounts.line(new BigDecimal("10.0049")));
        assertEquals(new BigDecimal("-10.01"), LedgerAmounts.line(new BigDecimal("-10.005")));
        assertEquals(new BigDecimal("2.50"), LedgerAmounts.exact(new BigDecimal("2.5")));
        assertThrows(ArithmeticException.class, () -> LedgerAmounts.exact(new BigDecimal("2.505")));
        assertTrue(LedgerAmounts.isSupported("RON"));
        assertTrue(!LedgerAmounts.isSupported("USD"));
        assertNotNull(receivable);
    }
}
