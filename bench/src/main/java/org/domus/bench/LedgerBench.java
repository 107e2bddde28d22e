package org.domus.bench;

import static org.domus.bench.Figures.deleteTree;
import static org.domus.bench.Figures.latency;
import static org.domus.bench.Figures.printLatency;
import static org.domus.bench.Figures.seconds;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.persistence.EntityManagerFactory;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.domus.bench.Figures.Heap;
import org.domus.bench.Figures.Latency;
import org.domus.core.Subject;
import org.domus.core.access.ScopeType;
import org.domus.core.export.ColumnType;
import org.domus.core.export.Table;
import org.domus.core.export.TableFormat;
import org.domus.core.internal.access.RoleBasedAccessPolicy;
import org.domus.core.internal.account.AccountServiceImpl;
import org.domus.core.internal.account.Argon2PasswordHasher;
import org.domus.core.internal.account.PasswordPolicy;
import org.domus.core.internal.registry.JpaRegistryDirectory;
import org.domus.core.internal.registry.RegistryGrants;
import org.domus.core.internal.registry.RegistryServiceImpl;
import org.domus.core.registry.Holding;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Unit;
import org.domus.core.registry.UnitFilter;
import org.domus.demo.internal.CooperativeGenerator;
import org.domus.ledger.Arrear;
import org.domus.ledger.ArrearsQuery;
import org.domus.ledger.ArrearsSort;
import org.domus.ledger.BillingResult;
import org.domus.ledger.BillingScope;
import org.domus.ledger.ChargeBasis;
import org.domus.ledger.ChargeComponent;
import org.domus.ledger.ChargeLine;
import org.domus.ledger.LedgerService;
import org.domus.ledger.NewPayment;
import org.domus.ledger.PaymentMethod;
import org.domus.ledger.RateLevel;
import org.domus.ledger.internal.BillingServiceImpl;
import org.domus.ledger.internal.ChargeServiceImpl;
import org.domus.ledger.internal.LedgerGrants;
import org.domus.ledger.internal.LedgerReportsImpl;
import org.domus.ledger.internal.LedgerServiceImpl;
import org.domus.ledger.internal.PaymentServiceImpl;
import org.domus.persistence.testing.ResourceLocalJpaTemplate;
import org.domus.persistence.testing.TestMigrations;
import org.eclipse.persistence.jpa.PersistenceProvider;

/**
 * The ledger's two benchmarks on a demo cooperative (10,000 units by default) in a fresh embedded Derby
 * database with the platform's and the ledger's real changelogs and services:
 *
 * <ol>
 *   <li><b>Billing run</b>: an organisation-wide run of 8 charge components through {@code BillingService.run},
 *       against a raw JDBC batch insert of the very postings that run wrote (read back, inserted again under a
 *       bench transaction header in batches of 1000 and committed, then removed again untimed), in the same
 *       database, alternately for {@code bench.billing.rounds} months.
 *   <li><b>Balance and turnover sheet</b>: the ledger is filled month by month with the real services (a
 *       billing run, then the payments through {@code PaymentService.recordAll} in batches) for {@code bench.months} months, the
 *       generation throughput printed; then a unit's balance plus its 12-month turnover sheet is timed (p50,
 *       p99) for an organisation-wide manager on random units and for the demo resident on their own unit,
 *       against plain JDBC reads of the same rows (account by primary key, 12 month rows).
 * </ol>
 *
 * <p>Peak heap of each phase: the sum of the peak usage of the JVM's heap pools, reset before the phase
 * (an upper bound: pools peak at different moments), and the heap used after a GC at its end.
 *
 * <p>System properties: {@code bench.reuse} (false: with true, a ledger generated before with the same size
 * and seed is kept and only the latencies are measured), {@code bench.units} (10000), {@code bench.months} (60),
 * {@code bench.seed}
 * (20260101), {@code bench.billing.rounds} (3), {@code bench.warmup} (200), {@code bench.iterations} (2000),
 * {@code bench.dir} (bench-ledger in {@code bench.target}, which the pom sets to bench/target).
 */
public final class LedgerBench {

    /** First billed month: far enough back that 60 months end before today. */
    private static final YearMonth FIRST = YearMonth.of(2020, 1);
    /** Payments recorded per {@code PaymentService.recordAll} call (one database transaction each). */
    private static final int PAYMENT_BATCH = 500;

    private LedgerBench() {}

