package org.domus.ledger.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.domus.core.DomusException;
import org.domus.core.access.ScopeType;
import org.domus.core.registry.Building;
import org.domus.core.registry.Estate;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Share;
import org.domus.core.registry.Unit;
import org.domus.ledger.BillingProgress;
import org.domus.ledger.BillingResult;
import org.domus.ledger.BillingRun;
import org.domus.ledger.BillingRunState;
import org.domus.ledger.BillingScope;
import org.domus.ledger.ChargeBasis;
import org.domus.ledger.ChargeBasisProvider;
import org.domus.ledger.ChargeComponent;
import org.domus.ledger.ChargeLine;
import org.domus.ledger.ChargeRate;
import org.domus.ledger.Exemption;
import org.domus.ledger.LedgerEvents;
import org.domus.ledger.LedgerTransaction;
import org.domus.ledger.RateLevel;
import org.domus.ledger.TransactionKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

class BillingServiceTest {

    static final org.domus.core.Subject ADMIN = LedgerDatabase.ADMIN;
    static final YearMonth MARCH = YearMonth.of(2026, 3);

    private LedgerDatabase db;
    private LedgerServiceImpl ledger;
    private ChargeServiceImpl charges;
    private BillingServiceImpl billing;
    private Organisation org;
    private Building b1;
    private Building b2;
    private Unit u1;
    private Unit u2;
    private Unit u3;
    private final Map<Long, BigDecimal> water = new HashMap<>();
    private ChargeComponent fee;
    private ChargeComponent repair;
    private ChargeComponent persons;
    private ChargeComponent lift;
    private ChargeComponent rent;
    private ChargeComponent meter;

