package org.domus.ledger.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.domus.core.Subject;
import org.domus.core.access.ScopeType;
import org.domus.core.registry.Building;
import org.domus.core.registry.Estate;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Share;
import org.domus.ledger.BillingProgress;
import org.domus.ledger.BillingResult;
import org.domus.ledger.BillingRun;
import org.domus.ledger.BillingScope;
import org.domus.ledger.BillingService;
import org.domus.ledger.ChargeBasis;
import org.domus.ledger.ChargeComponent;
import org.domus.ledger.ChargeLine;
import org.domus.ledger.RateLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScheduledBillingTest {

    private LedgerDatabase db;
    private BillingServiceImpl billing;
    private Organisation org;

    @BeforeEach
    void setUp() {
        db = new LedgerDatabase();
        LedgerServiceImpl ledger = db.ledger();
        ChargeServiceImpl charges = ChargeServiceImpl.create(ledger);
        billing = BillingServiceImpl.create(ledger, List.of());
        org = db.organisation("CZK");
        Estate estate = db.estate(org.id(), "North");
        Building b = db.building(estate.id(), "1");
        for (int i = 1; i <= 20; i++) {
            db.unit(b.id(), Integer.toString(i), "50.00", new Share(1, 20));
        }
        ChargeComponent fee = charges.createComponent(
                LedgerDatabase.ADMIN,
                new ChargeComponent(0, org.id(), "FEE", "Fee", ChargeBasis.PER_AREA, null, 1, true, 0));
        charges.addRate(
                LedgerDatabase.ADMIN,
                fee.id(),
                RateLevel.ORGANISATION,
                org.id(),
                new BigDecimal("20.00"),
                LocalDate.of(2026, 1, 1));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    // ---- schedule --------------------------------------------------------------------------------------

    @Test
    void theCurrentMonthIsDueFromItsBillingDayUntilTheJobHasDoneIt() {
        OptionalInt never = OptionalInt.empty();
        assertEquals(Optional.empty(), ScheduledBilling.due(LocalDate.of(2026, 3, 4), 5, never));
        assertEquals(Optional.of(YearMonth.of(2026, 3)), ScheduledBilling.due(LocalDate.of(2026, 3, 5), 5, never));
        // a node that was down on the day catches up later in the month
        assertEquals(Optional.of(YearMonth.of(2026, 3)), ScheduledBilling.due(LocalDate.of(2026, 3, 30), 5, never));
        // done this month: nothing; done last month: this month once its day has come
        assertEquals(Optional.empty(), ScheduledBilling.due(LocalDate.of(2026, 3, 20), 5, OptionalInt.of(202603)));
        assertEquals(Optional.empty(), ScheduledBilling.due(LocalDate.of(2026, 4, 4), 5, OptionalInt.of(202603)));
        assertEquals(
                Optional.of(YearMonth.of(2026, 4)),
                ScheduledBilling.due(LocalDate.of(2026, 4, 5), 5, OptionalInt.of(202603)));
        // across the year
        assertEquals(
                Optional.of(YearMonth.of(2027, 1)),
                ScheduledBilling.due(LocalDate.of(2027, 1, 1), 1, OptionalInt.of(202612)));
    }

    @Test
    void aBillingDayBeyondTheMonthsEndMeansItsLastDay() {
        assertEquals(Optional.empty(), ScheduledBilling.due(LocalDate.of(2026, 2, 27), 31, OptionalInt.empty()));
        assertEquals(
                Optional.of(YearMonth.of(2026, 2)),
                ScheduledBilling.due(LocalDate.of(2026, 2, 28), 31, OptionalInt.empty()));
        assertEquals(
                Optional.of(YearMonth.of(2028, 2)),
                ScheduledBilling.due(LocalDate.of(2028, 2, 29), 30, OptionalInt.empty()));
        assertThrows(IllegalArgumentException.class, () -> new ScheduledBilling.Settings(true, 0, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new ScheduledBilling.Settings(true, 32, List.of()));
    }

    @Test
    void scopesAreAllOrAListOfTypedIds() {
        assertEquals(List.of(), ScheduledBilling.scopes(" all "));
        assertEquals(List.of(), ScheduledBilling.scopes(""));
        assertEquals(
                List.of(new BillingScope(ScopeType.ORGANISATION, 1), new BillingScope(ScopeType.ESTATE, 7)),
                ScheduledBilling.scopes("ORGANISATION:1, estate:7"));
        assertThrows(IllegalArgumentException.class, () -> ScheduledBilling.scopes("ORGANISATION"));
        assertThrows(IllegalArgumentException.class, () -> ScheduledBilling.scopes("UNIT:3"));
        assertThrows(IllegalArgumentException.class, () -> ScheduledBilling.scopes("BUILDING:x"));
    }

    // ---- one run across nodes --------------------------------------------------------------------------

    /** The real billing service, counting the runs and holding each for a while so that checks overlap. */
    private class CountingBilling implements BillingService {
        final AtomicInteger runs = new AtomicInteger();
        final List<BillingResult> results = Collections.synchronizedList(new ArrayList<>());

        @Override
        public BillingResult run(Subject actor, BillingScope scope, YearMonth month, BillingProgress progress) {
            runs.incrementAndGet();
            sleep(300);
            BillingResult r = billing.run(actor, scope, month, progress);
            results.add(r);
            return r;
        }

        @Override
        public BillingResult preview(Subject actor, BillingScope scope, YearMonth month, BillingProgress progress) {
            return billing.preview(actor, scope, month, progress);
        }

        @Override
        public BillingRun reverse(Subject actor, long runId, LocalDate bookingDate) {
            return billing.reverse(actor, runId, bookingDate);
        }

        @Override
        public BillingRun billingRun(Subject actor, long runId) {
            return billing.billingRun(actor, runId);
        }

        @Override
        public List<BillingRun> runs(Subject actor, long organisationId, YearMonth month) {
            return billing.runs(actor, organisationId, month);
        }

        @Override
        public List<ChargeLine> charges(Subject actor, long unitId, YearMonth month) {
            return billing.charges(actor, unitId, month);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ScheduledBilling node(String name, BillingService service, Clock clock) {
        return new ScheduledBilling(
                service,
                () -> List.of(new BillingScope(ScopeType.ORGANISATION, org.id())),
                new JobLock(db.jpa, clock, name),
                clock);
    }

    @Test
    void twoNodesCheckingAtOnceBillTheMonthOnceAndNeitherBillsItAgain() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T06:00:00Z"), ZoneOffset.UTC);
        CountingBilling service = new CountingBilling();
        ScheduledBilling a = node("node-a", service, clock);
        ScheduledBilling b = node("node-b", service, clock);
        ScheduledBilling.Settings settings = new ScheduledBilling.Settings(true, 1, List.of());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<ScheduledBilling.Outcome> fa = pool.submit(() -> {
                start.await();
                return a.check(settings);
            });
            Future<ScheduledBilling.Outcome> fb = pool.submit(() -> {
                start.await();
                return b.check(settings);
            });
            start.countDown();
            List<ScheduledBilling.Outcome> outcomes =
                    List.of(fa.get(30, TimeUnit.SECONDS), fb.get(30, TimeUnit.SECONDS));
            assertTrue(outcomes.contains(ScheduledBilling.Outcome.RAN), outcomes.toString());
            assertEquals(
                    1,
                    outcomes.stream()
                            .filter(o -> o == ScheduledBilling.Outcome.RAN)
                            .count(),
                    outcomes.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, service.runs.get());
        assertEquals(20, service.results.get(0).units());
        assertEquals(1, db.count("SELECT COUNT(*) FROM LEDGER_BILLING_RUN"));
        assertEquals(
                202603,
                ((Number) db.rows("SELECT DONE_PERIOD FROM LEDGER_JOB WHERE JOB_NAME = 'billing-run'")
                                .get(0)
                                .get("DONE_PERIOD"))
                        .intValue());
        // posted and audited as the scheduler
        assertEquals(
                1,
                db.count("SELECT COUNT(*) FROM CORE_AUDIT_EVENT WHERE ACTION_NAME = 'ledger.job.complete'"
                        + " AND ACTOR_LOGIN = 'scheduler'"));
        assertEquals(
                1,
                db.count("SELECT COUNT(*) FROM CORE_AUDIT_EVENT WHERE ACTION_NAME = 'ledger.billing-run.post'"
                        + " AND ACTOR_LOGIN = 'scheduler'"));

        // later checks of the month do nothing on either node; the next month is billed once
        assertEquals(ScheduledBilling.Outcome.NOT_DUE, a.check(settings));
        assertEquals(ScheduledBilling.Outcome.NOT_DUE, b.check(settings));
        Clock april = Clock.fixed(Instant.parse("2026-04-01T06:00:00Z"), ZoneOffset.UTC);
        assertEquals(
                ScheduledBilling.Outcome.RAN, node("node-b", service, april).check(settings));
        assertEquals(
                ScheduledBilling.Outcome.NOT_DUE, node("node-a", service, april).check(settings));
        assertEquals(2, service.runs.get());
        assertEquals(2, db.count("SELECT COUNT(*) FROM LEDGER_BILLING_RUN"));
    }

    @Test
    void aLiveClaimKeepsOtherNodesOutUntilItsLeaseExpires() {
        Instant now = Instant.parse("2026-03-02T06:00:00Z");
        JobLock a = new JobLock(db.jpa, Clock.fixed(now, ZoneOffset.UTC), "node-a");
        JobLock b = new JobLock(db.jpa, Clock.fixed(now.plusSeconds(60), ZoneOffset.UTC), "node-b");
        assertTrue(a.claim(ScheduledBilling.JOB, 202603, Duration.ofMinutes(10)));
        assertFalse(b.claim(ScheduledBilling.JOB, 202603, Duration.ofMinutes(10)));
        assertFalse(a.claim(ScheduledBilling.JOB, 202603, Duration.ofMinutes(10)));
        // node a died: once its lease is over, node b takes the job; a's late completion changes nothing
        JobLock bLater = new JobLock(db.jpa, Clock.fixed(now.plusSeconds(11 * 60), ZoneOffset.UTC), "node-b");
        assertTrue(bLater.claim(ScheduledBilling.JOB, 202603, Duration.ofMinutes(10)));
        a.complete(ScheduledBilling.JOB, 202603, "late", ScheduledBilling.SCHEDULER, java.util.Map.of());
        assertEquals(OptionalInt.empty(), a.donePeriod(ScheduledBilling.JOB));
        bLater.complete(ScheduledBilling.JOB, 202603, "ok", ScheduledBilling.SCHEDULER, java.util.Map.of());
        assertEquals(OptionalInt.of(202603), a.donePeriod(ScheduledBilling.JOB));
        assertFalse(a.claim(ScheduledBilling.JOB, 202603, Duration.ofMinutes(10)));
    }

    @Test
    void aFailedRunReleasesTheClaimAndTheNextCheckRetries() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T06:00:00Z"), ZoneOffset.UTC);
        AtomicInteger attempts = new AtomicInteger();
        CountingBilling real = new CountingBilling();
        BillingService failingOnce = new CountingBilling() {
            @Override
            public BillingResult run(Subject actor, BillingScope scope, YearMonth month, BillingProgress progress) {
                if (attempts.incrementAndGet() == 1) {
                    throw new IllegalStateException("database went away");
                }
                return real.run(actor, scope, month, progress);
            }
        };
        ScheduledBilling.Settings settings = new ScheduledBilling.Settings(true, 1, List.of());
        assertEquals(
                ScheduledBilling.Outcome.FAILED,
                node("node-a", failingOnce, clock).check(settings));
        assertEquals(0, db.count("SELECT COUNT(*) FROM LEDGER_BILLING_RUN"));
        assertEquals(1, db.count("SELECT COUNT(*) FROM CORE_AUDIT_EVENT WHERE ACTION_NAME = 'ledger.job.fail'"));
        assertEquals(
                ScheduledBilling.Outcome.RAN, node("node-b", failingOnce, clock).check(settings));
        assertEquals(1, db.count("SELECT COUNT(*) FROM LEDGER_BILLING_RUN"));
    }

    @Test
    void aDisabledSchedulerNeverBills() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T06:00:00Z"), ZoneOffset.UTC);
        CountingBilling service = new CountingBilling();
        assertEquals(
                ScheduledBilling.Outcome.DISABLED,
                node("node-a", service, clock).check(new ScheduledBilling.Settings(false, 1, List.of())));
        assertEquals(0, service.runs.get());
    }
}