    public static void main(String[] args) throws Exception {
        int units = Integer.getInteger("bench.units", 10_000);
        int months = Integer.getInteger("bench.months", 60);
        long seed = Long.getLong("bench.seed", 20260101L);
        int rounds = Math.max(1, Math.min(months, Integer.getInteger("bench.billing.rounds", 3)));
        int warmup = Integer.getInteger("bench.warmup", 200);
        int iterations = Integer.getInteger("bench.iterations", 2000);
        // bench/target when run by Maven (exec:java runs in the directory Maven was started from)
        Path dir = Path.of(System.getProperty(
                "bench.dir",
                Path.of(System.getProperty("bench.target", "target"), "bench-ledger")
                        .toString()));
        // -Dbench.reuse=true keeps a ledger generated before with the same units, months and seed: only the
        // balance and turnover latencies are measured again (the generation takes many minutes at full size).
        Path marker = dir.resolve("generated.txt");
        String signature = units + " units, " + months + " months, seed " + seed;
        boolean reused = Boolean.getBoolean("bench.reuse")
                && Files.exists(marker)
                && Files.readString(marker).equals(signature);
        if (!reused) {
            deleteTree(dir);
            Files.createDirectories(dir);
        }

        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("domus").toString());
        ds.setCreateDatabase("create");
        ClassLoader loader = LedgerServiceImpl.class.getClassLoader();
        TestMigrations.apply(ds, loader, "db/core-changelog.xml");
        TestMigrations.apply(ds, loader, "db/ledger-changelog.xml");
        Map<String, Object> props = new HashMap<>();
        props.put("javax.persistence.nonJtaDataSource", ds);
        props.put("eclipselink.logging.level", "WARNING");
        EntityManagerFactory coreEmf = new PersistenceProvider().createEntityManagerFactory("domus.core", props);
        EntityManagerFactory ledgerEmf = new PersistenceProvider().createEntityManagerFactory("domus.ledger", props);
        ResourceLocalJpaTemplate coreJpa = new ResourceLocalJpaTemplate(coreEmf);
        Clock clock = Clock.systemUTC();
        AccountServiceImpl accounts =
                AccountServiceImpl.create(coreJpa, new Argon2PasswordHasher(), new PasswordPolicy(), clock);
        RoleBasedAccessPolicy policy = new RoleBasedAccessPolicy(
                List.of(new RegistryGrants(), new LedgerGrants()), new JpaRegistryDirectory(coreJpa), clock);
        RegistryServiceImpl registry = RegistryServiceImpl.create(coreJpa, policy, clock);
        LedgerServiceImpl ledger =
                LedgerServiceImpl.create(new ResourceLocalJpaTemplate(ledgerEmf), policy, registry, clock);
        ChargeServiceImpl charges = ChargeServiceImpl.create(ledger);
        BillingServiceImpl billing = BillingServiceImpl.create(ledger, List.of());
        PaymentServiceImpl payments = PaymentServiceImpl.create(ledger);

        System.out.printf(
                Locale.ROOT,
                "Domus ledger benchmark: %d units, %d months, embedded Derby in %s, %s %s, %d cores, max heap %d MB,"
                        + " derby.language.sequence.preallocator=%s%n%n",
                units,
                months,
                dir,
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("derby.language.sequence.preallocator", "(Derby's default)"));

        long start = System.nanoTime();
        CooperativeGenerator.Result demo = new CooperativeGenerator(registry, accounts)
                .generateIfEmpty(new CooperativeGenerator.Settings(
                        units,
                        seed,
                        "admin",
                        "Bench-Admin-Pass-2026",
                        "resident",
                        "Bench-Resident-Pass-2026",
                        "Bench-Staff-Pass-2026",
                        // one organisation with every unit: the figures are those of one large cooperative
                        1));
        System.out.printf(
                Locale.ROOT,
                "Registry: %d units, %d buildings generated in %.1f s%n",
                demo.units(),
                demo.buildings(),
                seconds(start));
        Subject admin = subject(accounts, "admin");
        // A reused database was generated before: its (single) organisation is the one in the registry.
        Organisation org = demo.organisation() != null
                ? demo.organisation()
                : registry.organisations(admin).get(0);