    @BeforeEach
    void setUp() {
        db = new LedgerDatabase();
        ledger = db.ledger();
        charges = ChargeServiceImpl.create(ledger);
        ChargeBasisProvider provider = new ChargeBasisProvider() {
            @Override
            public String key() {
                return "metering.cold-water";
            }

            @Override
            public Map<Long, BigDecimal> quantities(Collection<Long> unitIds, YearMonth month) {
                return water;
            }
        };
        billing = BillingServiceImpl.create(ledger, List.of(provider));
        org = db.organisation("CZK");
        Estate estate = db.estate(org.id(), "North");
        b1 = db.building(estate.id(), "1");
        b2 = db.building(estate.id(), "2");
        u1 = db.unit(b1.id(), "1", "60.00", new Share(1, 3));
        u2 = db.unit(b1.id(), "2", "45.50", new Share(2, 3));
        u3 = db.unit(b2.id(), "3", "80.25", new Share(1, 1));
        fee = component("FEE", ChargeBasis.PER_AREA, null, 10);
        repair = component("REPAIR_FUND", ChargeBasis.BY_SHARE, null, 20);
        persons = component("WASTE", ChargeBasis.PER_PERSON, null, 30);
        lift = component("LIFT", ChargeBasis.PER_UNIT, null, 40);
        rent = component("RENT", ChargeBasis.FIXED, null, 5);
        meter = component("WATER", ChargeBasis.PROVIDED, "metering.cold-water", 50);
        LocalDate jan = LocalDate.of(2026, 1, 1);
        charges.addRate(ADMIN, fee.id(), RateLevel.ORGANISATION, org.id(), new BigDecimal("25.555"), jan);
        charges.addRate(ADMIN, repair.id(), RateLevel.BUILDING, b1.id(), new BigDecimal("10000"), jan);
        charges.addRate(ADMIN, persons.id(), RateLevel.ORGANISATION, org.id(), new BigDecimal("87.50"), jan);
        charges.addRate(ADMIN, lift.id(), RateLevel.ORGANISATION, org.id(), new BigDecimal("100"), jan);
        charges.addRate(ADMIN, lift.id(), RateLevel.BUILDING, b2.id(), new BigDecimal("0"), jan);
        charges.addRate(ADMIN, lift.id(), RateLevel.UNIT, u2.id(), new BigDecimal("150"), jan);
        charges.addRate(ADMIN, rent.id(), RateLevel.UNIT, u3.id(), new BigDecimal("5000"), jan);
        charges.addRate(ADMIN, meter.id(), RateLevel.ORGANISATION, org.id(), new BigDecimal("112.34"), jan);
        charges.declarePersons(ADMIN, u1.id(), 3, LocalDate.of(2025, 6, 1));
        charges.declarePersons(ADMIN, u1.id(), 2, LocalDate.of(2026, 3, 1));
        charges.declarePersons(ADMIN, u2.id(), 4, LocalDate.of(2026, 4, 1));
        charges.addExemption(ADMIN, new Exemption(0, persons.id(), u3.id(), jan, null, "empty flat"));
        water.put(u1.id(), new BigDecimal("3.125"));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private ChargeComponent component(String code, ChargeBasis basis, String provider, int priority) {
        return charges.createComponent(
                ADMIN, new ChargeComponent(0, org.id(), code, code.toLowerCase(), basis, provider, priority, true, 0));
    }

    private static Map<String, BigDecimal> byCode(List<ChargeLine> lines, long unitId) {
        return lines.stream()
                .filter(l -> l.unitId() == unitId)
                .collect(Collectors.toMap(ChargeLine::componentCode, ChargeLine::amount));
    }

    @Test
    void everyBasisComputesFromTheMostSpecificRateAndRoundsHalfUpPerLine() {
        BillingResult preview = billing.preview(ADMIN, new BillingScope(ScopeType.ORGANISATION, org.id()), MARCH, null);

        assertTrue(preview.preview());
        assertNull(preview.run());
        Map<String, BigDecimal> first = byCode(preview.lines(), u1.id());
        assertEquals(new BigDecimal("1533.30"), first.get("FEE")); // 25.555 x 60.00 = 1533.30
        assertEquals(new BigDecimal("3333.33"), first.get("REPAIR_FUND")); // 10000 x 1/3 = 3333.333..
        assertEquals(new BigDecimal("175.00"), first.get("WASTE")); // 2 persons from March (3 before)
        assertEquals(new BigDecimal("100.00"), first.get("LIFT")); // organisation rate
        assertEquals(new BigDecimal("351.06"), first.get("WATER")); // 112.34 x 3.125 = 351.0625
        assertNull(first.get("RENT"));
        Map<String, BigDecimal> second = byCode(preview.lines(), u2.id());
        assertEquals(new BigDecimal("1162.75"), second.get("FEE")); // 25.555 x 45.50 = 1162.7525
        assertEquals(new BigDecimal("6666.67"), second.get("REPAIR_FUND")); // 10000 x 2/3 = 6666.666..
        assertNull(second.get("WASTE")); // 4 persons only from April
        assertEquals(new BigDecimal("150.00"), second.get("LIFT")); // unit rate wins
        assertNull(second.get("WATER")); // no quantity supplied
        Map<String, BigDecimal> third = byCode(preview.lines(), u3.id());
        assertEquals(new BigDecimal("2050.79"), third.get("FEE")); // 25.555 x 80.25 = 2050.78875
        assertNull(third.get("REPAIR_FUND")); // no rate for building 2
        assertNull(third.get("WASTE")); // exempted
        assertNull(third.get("LIFT")); // building rate 0 wins over the organisation's
        assertEquals(new BigDecimal("5000.00"), third.get("RENT"));
        assertEquals(
                preview.lines().stream().map(ChargeLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add),
                preview.total());
        assertEquals(3, preview.units());
        assertEquals(0, db.count("SELECT COUNT(*) FROM LEDGER_POSTING"), "a preview writes nothing");
        assertEquals(0, db.count("SELECT COUNT(*) FROM LEDGER_BILLING_RUN"));
    }

    @Test
    void aRunPostsOneBalancedTransactionAndRunningItAgainChangesNothing() {
        List<String> phases = new ArrayList<>();
        BillingScope scope = new BillingScope(ScopeType.ORGANISATION, org.id());
        BillingResult result =
                billing.run(ADMIN, scope, MARCH, (phase, done, total) -> phases.add(phase + " " + done + "/" + total));

        BillingRun run = result.run();
        assertNotNull(run.transactionId());
        assertEquals(BillingRunState.POSTED, run.state());
        assertTrue(phases.contains(BillingProgress.CHARGES + " 3/3"), phases.toString());
        assertTrue(phases.stream().anyMatch(p -> p.startsWith(BillingProgress.POSTING)), phases.toString());
        LedgerTransaction tx = ledger.transaction(ADMIN, run.transactionId());
        assertEquals(TransactionKind.CHARGE, tx.kind());
        assertEquals(LocalDate.of(2026, 3, 1), tx.bookingDate());
        assertEquals(
                0,
                tx.postings().stream()
                        .map(p -> p.amount())
                        .reduce(BigDecimal.ZERO, BigDecimal::add)
                        .signum());
        assertEquals(result.lines().size() + 6, tx.postings().size()); // + one income credit per component
        BigDecimal u1Total = byCode(result.lines(), u1.id()).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(u1Total, ledger.balance(ADMIN, u1.id()).balance());
        assertEquals(
                u1Total,
                ledger.turnover(ADMIN, u1.id(), MARCH, MARCH).months().get(0).charges());
        assertEquals(5, billing.charges(ADMIN, u1.id(), MARCH).size());
        long postings = db.count("SELECT COUNT(*) FROM LEDGER_POSTING");

        BillingResult again = billing.run(ADMIN, scope, MARCH, null);

        assertTrue(again.alreadyPosted());
        assertEquals(run.id(), again.run().id());
        assertEquals(postings, db.count("SELECT COUNT(*) FROM LEDGER_POSTING"));
        assertEquals(u1Total, ledger.balance(ADMIN, u1.id()).balance());
        assertTrue(billing.preview(ADMIN, scope, MARCH, null).alreadyPosted());
        assertEquals(
                1, db.count("SELECT COUNT(*) FROM CORE_AUDIT_EVENT WHERE ACTION_NAME = 'ledger.billing-run.post'"));
    }

    @Test
    void thePostedRunsEventCarriesWhatItChargedEachUnitWithTheMonthsDueDate() {
        RecordingEventAdmin events = new RecordingEventAdmin();
        ledger.setEventAdmin(events);
        BillingScope scope = new BillingScope(ScopeType.ORGANISATION, org.id());
        BillingResult result = billing.run(ADMIN, scope, MARCH, null);

        List<Event> posted = events.of(LedgerEvents.BILLING_RUN_POSTED);
        assertEquals(1, posted.size());
        Event e = posted.get(0);
        assertEquals(org.id(), e.getProperty("organisationId"));
        assertEquals(result.run().id(), e.getProperty("billingRunId"));
        assertEquals(result.run().transactionId(), e.getProperty("transactionId"));
        assertEquals("2026-03", e.getProperty("period"));
        assertEquals("2026-03", e.getProperty("month"));
        assertEquals("2026-03-31", e.getProperty("dueDate"));
        assertEquals("CZK", e.getProperty("currency"));
        assertEquals("admin", e.getProperty("actor"));
        long[] unitIds = (long[]) e.getProperty("unitIds");
        String[] amounts = (String[]) e.getProperty("amounts");
        assertEquals(3, unitIds.length);
        assertEquals(unitIds.length, amounts.length);
        Map<Long, String> charged = new HashMap<>();
        for (int i = 0; i < unitIds.length; i++) {
            charged.put(unitIds[i], amounts[i]);
        }
        for (Unit u : List.of(u1, u2, u3)) {
            BigDecimal sum = result.lines().stream()
                    .filter(l -> l.unitId() == u.id())
                    .map(ChargeLine::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(sum.setScale(2).toPlainString(), charged.get(u.id()), "unit " + u.number());
        }
        // the unit's amounts add up to the run's total; u3 pays 5000 rent + 80.25 m2 x 25.555 + repair fund
        assertEquals(
                result.total(),
                charged.values().stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertTrue(new BigDecimal(charged.get(u3.id())).compareTo(new BigDecimal("5000")) > 0);

        // running it again changes nothing and posts nothing
        assertTrue(billing.run(ADMIN, scope, MARCH, null).alreadyPosted());
        assertEquals(1, events.of(LedgerEvents.BILLING_RUN_POSTED).size());
    }

    @Test
    void aRunOfAWiderScopeSkipsUnitsAlreadyBilledForTheMonth() {
        BillingResult building = billing.run(ADMIN, new BillingScope(ScopeType.BUILDING, b1.id()), MARCH, null);
        assertEquals(2, building.units());
        BigDecimal u1Balance = ledger.balance(ADMIN, u1.id()).balance();

        BillingResult organisation =
                billing.run(ADMIN, new BillingScope(ScopeType.ORGANISATION, org.id()), MARCH, null);

        assertFalse(organisation.alreadyPosted());
        assertEquals(2, organisation.skippedUnits());
        assertEquals(1, organisation.units());
        assertTrue(organisation.lines().stream().allMatch(l -> l.unitId() == u3.id()));
        assertEquals(u1Balance, ledger.balance(ADMIN, u1.id()).balance());
    }

    @Test
    void aRunIsReversedAsAWholeAndTheMonthCanThenBeBilledAgain() {
        BillingScope scope = new BillingScope(ScopeType.ORGANISATION, org.id());
        BillingRun run = billing.run(ADMIN, scope, MARCH, null).run();

        BillingRun reversed = billing.reverse(ADMIN, run.id(), LocalDate.of(2026, 3, 15));

        assertEquals(BillingRunState.REVERSED, reversed.state());
        LedgerTransaction reversal = ledger.transaction(ADMIN, reversed.reversalId());
        assertEquals(run.transactionId(), reversal.reversesId());
        for (Unit u : List.of(u1, u2, u3)) {
            assertEquals(0, ledger.balance(ADMIN, u.id()).balance().signum());
        }
        assertEquals(0, billing.charges(ADMIN, u1.id(), MARCH).size());
        assertEquals(
                "ledger.billing.already-reversed",
                assertThrows(DomusException.class, () -> billing.reverse(ADMIN, run.id(), null))
                        .messageKey());
        assertEquals(
                "ledger.transaction.billing-run",
                assertThrows(DomusException.class, () -> ledger.reverse(ADMIN, run.transactionId(), null, null))
                        .messageKey());

        BillingResult again = billing.run(ADMIN, scope, MARCH, null);
        assertFalse(again.alreadyPosted());
        assertEquals(run.total(), again.total());
        assertEquals(
                run.total(), again.lines().stream().map(ChargeLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void aMissingProviderFailsTheRunAndPostsNothing() {
        BillingServiceImpl withoutMetering = BillingServiceImpl.create(ledger, List.of());
        DomusException e = assertThrows(
                DomusException.class,
                () -> withoutMetering.run(ADMIN, new BillingScope(ScopeType.ORGANISATION, org.id()), MARCH, null));
        assertEquals("ledger.billing.provider-missing", e.messageKey());
        assertEquals(0, db.count("SELECT COUNT(*) FROM LEDGER_POSTING"));
        assertEquals(0, db.count("SELECT COUNT(*) FROM LEDGER_BILLING_RUN"));
    }

    @Test
    void ratesAreCheckedWhenAdded() {
        LocalDate jan = LocalDate.of(2026, 1, 1);
        assertEquals(
                "ledger.rate.overlap",
                assertThrows(
                                DomusException.class,
                                () -> charges.addRate(
                                        ADMIN,
                                        new ChargeRate(
                                                0,
                                                fee.id(),
                                                RateLevel.ORGANISATION,
                                                org.id(),
                                                BigDecimal.ONE,
                                                LocalDate.of(2026, 6, 1),
                                                null)))
                        .messageKey());
        assertEquals(
                "ledger.rate.fixed-per-unit",
                assertThrows(
                                DomusException.class,
                                () -> charges.addRate(
                                        ADMIN, rent.id(), RateLevel.BUILDING, b1.id(), BigDecimal.ONE, jan))
                        .messageKey());
        assertEquals(
                "ledger.rate.invalid",
                assertThrows(
                                DomusException.class,
                                () -> charges.addRate(
                                        ADMIN, fee.id(), RateLevel.BUILDING, b1.id(), new BigDecimal("-1"), jan))
                        .messageKey());
        assertEquals(
                "ledger.component.code-taken",
                assertThrows(DomusException.class, () -> component("FEE", ChargeBasis.PER_UNIT, null, 1))
                        .messageKey());
        assertEquals(2, charges.personsOn(ADMIN, u1.id(), LocalDate.of(2026, 3, 1)));
        assertEquals(3, charges.personsOn(ADMIN, u1.id(), LocalDate.of(2026, 2, 28)));
        assertEquals(6, charges.components(ADMIN, org.id()).size());
    }

    @Test
    void anEndedRateMakesRoomForItsSuccessorAndBillsOnlyUpToItsEnd() {
        ChargeRate old = charges.rates(ADMIN, fee.id()).get(0);

        ChargeRate ended = charges.endRate(ADMIN, old.id(), LocalDate.of(2026, 3, 31));
        charges.addRate(
                ADMIN, fee.id(), RateLevel.ORGANISATION, org.id(), new BigDecimal("30"), LocalDate.of(2026, 4, 1));

        assertEquals(LocalDate.of(2026, 3, 31), ended.validTo());
        BillingScope scope = new BillingScope(ScopeType.ORGANISATION, org.id());
        assertEquals(
                new BigDecimal("1533.30"),
                byCode(billing.preview(ADMIN, scope, MARCH, null).lines(), u1.id())
                        .get("FEE"));
        assertEquals(
                new BigDecimal("1800.00"), // 30 x 60.00
                byCode(billing.preview(ADMIN, scope, MARCH.plusMonths(1), null).lines(), u1.id())
                        .get("FEE"));
        // never lengthened, never before its start
        for (LocalDate bad : List.of(LocalDate.of(2026, 4, 30), LocalDate.of(2025, 12, 31))) {
            assertEquals(
                    "ledger.rate.end.invalid",
                    assertThrows(DomusException.class, () -> charges.endRate(ADMIN, old.id(), bad))
                            .messageKey());
        }
        assertEquals(
                "ledger.rate.not-found",
                assertThrows(DomusException.class, () -> charges.endRate(ADMIN, 999_999L, LocalDate.of(2026, 4, 1)))
                        .messageKey());
        assertEquals(1, db.count("SELECT COUNT(*) FROM CORE_AUDIT_EVENT WHERE ACTION_NAME = 'ledger.rate.end'"));
    }
}
