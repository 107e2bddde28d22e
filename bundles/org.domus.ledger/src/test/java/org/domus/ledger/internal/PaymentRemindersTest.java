package org.domus.ledger.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.domus.core.Subject;
import org.domus.core.access.ScopeType;
import org.domus.core.registry.Building;
import org.domus.core.registry.LegalForm;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Share;
import org.domus.core.registry.Unit;
import org.domus.core.registry.UnitKind;
import org.domus.core.registry.UnitState;
import org.domus.ledger.BillingScope;
import org.domus.ledger.ChargeBasis;
import org.domus.ledger.ChargeComponent;
import org.domus.ledger.LedgerEvents;
import org.domus.ledger.NewPayment;
import org.domus.ledger.PaymentMethod;
import org.domus.ledger.RateLevel;
import org.domus.ledger.internal.qr.PaymentQrCodesImpl;
import org.domus.ledger.internal.statement.UnitDocumentsImpl;
import org.domus.ledger.payment.PaymentQr;
import org.domus.ledger.payment.PaymentReminders.ReminderRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

/**
 * Payment reminders from real open items on Derby with the real changelogs: each unit is charged 1 000 CZK a
 * month (due on the month's last day), pays some of it or not, and the job is run on chosen days, by hand and
 * on a schedule, on one or two "nodes".
 */
class PaymentRemindersTest {

    static final Subject ADMIN = LedgerDatabase.ADMIN;
    static final YearMonth OCT = YearMonth.of(2026, 10);
    static final YearMonth NOV = YearMonth.of(2026, 11);
    /** A valid Czech IBAN (mod 97). */
    static final String IBAN = "CZ6508000000192000145399";

    static final PaymentReminderJob.Settings SETTINGS = PaymentReminderJob.Settings.parse(true, 3, "5, 20");

    private LedgerDatabase db;
    private LedgerServiceImpl ledger;
    private BillingServiceImpl billing;
    private PaymentServiceImpl payments;
    private final PaymentQrCodesImpl qrCodes = new PaymentQrCodesImpl(false);
    private final RecordingEventAdmin events = new RecordingEventAdmin();
    private Organisation org;
    private Building building;
    private final List<Unit> units = new ArrayList<>();