        List<Long> unitIds = new ArrayList<>();
        for (int offset = 0; ; offset += 1000) {
            List<Long> page = registry.units(admin, UnitFilter.NONE, offset, 1000).items().stream()
                    .map(Unit::id)
                    .toList();
            unitIds.addAll(page);
            if (page.size() < 1000) {
                break;
            }
        }
        if (reused) {
            System.out.printf(Locale.ROOT, "Reusing the ledger generated before (%s) in %s%n%n", signature, dir);
        } else {
            start = System.nanoTime();
            List<ChargeComponent> components = chargeComponents(charges, admin, org.id());
            Random random = new Random(seed);
            for (long unitId : unitIds) {
                charges.declarePersons(
                        admin,
                        unitId,
                        1 + random.nextInt(4),
                        FIRST.minusYears(1).atDay(1));
            }
            System.out.printf(
                    Locale.ROOT,
                    "Charges: %d components with rates, persons declared for %d units in %.1f s%n%n",
                    components.size(),
                    unitIds.size(),
                    seconds(start));

            // ---- 1. billing run vs raw JDBC batch insert ----------------------------------------------------
            BillingScope scope = new BillingScope(ScopeType.ORGANISATION, org.id());
            Map<YearMonth, Map<Long, BigDecimal>> dues = new HashMap<>();
            System.out.printf(
                    Locale.ROOT,
                    "1. Billing run (%d units x %d components, organisation-wide) vs raw JDBC batch insert of the same"
                            + " postings into LEDGER_POSTING (batches of 1000, one commit)%n",
                    unitIds.size(),
                    components.size());
            String format = "| %-8s | %9s | %11s | %12s | %11s | %12s | %8s |%n";
            System.out.printf(
                    Locale.ROOT,
                    format,
                    "month",
                    "postings",
                    "billing s",
                    "billing /s",
                    "raw JDBC s",
                    "raw /s",
                    "ratio");
            System.out.printf(
                    Locale.ROOT,
                    format,
                    "-".repeat(8),
                    "-".repeat(9),
                    "-".repeat(11),
                    "-".repeat(12),
                    "-".repeat(11),
                    "-".repeat(12),
                    "-".repeat(8));
            Heap.reset();
            double[] ratios = new double[rounds];
            double[] billingRates = new double[rounds];
            double[] rawRates = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                YearMonth month = FIRST.plusMonths(r);
                long t = System.nanoTime();
                BillingResult result = billing.run(admin, scope, month, null);
                double billingSeconds = seconds(t);
                dues.put(month, dueByUnit(result));
                long transactionId = transactionOf(ds, result.run().id());
                List<Object[]> rows = postingsOf(ds, transactionId);
                double rawSeconds = rawInsert(ds, org.id(), rows);
                billingRates[r] = rows.size() / billingSeconds;
                rawRates[r] = rows.size() / rawSeconds;
                ratios[r] = billingRates[r] / rawRates[r];
                System.out.printf(
                        Locale.ROOT,
                        format,
                        month + (r == 0 ? "*" : ""),
                        rows.size(),
                        String.format(Locale.ROOT, "%.2f", billingSeconds),
                        String.format(Locale.ROOT, "%.0f", billingRates[r]),
                        String.format(Locale.ROOT, "%.2f", rawSeconds),
                        String.format(Locale.ROOT, "%.0f", rawRates[r]),
                        String.format(Locale.ROOT, "%.0f%%", ratios[r] * 100));
                System.out.flush();
            }
            // The first run also creates every unit's receivable account and warms the JIT: the summary is over
            // the later rounds when there are any.
            int from = rounds > 1 ? 1 : 0;
            System.out.printf(
                    Locale.ROOT,
                    "(* first run: also creates the %d unit accounts)%nBilling run: median %.0f postings/s, raw JDBC"
                            + " median %.0f rows/s, median ratio %.0f%% of raw (target >= 50%%)%n",
                    unitIds.size(),
                    median(billingRates, from),
                    median(rawRates, from),
                    median(ratios, from) * 100);
            Heap.report("billing runs");

