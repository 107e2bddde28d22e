package org.domus.ledger.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.domus.core.DomusException;
import org.domus.core.access.ScopeType;
import org.domus.core.registry.Building;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Share;
import org.domus.core.registry.Unit;
import org.domus.ledger.BillingScope;
import org.domus.ledger.ChargeBasis;
import org.domus.ledger.ChargeComponent;
import org.domus.ledger.NewPayment;
import org.domus.ledger.OpenCharge;
import org.domus.ledger.OpenItems;
import org.domus.ledger.PaymentAllocation;
import org.domus.ledger.PaymentMethod;
import org.domus.ledger.PaymentResult;
import org.domus.ledger.RateLevel;
import org.domus.ledger.TransactionKind;
import org.domus.ledger.TurnoverMonth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaymentServiceTest {

    static final org.domus.core.Subject ADMIN = LedgerDatabase.ADMIN;
    static final YearMonth JAN = YearMonth.of(2026, 1);
    static final YearMonth FEB = YearMonth.of(2026, 2);
    static final YearMonth MAR = YearMonth.of(2026, 3);

    private LedgerDatabase db;
    private LedgerServiceImpl ledger;
    private BillingServiceImpl billing;
    private PaymentServiceImpl payments;
    private Organisation org;
    private Building building;
    private Unit unit;
    private ChargeComponent fee;
    private ChargeComponent repair;

    @BeforeEach
    void setUp() {
        db = new LedgerDatabase();
        ledger = db.ledger();
        ChargeServiceImpl charges = ChargeServiceImpl.create(ledger);
        billing = BillingServiceImpl.create(ledger, List.of());
        payments = PaymentServiceImpl.create(ledger);
        org = db.organisation("RON");
        building = db.building(db.estate(org.id(), "Centru").id(), "7");
        unit = db.unit(building.id(), "12", "50.00", new Share(1, 4));
        // repair fund settles first within a month although its code sorts later: the priority decides
        fee = charges.createComponent(
                ADMIN, new ChargeComponent(0, org.id(), "FEE", "Fee", ChargeBasis.PER_UNIT, null, 20, true, 0));
        repair = charges.createComponent(
                ADMIN,
                new ChargeComponent(0, org.id(), "REPAIR", "Repair fund", ChargeBasis.PER_UNIT, null, 10, true, 0));
        charges.addRate(ADMIN, fee.id(), RateLevel.ORGANISATION, org.id(), new BigDecimal("300"), JAN.atDay(1));
        charges.addRate(ADMIN, repair.id(), RateLevel.ORGANISATION, org.id(), new BigDecimal("100"), JAN.atDay(1));
        for (YearMonth m : List.of(JAN, FEB)) {
            billing.run(ADMIN, new BillingScope(ScopeType.ORGANISATION, org.id()), m, null);
        }
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private PaymentResult pay(String amount, LocalDate day) {
        return payments.record(
                ADMIN, new NewPayment(unit.id(), new BigDecimal(amount), day, PaymentMethod.BANK, "VS 12"));
    }

    @Test
    void aPaymentSettlesTheOldestChargesFirstInComponentPriorityOrder() {
        PaymentResult result = pay("450.00", LocalDate.of(2026, 2, 10));

        assertEquals(TransactionKind.PAYMENT, result.transaction().kind());
        assertEquals(
                List.of(
                        new PaymentAllocation(repair.id(), JAN, new BigDecimal("100.00")),
                        new PaymentAllocation(fee.id(), JAN, new BigDecimal("300.00")),
                        new PaymentAllocation(repair.id(), FEB, new BigDecimal("50.00"))),
                result.allocations());
        assertEquals(0, result.credit().signum());
        OpenItems open = payments.openItems(ADMIN, unit.id());
        assertEquals(new BigDecimal("350.00"), open.debt());
        assertEquals(new BigDecimal("350.00"), open.balance());
        OpenCharge febRepair = open.charges().get(2);
        assertEquals(new BigDecimal("50.00"), febRepair.open());
        TurnoverMonth feb = ledger.turnover(ADMIN, unit.id(), FEB, FEB).months().get(0);
        assertEquals(new BigDecimal("400.00"), feb.opening());
        assertEquals(new BigDecimal("400.00"), feb.charges());
        assertEquals(new BigDecimal("450.00"), feb.payments());
        assertEquals(new BigDecimal("350.00"), feb.closing());
    }

    @Test
    void aBatchOfPaymentsIsRecordedWholeOrNotAtAll() {
        Unit second = db.unit(building.id(), "13", "40.00", new Share(1, 4));
        LocalDate day = LocalDate.of(2026, 2, 10);
        List<NewPayment> refused = List.of(
                new NewPayment(unit.id(), new BigDecimal("100.00"), day, PaymentMethod.BANK, "A"),
                new NewPayment(second.id(), new BigDecimal("0.001"), day, PaymentMethod.BANK, "B"));

        DomusException e = assertThrows(DomusException.class, () -> payments.recordAll(ADMIN, refused));
        assertEquals("ledger.amount.invalid", e.messageKey());
        assertEquals(1, e.arguments().get(e.arguments().size() - 1));
        assertEquals(new BigDecimal("800.00"), ledger.balance(ADMIN, unit.id()).balance());

        List<PaymentResult> results = payments.recordAll(
                ADMIN,
                List.of(
                        new NewPayment(unit.id(), new BigDecimal("100.00"), day, PaymentMethod.BANK, "A"),
                        new NewPayment(second.id(), new BigDecimal("30.00"), day, PaymentMethod.CASH, "B")));
        assertEquals(2, results.size());
        assertEquals(
                List.of(new PaymentAllocation(repair.id(), JAN, new BigDecimal("100.00"))),
                results.get(0).allocations());
        assertEquals(new BigDecimal("30.00"), results.get(1).credit());
        assertEquals(new BigDecimal("700.00"), ledger.balance(ADMIN, unit.id()).balance());
        assertEquals(
                new BigDecimal("-30.00"), ledger.balance(ADMIN, second.id()).balance());
    }

    @Test
    void anOverpaymentIsKeptAsCreditAndUsedByTheNextCharges() {
        PaymentResult result = pay("1000.00", LocalDate.of(2026, 2, 10));
        assertEquals(new BigDecimal("200.00"), result.credit());
        assertEquals(new BigDecimal("-200.00"), ledger.balance(ADMIN, unit.id()).balance());

        billing.run(ADMIN, new BillingScope(ScopeType.ORGANISATION, org.id()), MAR, null);

        OpenItems open = payments.openItems(ADMIN, unit.id());
        assertEquals(0, open.credit().signum());
        assertEquals(new BigDecimal("200.00"), open.debt());
        assertEquals(
                List.of(BigDecimal.ZERO.setScale(2), new BigDecimal("200.00")),
                List.of(open.charges().get(4).open(), open.charges().get(5).open()));
        assertEquals(new BigDecimal("200.00"), open.balance());
    }

    @Test
    void refundsPayBackCreditOnlyAndAReversedPaymentReopensItsCharges() {
        PaymentResult paid = pay("1000.00", LocalDate.of(2026, 2, 10));
        assertEquals(
                "ledger.refund.exceeds-credit",
                assertThrows(
                                DomusException.class,
                                () -> payments.refund(
                                        ADMIN,
                                        unit.id(),
                                        new BigDecimal("200.01"),
                                        LocalDate.of(2026, 2, 11),
                                        PaymentMethod.BANK,
                                        null))
                        .messageKey());

        payments.refund(
                ADMIN, unit.id(), new BigDecimal("150.00"), LocalDate.of(2026, 2, 11), PaymentMethod.BANK, "R1");

        assertEquals(new BigDecimal("-50.00"), ledger.balance(ADMIN, unit.id()).balance());
        assertEquals(
                new BigDecimal("50.00"), payments.openItems(ADMIN, unit.id()).credit());
        TurnoverMonth feb = ledger.turnover(ADMIN, unit.id(), FEB, FEB).months().get(0);
        assertEquals(new BigDecimal("850.00"), feb.payments());

        ledger.reverse(ADMIN, paid.transaction().id(), LocalDate.of(2026, 2, 12), "bounced");

        OpenItems open = payments.openItems(ADMIN, unit.id());
        assertEquals(new BigDecimal("950.00"), open.balance());
        // everything billed is open again, and the refund paid out of money that bounced is owed too
        assertEquals(new BigDecimal("950.00"), open.debt());
        assertEquals(
                new BigDecimal("150.00"),
                open.charges().get(open.charges().size() - 1).open());
        assertEquals(
                "ledger.amount.invalid",
                assertThrows(DomusException.class, () -> pay("-5.00", LocalDate.of(2026, 2, 1)))
                        .messageKey());
        assertEquals(
                "ledger.amount.invalid",
                assertThrows(DomusException.class, () -> pay("5.001", LocalDate.of(2026, 2, 1)))
                        .messageKey());
    }
}