    @BeforeEach
    void setUp() {
        db = new LedgerDatabase();
        ledger = db.ledger();
        ledger.setEventAdmin(events);
        ChargeServiceImpl charges = ChargeServiceImpl.create(ledger);
        billing = BillingServiceImpl.create(ledger, List.of());
        payments = PaymentServiceImpl.create(ledger);
        Organisation created = db.organisation("CZK");
        org = db.registry.updateOrganisation(
                ADMIN,
                new Organisation(
                        created.id(),
                        created.name(),
                        null,
                        "CZ",
                        "CZK",
                        IBAN,
                        null,
                        "SBD Domus",
                        null,
                        created.version()));
        building = db.building(db.estate(org.id(), "North").id(), "1");
        for (int i = 1; i <= 4; i++) {
            units.add(db.registry.createUnit(
                    ADMIN,
                    new Unit(
                            0,
                            building.id(),
                            Integer.toString(i),
                            UnitKind.FLAT,
                            1,
                            null,
                            new BigDecimal("50.00"),
                            2,
                            List.of(),
                            new Share(1, 4),
                            LegalForm.OWNERSHIP,
                            UnitState.OCCUPIED,
                            null,
                            "100" + i,
                            null,
                            0)));
        }
        ChargeComponent fee = charges.createComponent(
                ADMIN, new ChargeComponent(0, org.id(), "FEE", "Fee", ChargeBasis.PER_UNIT, null, 10, true, 0));
        charges.addRate(ADMIN, fee.id(), RateLevel.ORGANISATION, org.id(), new BigDecimal("1000"), OCT.atDay(1));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private void bill(YearMonth month) {
        billing.run(ADMIN, new BillingScope(ScopeType.ORGANISATION, org.id()), month, null);
    }

    private void pay(int unit, String amount, LocalDate day) {
        payments.record(
                ADMIN, new NewPayment(units.get(unit - 1).id(), new BigDecimal(amount), day, PaymentMethod.BANK, "VS"));
    }

    private long unitId(int unit) {
        return units.get(unit - 1).id();
    }

    private PaymentReminderJob job(LedgerServiceImpl books, String node, Clock clock) {
        return new PaymentReminderJob(books, qrCodes, new JobLock(books.jpa(), clock, node), clock);
    }

    private PaymentReminderJob job() {
        return job(ledger, "node-a", Clock.systemUTC());
    }

    private static Clock at(String day) {
        return Clock.fixed(LocalDate.parse(day).atTime(6, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    }

    /** The reminder events posted so far (the ledger's other events left out). */
    private List<Event> reminders() {
        return events.events.stream()
                .filter(e -> e.getTopic().equals(LedgerEvents.PAYMENT_DUE)
                        || e.getTopic().equals(LedgerEvents.PAYMENT_OVERDUE))
                .toList();
    }

    /** The reminder events posted so far, by unit id. */
    private Map<Long, Event> byUnit(String topic) {
        Map<Long, Event> result = new HashMap<>();
        for (Event e : events.of(topic)) {
            Event earlier = result.put((Long) e.getProperty(LedgerEvents.UNIT_ID), e);
            assertNull(earlier, "two " + topic + " events for one unit: " + e);
        }
        return result;
    }

    /** The payload of the unit's payment QR code as its page and statement show it (the amount it owes now). */
    private String amountDueQr(int unit) {
        UnitDocumentsImpl documents = new UnitDocumentsImpl(
                ledger,
                ChargeServiceImpl.create(ledger),
                payments,
                db.registry,
                db.policy,
                null,
                qrCodes,
                null,
                Clock.systemUTC());
        return documents
                .amountDueQr(ADMIN, unitId(unit), "cs")
                .map(PaymentQr::payload)
                .orElseThrow();
    }

    // ---- before the due date ---------------------------------------------------------------------------

    @Test
    void dueRemindersQuoteWhatIsStillOpenOfTheDueDatesChargesWithThePaymentDetails() {
        bill(NOV);
        pay(2, "400.00", LocalDate.of(2026, 11, 10)); // 600 still open
        pay(3, "1000.00", LocalDate.of(2026, 11, 10)); // paid
        pay(4, "1500.00", LocalDate.of(2026, 11, 10)); // paid, with a credit

        ReminderRun early = job().run(LocalDate.of(2026, 11, 26), SETTINGS);
        assertEquals(new ReminderRun(LocalDate.of(2026, 11, 26), true, 2, 0, 0, 0), early);
        assertTrue(events.of(LedgerEvents.PAYMENT_DUE).isEmpty());

        ReminderRun run = job().run(LocalDate.of(2026, 11, 27), SETTINGS);
        assertEquals(new ReminderRun(LocalDate.of(2026, 11, 27), true, 2, 2, 0, 0), run);
        Map<Long, Event> due = byUnit(LedgerEvents.PAYMENT_DUE);
        assertEquals(2, due.size());
        Event first = due.get(unitId(1));
        assertEquals(org.id(), first.getProperty(LedgerEvents.ORGANISATION_ID));
        assertEquals(building.id(), first.getProperty(LedgerEvents.BUILDING_ID));
        assertEquals(unitId(1), first.getProperty(LedgerEvents.UNIT_ID));
        assertEquals("Main 1, 1", first.getProperty(LedgerEvents.UNIT_LABEL));
        assertEquals("1000.00", first.getProperty(LedgerEvents.AMOUNT));
        assertEquals("CZK", first.getProperty(LedgerEvents.CURRENCY));
        assertEquals("2026-11-30", first.getProperty(LedgerEvents.DUE_DATE));
        assertEquals("2026-11", first.getProperty(LedgerEvents.MONTH));
        assertEquals(IBAN, first.getProperty(LedgerEvents.ACCOUNT));
        assertEquals("1001", first.getProperty(LedgerEvents.REFERENCE));
        assertEquals("SPAYD", first.getProperty(LedgerEvents.QR_STANDARD));
        assertEquals("due:" + unitId(1) + ":2026-11-30", first.getProperty(LedgerEvents.REMINDER_KEY));
        assertEquals("payment-reminders", first.getProperty(LedgerEvents.ACTOR));
        assertNull(first.getProperty(LedgerEvents.DAYS_OVERDUE));
        // the very text the unit's payment QR code for that amount encodes
        String payload = (String) first.getProperty(LedgerEvents.QR_PAYLOAD);
        assertTrue(payload.startsWith("SPD*1.0*"), payload);
        assertTrue(payload.contains("AM:1000.00") && payload.contains("X-VS:1001"), payload);
        assertEquals(amountDueQr(1), payload);
        // a partial payment reduces the amount; paid and credited units get nothing
        Event second = due.get(unitId(2));
        assertEquals("600.00", second.getProperty(LedgerEvents.AMOUNT));
        assertEquals(amountDueQr(2), second.getProperty(LedgerEvents.QR_PAYLOAD));
        assertFalse(due.containsKey(unitId(3)));
        assertFalse(due.containsKey(unitId(4)));
        // every property is a plain Java type a receiver without ledger classes can read
        for (String name : first.getPropertyNames()) {
            Object value = first.getProperty(name);
            assertTrue(
                    value instanceof String || value instanceof Long || value instanceof Integer,
                    name + " is a " + value.getClass());
        }

        // the same day again, and the next days while the due date is ahead: recorded, so nothing again
        assertEquals(
                new ReminderRun(LocalDate.of(2026, 11, 27), true, 2, 0, 0, 2),
                job().run(LocalDate.of(2026, 11, 27), SETTINGS));
        assertEquals(0, job().run(LocalDate.of(2026, 11, 29), SETTINGS).due());
        assertEquals(2, events.of(LedgerEvents.PAYMENT_DUE).size());
        assertEquals(2, db.count("SELECT COUNT(*) FROM LEDGER_REMINDER WHERE STAGE = 'DUE' AND POSTED = TRUE"));
    }

    @Test
    void aDueReminderMissedUntilTheDueDateIsNotSentAfterIt() {
        bill(NOV);
        // no run from the 27th on: on the due date and after it, the due reminder is not sent any more
        ReminderRun late = job().run(LocalDate.of(2026, 11, 30), SETTINGS);
        assertEquals(0, late.due() + late.overdue());
        ReminderRun after = job().run(LocalDate.of(2026, 12, 1), SETTINGS);
        assertEquals(0, after.due() + after.overdue());
        assertTrue(reminders().isEmpty());
        // while the due date is still ahead a missed day is caught up (once)
        assertEquals(4, job().run(LocalDate.of(2026, 11, 29), SETTINGS).due());
        assertEquals(0, job().run(LocalDate.of(2026, 11, 29), SETTINGS).due());
        assertEquals(4, events.of(LedgerEvents.PAYMENT_DUE).size());
    }

    // ---- overdue ---------------------------------------------------------------------------------------

    @Test
    void overdueRemindersQuoteTheWholeOverdueBalanceAtEachStage() {
        bill(OCT);
        bill(NOV);
        pay(2, "1500.00", LocalDate.of(2026, 11, 3)); // October paid, 500 of November open
        pay(3, "2000.00", LocalDate.of(2026, 11, 3)); // all paid

        ReminderRun fifth = job().run(LocalDate.of(2026, 12, 5), SETTINGS);
        assertEquals(3, fifth.overdue());
        assertEquals(0, fifth.due());
        Map<Long, Event> overdue = byUnit(LedgerEvents.PAYMENT_OVERDUE);
        assertEquals(3, overdue.size());
        Event first = overdue.get(unitId(1));
        assertEquals("2000.00", first.getProperty(LedgerEvents.AMOUNT)); // October and November
        assertEquals(5, first.getProperty(LedgerEvents.DAYS_OVERDUE));
        assertEquals("2026-11-30", first.getProperty(LedgerEvents.DUE_DATE));
        assertEquals("2026-11", first.getProperty(LedgerEvents.MONTH));
        assertEquals("overdue:" + unitId(1) + ":2026-11-30:5", first.getProperty(LedgerEvents.REMINDER_KEY));
        assertEquals(amountDueQr(1), first.getProperty(LedgerEvents.QR_PAYLOAD));
        assertTrue(((String) first.getProperty(LedgerEvents.QR_PAYLOAD)).contains("AM:2000.00"));
        assertEquals("500.00", overdue.get(unitId(2)).getProperty(LedgerEvents.AMOUNT));
        assertFalse(overdue.containsKey(unitId(3)));
        // unit 4 paid nothing in October either
        assertEquals("2000.00", overdue.get(unitId(4)).getProperty(LedgerEvents.AMOUNT));

        // payments in between: unit 1 pays part, unit 2 the rest, unit 4 everything
        pay(1, "1200.00", LocalDate.of(2026, 12, 8));
        pay(2, "500.00", LocalDate.of(2026, 12, 8));
        pay(4, "2000.00", LocalDate.of(2026, 12, 8));
        events.events.clear();
        ReminderRun twentieth = job().run(LocalDate.of(2026, 12, 20), SETTINGS);
        assertEquals(1, twentieth.overdue());
        Event again = byUnit(LedgerEvents.PAYMENT_OVERDUE).get(unitId(1));
        assertEquals("800.00", again.getProperty(LedgerEvents.AMOUNT));
        assertEquals(20, again.getProperty(LedgerEvents.DAYS_OVERDUE));
        assertEquals("overdue:" + unitId(1) + ":2026-11-30:20", again.getProperty(LedgerEvents.REMINDER_KEY));
        assertEquals(amountDueQr(1), again.getProperty(LedgerEvents.QR_PAYLOAD));

        // and never again for that stage
        assertEquals(0, job().run(LocalDate.of(2026, 12, 21), SETTINGS).overdue());
        assertEquals(1, events.of(LedgerEvents.PAYMENT_OVERDUE).size());
    }

    @Test
    void catchingUpAfterDaysWithoutARunSendsOneReminderPerUnitAndSkipsStagesLongPast() {
        bill(OCT);
        bill(NOV);
        pay(2, "2000.00", LocalDate.of(2026, 11, 3));
        pay(3, "2000.00", LocalDate.of(2026, 11, 3));
        pay(4, "2000.00", LocalDate.of(2026, 11, 3));
        // no run since October: on 22 December only November's 20-day stage is current (October's stages and
        // November's 5-day stage are long past, November's due reminder too)
        ReminderRun run = job().run(LocalDate.of(2026, 12, 22), SETTINGS);
        assertEquals(new ReminderRun(LocalDate.of(2026, 12, 22), true, 1, 0, 1, 0), run);
        Event only = events.of(LedgerEvents.PAYMENT_OVERDUE).get(0);
        assertEquals(20, only.getProperty(LedgerEvents.DAYS_OVERDUE));
        assertEquals("2000.00", only.getProperty(LedgerEvents.AMOUNT));
        // the catch-up window of the last stage ends a week after its day
        assertEquals(0, job().run(LocalDate.of(2026, 12, 23), SETTINGS).overdue());
        assertEquals(1, reminders().size());
    }

    @Test
    void stagesOfTwoDueDatesReachedTogetherGiveOneReminderAndTheOtherIsNotSentLater() {
        bill(OCT);
        bill(NOV);
        // October + 35 days and November + 5 days are both 5 December
        PaymentReminderJob.Settings settings = PaymentReminderJob.Settings.parse(true, 3, "35, 5");
        assertEquals(List.of(5, 35), settings.overdueDays());
        ReminderRun run = job().run(LocalDate.of(2026, 12, 6), settings);
        assertEquals(4, run.overdue());
        Map<Long, Event> overdue = byUnit(LedgerEvents.PAYMENT_OVERDUE);
        assertEquals(
                "overdue:" + unitId(1) + ":2026-11-30:5",
                overdue.get(unitId(1)).getProperty(LedgerEvents.REMINDER_KEY));
        assertEquals("2000.00", overdue.get(unitId(1)).getProperty(LedgerEvents.AMOUNT));
        assertEquals(
                4,
                db.count("SELECT COUNT(*) FROM LEDGER_REMINDER WHERE POSTED = FALSE"
                        + " AND REMINDER_KEY LIKE 'overdue:%:2026-10-31:35'"));
        assertEquals(
                new ReminderRun(LocalDate.of(2026, 12, 7), true, 4, 0, 0, 8),
                job().run(LocalDate.of(2026, 12, 7), settings));
        assertEquals(4, reminders().size());
    }

    // ---- once across nodes -----------------------------------------------------------------------------

    @Test
    void twoNodesPostEachReminderOnceOnTheScheduleAndWhenRunByHandAtOnce() throws Exception {
        bill(OCT);
        bill(NOV);
        RecordingEventAdmin eventsB = new RecordingEventAdmin();
        LedgerServiceImpl nodeB = db.ledger();
        nodeB.setEventAdmin(eventsB);

        // the schedule: both nodes check on 27 November at once; one of them runs the day
        Clock day = at("2026-11-27");
        PaymentReminderJob a = job(ledger, "node-a", day);
        PaymentReminderJob b = job(nodeB, "node-b", day);
        List<PaymentReminderJob.Outcome> outcomes = together(() -> a.check(SETTINGS), () -> b.check(SETTINGS));
        assertEquals(
                1,
                outcomes.stream()
                        .filter(o -> o == PaymentReminderJob.Outcome.RAN)
                        .count(),
                outcomes.toString());
        assertEquals(
                4,
                events.of(LedgerEvents.PAYMENT_DUE).size()
                        + eventsB.of(LedgerEvents.PAYMENT_DUE).size());
        assertEquals(PaymentReminderJob.Outcome.NOT_DUE, a.check(SETTINGS));
        assertEquals(PaymentReminderJob.Outcome.NOT_DUE, b.check(SETTINGS));
        assertEquals(
                20261127,
                ((Number) db.rows("SELECT DONE_PERIOD FROM LEDGER_JOB WHERE JOB_NAME = 'payment-reminders'")
                                .get(0)
                                .get("DONE_PERIOD"))
                        .intValue());
        assertEquals(
                1,
                db.count("SELECT COUNT(*) FROM CORE_AUDIT_EVENT WHERE ACTION_NAME = 'ledger.job.complete'"
                        + " AND ENTITY_ID = 'payment-reminders' AND ACTOR_LOGIN = 'payment-reminders'"));

        // by hand on both nodes at the same moment (no job lock): the database still lets each reminder out once
        LocalDate fifth = LocalDate.of(2026, 12, 5);
        List<ReminderRun> runs = together(() -> a.run(fifth, SETTINGS), () -> b.run(fifth, SETTINGS));
        assertEquals(4, runs.get(0).overdue() + runs.get(1).overdue(), runs.toString());
        assertEquals(4, runs.get(0).alreadySent() + runs.get(1).alreadySent(), runs.toString());
        List<Object> keys = new ArrayList<>();
        for (RecordingEventAdmin admin : List.of(events, eventsB)) {
            admin.of(LedgerEvents.PAYMENT_OVERDUE).forEach(e -> keys.add(e.getProperty(LedgerEvents.REMINDER_KEY)));
        }
        assertEquals(4, keys.size());
        assertEquals(4, keys.stream().distinct().count());
        assertEquals(8, db.count("SELECT COUNT(*) FROM LEDGER_REMINDER"));
    }

    @SafeVarargs
    private static <T> List<T> together(java.util.concurrent.Callable<T>... tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(tasks.length);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (java.util.concurrent.Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- configuration ---------------------------------------------------------------------------------

    @Test
    void disabledRemindersPostNothing() {
        bill(NOV);
        PaymentReminderJob.Settings off = PaymentReminderJob.Settings.parse(false, 3, "5, 20");
        assertEquals(
                new ReminderRun(LocalDate.of(2026, 11, 27), false, 0, 0, 0, 0),
                job().run(LocalDate.of(2026, 11, 27), off));
        assertEquals(
                PaymentReminderJob.Outcome.DISABLED,
                job(ledger, "node-a", at("2026-11-27")).check(off));
        assertTrue(reminders().isEmpty());
        assertEquals(0, db.count("SELECT COUNT(*) FROM LEDGER_REMINDER"));
    }

    @Test
    void badSettingsAreRefusedNamingTheKey() {
        assertEquals(List.of(), PaymentReminderJob.Settings.parse(true, 3, " ").overdueDays());
        assertEquals(
                "reminders.daysBeforeDue must be 1..60, not 0",
                assertThrows(IllegalArgumentException.class, () -> PaymentReminderJob.Settings.parse(true, 0, "5"))
                        .getMessage());
        assertTrue(
                assertThrows(IllegalArgumentException.class, () -> PaymentReminderJob.Settings.parse(true, 3, "5, x"))
                        .getMessage()
                        .contains("reminders.overdueDays entry 'x'"));
        assertThrows(IllegalArgumentException.class, () -> PaymentReminderJob.Settings.parse(true, 3, "0, 5"));
        assertThrows(IllegalArgumentException.class, () -> PaymentReminderJob.Settings.parse(true, 3, "400"));
        assertEquals(20261127, PaymentReminderJob.period(LocalDate.of(2026, 11, 27)));
    }
}