            // ---- 2. generation of the history, then balance + turnover ---------------------------------------
            System.out.printf(
                    Locale.ROOT,
                    "%n2. Ledger of %d units x %d months of charges and payments, through BillingService.run and"
                            + " PaymentService.recordAll (batches of " + PAYMENT_BATCH + ")%n",
                    unitIds.size(),
                    months);
            Heap.reset();
            long generation = System.nanoTime();
            double billingTotal = 0;
            double paymentTotal = 0;
            long paymentCount = 0;
            for (int m = 0; m < months; m++) {
                YearMonth month = FIRST.plusMonths(m);
                if (!dues.containsKey(month)) {
                    long t = System.nanoTime();
                    dues.put(month, dueByUnit(billing.run(admin, scope, month, null)));
                    billingTotal += seconds(t);
                }
                long t = System.nanoTime();
                List<NewPayment> batch = new ArrayList<>(PAYMENT_BATCH);
                for (Map.Entry<Long, BigDecimal> due : dues.remove(month).entrySet()) {
                    BigDecimal amount = paid(due.getValue(), random);
                    if (amount.signum() > 0) {
                        batch.add(new NewPayment(
                                due.getKey(),
                                amount,
                                month.atDay(5 + random.nextInt(20)),
                                PaymentMethod.BANK,
                                "VS" + due.getKey()));
                        paymentCount++;
                    }
                    if (batch.size() == PAYMENT_BATCH) {
                        payments.recordAll(admin, batch);
                        batch.clear();
                    }
                }
                if (!batch.isEmpty()) {
                    payments.recordAll(admin, batch);
                }
                paymentTotal += seconds(t);
                if ((m + 1) % 6 == 0 || m == months - 1) {
                    long postings = count(ds, "SELECT COUNT(*) FROM LEDGER_POSTING");
                    double elapsed = seconds(generation);
                    System.out.printf(
                            Locale.ROOT,
                            "  %s: %,d postings, %.0f s, %.0f postings/s so far%n",
                            month,
                            postings,
                            elapsed,
                            postings / elapsed);
                    System.out.flush();
                }
            }
            long postings = count(ds, "SELECT COUNT(*) FROM LEDGER_POSTING");
            System.out.printf(
                    Locale.ROOT,
                    "Generated %,d postings in %.0f s (billing runs %.0f s; %,d payments in %.0f s = %.0f payments/s)%n",
                    postings,
                    seconds(generation),
                    billingTotal,
                    paymentCount,
                    paymentTotal,
                    paymentCount / paymentTotal);
            Heap.report("generation");
            Files.writeString(marker, signature);
        }

        Heap.reset();
        YearMonth last = FIRST.plusMonths(months - 1);
        YearMonth first = last.minusMonths(11);
        Subject manager = subject(accounts, "manager");
        Subject resident = subject(accounts, "resident");
        long residentUnit = registry.myUnits(resident).stream()
                .map(Holding::unit)
                .mapToLong(Unit::id)
                .findFirst()
                .orElseThrow();
        Map<Long, Long> accountOf = unitAccounts(ds);
        Random pick = new Random(seed + 1);
        System.out.printf(
                Locale.ROOT,
                "Balance + 12-month turnover sheet (%s..%s), %d warm-up and %d measured calls each%n",
                first,
                last,
                warmup,
                iterations);
        String lformat = "| %-62s | %8s | %8s | %8s | %8s |%n";
        System.out.printf(Locale.ROOT, lformat, "call", "p50 ms", "p99 ms", "max ms", "p99 x base");
        System.out.printf(
                Locale.ROOT, lformat, "-".repeat(62), "-".repeat(8), "-".repeat(8), "-".repeat(8), "-".repeat(10));
        Latency base = latency(warmup, iterations, () -> {
            long unit = unitIds.get(pick.nextInt(unitIds.size()));
            jdbcSheet(ds, accountOf.get(unit), first, last);
        });
        printLatency(lformat, "baseline: JDBC account by id + 12 month rows (random units)", base, base);
        LedgerService service = ledger;
        Latency staff = latency(warmup, iterations, () -> {
            long unit = unitIds.get(pick.nextInt(unitIds.size()));
            service.balance(manager, unit);
            service.turnover(manager, unit, first, last);
        });
        printLatency(lformat, "LedgerService balance + turnover, manager, random units", staff, base);
        Latency own = latency(warmup, iterations, () -> {
            service.balance(resident, residentUnit);
            service.turnover(resident, residentUnit, first, last);
        });
        printLatency(lformat, "LedgerService balance + turnover, resident, own unit", own, base);
        System.out.printf(
                Locale.ROOT,
                "Target p99 < 25 ms: manager %s, resident %s%n",
                staff.p99() < 25 ? "met" : "NOT met",
                own.p99() < 25 ? "met" : "NOT met");
        Heap.report("balance + turnover");

        // Staff reports over the whole book: the arrears list (first page, and every row as an XLSX download)
        // and the board's 12-month transparency report, for the organisation-wide manager.
        Heap.reset();
        LedgerReportsImpl reports = new LedgerReportsImpl(ledger);
        int reportWarmup = Math.max(1, warmup / 40);
        int reportIterations = Math.max(5, iterations / 100);
        long[] debtors = new long[1];
        Latency arrears = latency(
                reportWarmup,
                reportIterations,
                () -> debtors[0] = reports.arrears(
                                manager, new ArrearsQuery(null, null, null, null, null, ArrearsSort.DEBT, true, 0, 50))
                        .total());
        Latency download = latency(
                reportWarmup,
                reportIterations,
                () -> xlsx(reports.arrears(manager, ArrearsQuery.all()).items()));
        Latency board =
                latency(reportWarmup, reportIterations, () -> reports.transparency(manager, org.id(), first, last));
        System.out.printf(
                Locale.ROOT,
                "Staff reports (%,d debtors of %,d units), %d warm-up and %d measured calls each%n",
                debtors[0],
                unitIds.size(),
                reportWarmup,
                reportIterations);
        System.out.printf(Locale.ROOT, lformat, "call", "p50 ms", "p99 ms", "max ms", "p99 x base");
        System.out.printf(
                Locale.ROOT, lformat, "-".repeat(62), "-".repeat(8), "-".repeat(8), "-".repeat(8), "-".repeat(10));
        printLatency(lformat, "arrears list, first page of 50 by debt", arrears, base);
        printLatency(lformat, "arrears list, every row as XLSX", download, base);
        printLatency(lformat, "transparency report, 12 months", board, base);
        Heap.report("reports");
        ledgerEmf.close();
        coreEmf.close();
    }

    /** The arrears rows as the XLSX download writes them. */
    private static byte[] xlsx(List<Arrear> rows) {
        Table.Builder table = Table.builder("Arrears")
                .column("Address", ColumnType.TEXT)
                .column("Unit", ColumnType.TEXT)
                .column("Holders", ColumnType.TEXT)
                .column("Debt", ColumnType.MONEY)
                .column("Since", ColumnType.MONTH)
                .column("Months", ColumnType.INTEGER);
        for (Arrear a : rows) {
            table.row(
                    a.address(),
                    a.unitNumber(),
                    String.join(", ", a.holders()),
                    a.debt(),
                    a.since(),
                    a.monthsOverdue());
        }
        return TableFormat.XLSX.toBytes(table.build(), Locale.ROOT);
    }

    // ---- setup ---------------------------------------------------------------------------------------

    private static Subject subject(AccountServiceImpl accounts, String login) {
        return accounts.subjectOf(accounts.findByLogin(login).orElseThrow().id())
                .orElseThrow();
    }

    /** Eight components of a Czech cooperative's monthly advance, every basis that needs no provider. */
    private static List<ChargeComponent> chargeComponents(ChargeServiceImpl charges, Subject admin, long orgId) {
        Object[][] defs = {
            {"FEE", "Správa družstva", ChargeBasis.PER_UNIT, "250"},
            {"REPAIR_FUND", "Fond oprav", ChargeBasis.PER_AREA, "35.50"},
            {"HEATING", "Záloha na teplo", ChargeBasis.PER_AREA, "28.7500"},
            {"HOT_WATER", "Záloha na teplou vodu", ChargeBasis.PER_PERSON, "310"},
            {"COLD_WATER", "Záloha na studenou vodu", ChargeBasis.PER_PERSON, "180"},
            {"WASTE", "Odpad", ChargeBasis.PER_PERSON, "75"},
            {"LIFT", "Výtah", ChargeBasis.PER_UNIT, "60"},
            {"INSURANCE", "Pojištění domu", ChargeBasis.BY_SHARE, "12000"},
        };
        List<ChargeComponent> result = new ArrayList<>();
        LocalDate since = FIRST.minusYears(1).atDay(1);
        int priority = 10;
        for (Object[] d : defs) {
            ChargeComponent c = charges.createComponent(
                    admin,
                    new ChargeComponent(
                            0, orgId, (String) d[0], (String) d[1], (ChargeBasis) d[2], null, priority, true, 0));
            priority += 10;
            charges.addRate(admin, c.id(), RateLevel.ORGANISATION, orgId, new BigDecimal((String) d[3]), since);
            result.add(c);
        }
        return result;
    }

    private static Map<Long, BigDecimal> dueByUnit(BillingResult result) {
        Map<Long, BigDecimal> due = new HashMap<>();
        for (ChargeLine line : result.lines()) {
            due.merge(line.unitId(), line.amount(), BigDecimal::add);
        }
        return due;
    }

    /** Most pay exactly, some nothing this month, some round up to the next hundred. */
    private static BigDecimal paid(BigDecimal due, Random random) {
        int r = random.nextInt(100);
        if (r < 5) {
            return BigDecimal.ZERO;
        }
        if (r < 15) {
            return due.divide(new BigDecimal(100), 0, java.math.RoundingMode.CEILING)
                    .add(BigDecimal.ONE)
                    .multiply(new BigDecimal(100))
                    .setScale(2);
        }
        return due;
    }

    // ---- raw JDBC -------------------------------------------------------------------------------------

    private static long transactionOf(EmbeddedDataSource ds, long runId) throws SQLException {
        try (Connection c = ds.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT TRANSACTION_ID FROM LEDGER_BILLING_RUN WHERE ID = ?")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static final String POSTING_COLUMNS = "ACCOUNT_ID, UNIT_ID, COMPONENT_ID, PERIOD, AMOUNT, CURRENCY,"
            + " BOOKING_DATE, CREATED_AT, ACTOR_ID, ACTOR_LOGIN";

    private static List<Object[]> postingsOf(EmbeddedDataSource ds, long transactionId) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT " + POSTING_COLUMNS + " FROM LEDGER_POSTING WHERE TRANSACTION_ID = ? ORDER BY ID")) {
            ps.setLong(1, transactionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] row = new Object[10];
                    for (int i = 0; i < 10; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /**
     * Inserts the rows again under a new transaction header in batches of 1000 and commits (timed), then
     * removes them (untimed) so that the books stay balanced for the second benchmark.
     */
    private static double rawInsert(EmbeddedDataSource ds, long orgId, List<Object[]> rows) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            long t = System.nanoTime();
            long header;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO LEDGER_TRANSACTION (ORGANISATION_ID, KIND, BOOKING_DATE, DESCRIPTION,"
                            + " CREATED_AT, ACTOR_LOGIN) VALUES (?, 'MANUAL', CURRENT_DATE, 'bench raw insert',"
                            + " CURRENT_TIMESTAMP, 'bench')",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, orgId);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    header = keys.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO LEDGER_POSTING (TRANSACTION_ID, "
                    + POSTING_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int pending = 0;
                for (Object[] row : rows) {
                    ps.setLong(1, header);
                    for (int i = 0; i < row.length; i++) {
                        ps.setObject(i + 2, row[i]);
                    }
                    ps.addBatch();
                    if (++pending == 1000) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    ps.executeBatch();
                }
            }
            c.commit();
            double elapsed = seconds(t);
            try (PreparedStatement postings =
                            c.prepareStatement("DELETE FROM LEDGER_POSTING WHERE TRANSACTION_ID = ?");
                    PreparedStatement tx = c.prepareStatement("DELETE FROM LEDGER_TRANSACTION WHERE ID = ?")) {
                postings.setLong(1, header);
                postings.executeUpdate();
                tx.setLong(1, header);
                tx.executeUpdate();
            }
            c.commit();
            return elapsed;
        }
    }

    private static Map<Long, Long> unitAccounts(EmbeddedDataSource ds) throws SQLException {
        Map<Long, Long> result = new HashMap<>();
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT UNIT_ID, ID FROM LEDGER_ACCOUNT WHERE KIND = 'UNIT_RECEIVABLE'")) {
            while (rs.next()) {
                result.put(rs.getLong(1), rs.getLong(2));
            }
        }
        return result;
    }

    private static void jdbcSheet(EmbeddedDataSource ds, long accountId, YearMonth first, YearMonth last) {
        try (Connection c = ds.getConnection();
                PreparedStatement account =
                        c.prepareStatement("SELECT CURRENCY, BALANCE FROM LEDGER_ACCOUNT WHERE ID = ?");
                PreparedStatement rows = c.prepareStatement("SELECT PERIOD, CHARGES, PAYMENTS, OTHER FROM"
                        + " LEDGER_ACCOUNT_MONTH WHERE ACCOUNT_ID = ? AND PERIOD BETWEEN ? AND ?")) {
            account.setLong(1, accountId);
            try (ResultSet rs = account.executeQuery()) {
                rs.next();
                rs.getBigDecimal(2);
            }
            rows.setLong(1, accountId);
            rows.setInt(2, first.getYear() * 100 + first.getMonthValue());
            rows.setInt(3, last.getYear() * 100 + last.getMonthValue());
            try (ResultSet rs = rows.executeQuery()) {
                while (rs.next()) {
                    rs.getBigDecimal(2);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(EmbeddedDataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---- figures -------------------------------------------------------------------------------------

    private static double median(double[] values, int from) {
        double[] v = Arrays.copyOfRange(values, from, values.length);
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
