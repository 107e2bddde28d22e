package org.domus.ledger.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.domus.core.DomusException;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.RoleGrant;
import org.domus.core.access.ScopeType;
import org.domus.core.registry.Address;
import org.domus.core.registry.Building;
import org.domus.core.registry.Estate;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Page;
import org.domus.core.registry.Person;
import org.domus.core.registry.PersonKind;
import org.domus.core.registry.Share;
import org.domus.core.registry.Tenure;
import org.domus.core.registry.TenureRole;
import org.domus.core.registry.Unit;
import org.domus.ledger.AccountKind;
import org.domus.ledger.Arrear;
import org.domus.ledger.ArrearsQuery;
import org.domus.ledger.ArrearsSort;
import org.domus.ledger.BillingScope;
import org.domus.ledger.ChargeBasis;
import org.domus.ledger.ChargeComponent;
import org.domus.ledger.LedgerAccount;
import org.domus.ledger.NewPayment;
import org.domus.ledger.NewTransaction;
import org.domus.ledger.PaymentMethod;
import org.domus.ledger.PostingLine;
import org.domus.ledger.RateLevel;
import org.domus.ledger.TransparencyReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LedgerReportsTest {

    static final Subject ADMIN = LedgerDatabase.ADMIN;
    static final YearMonth JAN = YearMonth.of(2026, 1);
    static final YearMonth FEB = YearMonth.of(2026, 2);
    static final YearMonth MAR = YearMonth.of(2026, 3);

    private LedgerDatabase db;
    private LedgerServiceImpl ledger;
    private PaymentServiceImpl payments;
    private LedgerReportsImpl reports;
    private Organisation org;
    private Estate estate;
    private Building first;
    private Building second;
    private Unit a;
    private Unit b;
    private Unit c;
    private Unit d;
    private ChargeComponent fee;
    private ChargeComponent repair;

    @BeforeEach
    void setUp() {
        db = new LedgerDatabase();
        ledger = db.ledger();
        ChargeServiceImpl charges = ChargeServiceImpl.create(ledger);
        BillingServiceImpl billing = BillingServiceImpl.create(ledger, List.of());
        payments = PaymentServiceImpl.create(ledger);
        reports = new LedgerReportsImpl(ledger);
        org = db.organisation("RON");
        estate = db.estate(org.id(), "Centru");
        first = db.building(estate.id(), "7");
        second = db.building(estate.id(), "9");
        a = db.unit(first.id(), "1", "50.00", new Share(1, 4));
        b = db.unit(first.id(), "2", "50.00", new Share(1, 4));
        c = db.unit(first.id(), "10", "50.00", new Share(1, 4));
        d = db.unit(second.id(), "1", "50.00", new Share(1, 4));
        fee = charges.createComponent(
                ADMIN, new ChargeComponent(0, org.id(), "FEE", "Fee", ChargeBasis.PER_UNIT, null, 20, true, 0));
        repair = charges.createComponent(
                ADMIN,
                new ChargeComponent(0, org.id(), "REPAIR", "Repair fund", ChargeBasis.PER_UNIT, null, 10, true, 0));
        charges.addRate(ADMIN, fee.id(), RateLevel.ORGANISATION, org.id(), new BigDecimal("300"), JAN.atDay(1));
        charges.addRate(ADMIN, repair.id(), RateLevel.ORGANISATION, org.id(), new BigDecimal("100"), JAN.atDay(1));
        for (YearMonth m : List.of(JAN, FEB, MAR)) {
            billing.run(ADMIN, new BillingScope(ScopeType.ORGANISATION, org.id()), m, null);
        }
        // a owes 750 (Feb partly, Mar), b owes all 1200 (since Jan), c has credit 100, d owes March's 400
        pay(a, "450.00", LocalDate.of(2026, 2, 10));
        pay(c, "1300.00", LocalDate.of(2026, 2, 12));
        pay(d, "800.00", LocalDate.of(2026, 2, 15));
        Person holder = db.registry.createPerson(
                ADMIN,
                new Person(
                        0,
                        org.id(),
                        PersonKind.NATURAL,
                        "Ioana",
                        "Pop",
                        null,
                        null,
                        null,
                        null,
                        new Address("Str. Lunga 1", "Cluj", "400000", "RO"),
                        null,
                        null,
                        0));
        db.registry.createTenure(
                ADMIN,
                new Tenure(0, b.id(), holder.id(), TenureRole.OWNER, Share.ONE, LocalDate.of(2020, 1, 1), null, 0));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private void pay(Unit unit, String amount, LocalDate day) {
        payments.record(ADMIN, new NewPayment(unit.id(), new BigDecimal(amount), day, PaymentMethod.BANK, "VS"));
    }

    private static Subject staff(Role role, ScopeType type, long id) {
        return Subject.of(
                300 + role.ordinal(),
                role.name().toLowerCase(Locale.ROOT),
                role.name(),
                Locale.ENGLISH,
                Set.of(RoleGrant.scoped(role, type, id)));
    }

    private static ArrearsQuery query(Long estateId, Long buildingId, String minAmount, Integer minMonths) {
        return new ArrearsQuery(
                null,
                estateId,
                buildingId,
                minAmount == null ? null : new BigDecimal(minAmount),
                minMonths,
                ArrearsSort.DEBT,
                true,
                0,
                50);
    }

    @Test
    void arrearsListDebtorsLargestFirstWithTheOldestUnpaidMonthUnderOldestFirstAllocation() {
        Page<Arrear> page = reports.arrears(ADMIN, ArrearsQuery.all());

        assertEquals(3, page.total(), "the unit in credit is left out");
        Arrear owesAll = page.items().get(0);
        assertEquals(b.id(), owesAll.unitId());
        assertEquals(new BigDecimal("1200.00"), owesAll.debt());
        assertEquals(JAN, owesAll.since());
        assertEquals(2, owesAll.monthsOverdue());
        assertEquals(List.of("Ioana Pop"), owesAll.holders());
        assertEquals("Main 7, 60200 Brno", owesAll.address());
        assertEquals("RON", owesAll.currency());
        Arrear partly = page.items().get(1);
        assertEquals(a.id(), partly.unitId());
        assertEquals(new BigDecimal("750.00"), partly.debt());
        assertEquals(FEB, partly.since(), "450 paid Jan's 400 and 50 of Feb: Feb is the oldest open month");
        assertEquals(1, partly.monthsOverdue());
        Arrear current = page.items().get(2);
        assertEquals(d.id(), current.unitId());
        assertEquals(MAR, current.since());
        assertEquals(0, current.monthsOverdue());
        // the derived month agrees with the allocation the payment service reports
        assertEquals(
                FEB,
                payments.openItems(ADMIN, a.id()).charges().stream()
                        .filter(o -> o.open().signum() > 0)
                        .findFirst()
                        .orElseThrow()
                        .month());
    }

    @Test
    void arrearsFilterByAmountAgeBuildingAndSortByUnit() {
        assertEquals(List.of(b.id()), ids(reports.arrears(ADMIN, query(null, null, "800", null))));
        assertEquals(List.of(b.id(), a.id()), ids(reports.arrears(ADMIN, query(null, null, null, 1))));
        assertEquals(List.of(d.id()), ids(reports.arrears(ADMIN, query(null, second.id(), null, null))));
        ArrearsQuery byUnit = new ArrearsQuery(null, null, null, null, null, ArrearsSort.UNIT, false, 0, 2);
        Page<Arrear> page = reports.arrears(ADMIN, byUnit);
        assertEquals(List.of(a.id(), b.id()), ids(page), "Main 7/1, Main 7/2, then Main 9/1 on the next page");
        assertEquals(3, page.total());
        ArrearsQuery oldestFirst = new ArrearsQuery(null, null, null, null, null, ArrearsSort.AGE, true, 0, 10);
        assertEquals(List.of(b.id(), a.id(), d.id()), ids(reports.arrears(ADMIN, oldestFirst)));
    }

    @Test
    void aBuildingManagerSeesHisBuildingsArrearsOnlyAndResidentsNone() {
        Subject manager = staff(Role.MANAGER, ScopeType.BUILDING, second.id());
        assertEquals(List.of(d.id()), ids(reports.arrears(manager, ArrearsQuery.all())));
        assertEquals(List.of(d.id()), ids(reports.arrears(manager, query(estate.id(), null, null, null))));
        DomusException outside =
                assertThrows(DomusException.class, () -> reports.arrears(manager, query(null, first.id(), null, null)));
        assertEquals(DomusException.Kind.FORBIDDEN, outside.kind());

        Subject resident = Subject.of(501, "ioana", "Ioana", Locale.ENGLISH, Set.of());
        DomusException refused =
                assertThrows(DomusException.class, () -> reports.arrears(resident, ArrearsQuery.all()));
        assertEquals(DomusException.Kind.FORBIDDEN, refused.kind());

        Subject otherOrganisation = staff(Role.BOARD, ScopeType.ORGANISATION, org.id() + 1000);
        assertEquals(0, reports.arrears(otherOrganisation, ArrearsQuery.all()).total());
    }

    @Test
    void transparencyReportSumsChargesPaymentsRefundsExpensesAndMonthEndBankBalances() {
        payments.refund(ADMIN, c.id(), new BigDecimal("100.00"), LocalDate.of(2026, 3, 5), PaymentMethod.BANK, "R1");
        LedgerAccount expense = ledger.organisationAccount(ADMIN, org.id(), AccountKind.EXPENSE, null);
        LedgerAccount bank = ledger.organisationAccount(ADMIN, org.id(), AccountKind.BANK, null);
        ledger.post(
                ADMIN,
                new NewTransaction(
                        org.id(),
                        LocalDate.of(2026, 3, 20),
                        "Lift service invoice 2026/17",
                        "INV-17",
                        List.of(
                                PostingLine.debit(expense.id(), new BigDecimal("500.00")),
                                PostingLine.credit(bank.id(), new BigDecimal("500.00")))));

        TransparencyReport report = reports.transparency(ADMIN, org.id(), JAN, MAR);

        assertEquals("RON", report.currency());
        assertEquals(
                List.of("REPAIR", "FEE"),
                report.components().stream()
                        .map(TransparencyReport.Component::code)
                        .sorted((x, y) -> y.compareTo(x))
                        .toList());
        assertEquals(3, report.months().size());
        TransparencyReport.Month jan = report.months().get(0);
        assertEquals(new BigDecimal("1600.00"), jan.chargesTotal());
        Map<String, BigDecimal> janByCode = byCode(report, jan);
        assertEquals(new BigDecimal("1200.00"), janByCode.get("FEE"));
        assertEquals(new BigDecimal("400.00"), janByCode.get("REPAIR"));
        assertEquals(0, jan.payments().signum());
        assertEquals(0, jan.bankBalance().signum());
        TransparencyReport.Month feb = report.months().get(1);
        assertEquals(new BigDecimal("2550.00"), feb.payments());
        assertEquals(new BigDecimal("2550.00"), feb.bankBalance());
        TransparencyReport.Month mar = report.months().get(2);
        assertEquals(new BigDecimal("100.00"), mar.refunds());
        assertEquals(0, mar.payments().signum(), "a refund is not a negative payment");
        assertEquals(new BigDecimal("500.00"), mar.expenses());
        assertEquals(new BigDecimal("1950.00"), mar.bankBalance());
        assertEquals(
                Map.of(AccountKind.BANK, new BigDecimal("-500.00")),
                mar.other(),
                "the invoice paid from the bank is the bank's other movement of the month");
        assertEquals(Map.of(), feb.other());

        TransparencyReport.Month totals = report.totals();
        assertEquals(new BigDecimal("4800.00"), totals.chargesTotal());
        assertEquals(new BigDecimal("2550.00"), totals.payments());
        assertEquals(new BigDecimal("100.00"), totals.refunds());
        assertEquals(new BigDecimal("500.00"), totals.expenses());
        assertEquals(new BigDecimal("1950.00"), totals.bankBalance());

        // A shorter window ending in February shows February's closing bank balance.
        assertEquals(
                new BigDecimal("2550.00"),
                reports.transparency(ADMIN, org.id(), FEB, FEB).totals().bankBalance());
    }

    @Test
    void aReversedRefundIsNoRefund() {
        var refund = payments.refund(
                ADMIN, c.id(), new BigDecimal("100.00"), LocalDate.of(2026, 3, 5), PaymentMethod.BANK, "R1");
        ledger.reverse(ADMIN, refund.id(), LocalDate.of(2026, 3, 6), "paid to the wrong account");

        TransparencyReport.Month mar =
                reports.transparency(ADMIN, org.id(), MAR, MAR).months().get(0);

        assertEquals(0, mar.refunds().signum());
        assertEquals(0, mar.payments().signum());
        assertEquals(new BigDecimal("2550.00"), mar.bankBalance());
    }

    @Test
    void transparencyNeedsTheWholeOrganisation() {
        Subject buildingManager = staff(Role.MANAGER, ScopeType.BUILDING, first.id());
        DomusException refused =
                assertThrows(DomusException.class, () -> reports.transparency(buildingManager, org.id(), JAN, MAR));
        assertEquals(DomusException.Kind.FORBIDDEN, refused.kind());
        Subject board = staff(Role.BOARD, ScopeType.ORGANISATION, org.id());
        assertEquals(3, reports.transparency(board, org.id(), JAN, MAR).months().size());
        DomusException reversed =
                assertThrows(DomusException.class, () -> reports.transparency(board, org.id(), MAR, JAN));
        assertEquals("ledger.turnover.range.invalid", reversed.messageKey());
    }

    private static List<Long> ids(Page<Arrear> page) {
        return page.items().stream().map(Arrear::unitId).toList();
    }

    private static Map<String, BigDecimal> byCode(TransparencyReport report, TransparencyReport.Month month) {
        Map<String, BigDecimal> result = new java.util.HashMap<>();
        for (int i = 0; i < report.components().size(); i++) {
            result.put(report.components().get(i).code(), month.charges().get(i));
        }
        return result;
    }
}
