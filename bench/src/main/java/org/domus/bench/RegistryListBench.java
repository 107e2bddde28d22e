package org.domus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.persistence.EntityManagerFactory;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.RoleGrant;
import org.domus.core.access.ScopeType;
import org.domus.core.account.Account;
import org.domus.core.account.NewAccount;
import org.domus.core.internal.access.RoleBasedAccessPolicy;
import org.domus.core.internal.account.AccountServiceImpl;
import org.domus.core.internal.account.Argon2PasswordHasher;
import org.domus.core.internal.account.PasswordPolicy;
import org.domus.core.internal.registry.JpaRegistryDirectory;
import org.domus.core.internal.registry.RegistryGrants;
import org.domus.core.internal.registry.RegistryServiceImpl;
import org.domus.core.registry.Building;
import org.domus.core.registry.BuildingFilter;
import org.domus.core.registry.PersonFilter;
import org.domus.core.registry.RegistryService;
import org.domus.core.registry.UnitFilter;
import org.domus.demo.internal.CooperativeGenerator;
import org.domus.persistence.testing.ResourceLocalJpaTemplate;
import org.domus.persistence.testing.TestMigrations;
import org.eclipse.persistence.jpa.PersistenceProvider;

/**
 * Generates a demo cooperative (10,000 units by default) into a fresh embedded Derby database with the
 * core's real changelog and services, then times the staff list views' queries through the
 * {@link RegistryService} as the UI issues them, for an organisation-wide and a building-scoped subject.
 * Every figure is also given as a ratio to a plain JDBC primary-key page of the same table measured in
 * the same run, so that results from different machines can be compared.
 *
 * <p>System properties: {@code bench.units} (10000), {@code bench.seed} (20260101), {@code bench.warmup}
 * (5), {@code bench.iterations} (25), {@code bench.dir} (target/bench-derby).
 */
public final class RegistryListBench {

    private static final int PAGE = 50;

    private RegistryListBench() {}

    public static void main(String[] args) throws Exception {
        int units = Integer.getInteger("bench.units", 10_000);
        long seed = Long.getLong("bench.seed", 20260101L);
        int warmup = Integer.getInteger("bench.warmup", 5);
        int iterations = Integer.getInteger("bench.iterations", 25);
        Path dir = Path.of(System.getProperty("bench.dir", "target/bench-derby"));
        deleteTree(dir);
        Files.createDirectories(dir);

        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("domus").toString());
        ds.setCreateDatabase("create");
        TestMigrations.apply(ds, RegistryServiceImpl.class.getClassLoader(), "db/core-changelog.xml");
        Map<String, Object> props = new HashMap<>();
        props.put("javax.persistence.nonJtaDataSource", ds);
        props.put("eclipselink.logging.level", "WARNING");
        EntityManagerFactory emf = new PersistenceProvider().createEntityManagerFactory("domus.core", props);
        ResourceLocalJpaTemplate jpa = new ResourceLocalJpaTemplate(emf);
        Clock clock = Clock.systemUTC();
        // The product's own password hashing (OWASP parameters), so the generator's time is what Karaf sees.
        AccountServiceImpl accounts =
                AccountServiceImpl.create(jpa, new Argon2PasswordHasher(), new PasswordPolicy(), clock);
        RegistryService registry = RegistryServiceImpl.create(
                jpa,
                new RoleBasedAccessPolicy(List.of(new RegistryGrants()), new JpaRegistryDirectory(jpa), clock),
                clock);

        System.out.printf(
                Locale.ROOT,
                "Domus registry benchmark: %d units, embedded Derby in %s, %s %s, %d cores%n%n",
                units,
                dir,
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());

        long start = System.nanoTime();
        CooperativeGenerator.Result result = new CooperativeGenerator(registry, accounts)
                .generateIfEmpty(new CooperativeGenerator.Settings(
                        units,
                        seed,
                        "admin",
                        "Bench-Admin-Pass-2026",
                        "resident",
                        "Bench-Resident-Pass-2026",
                        "Bench-Staff-Pass-2026"));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "Generator: %d units, %d buildings, %d persons, %d tenures, %d accounts in %.1f s = %.0f units/s%n%n",
                result.units(),
                result.buildings(),
                result.persons(),
                result.tenures(),
                result.logins().size(),
                seconds,
                result.units() / seconds);

        Subject orgManager = accounts.subjectOf(
                        accounts.findByLogin("manager").orElseThrow().id())
                .orElseThrow();
        Building building = registry.buildings(orgManager, BuildingFilter.NONE, 0, 1)
                .items()
                .get(0);
        Account bm = accounts.create(
                new NewAccount(
                        "bench.building-manager",
                        "Building Manager",
                        null,
                        "Bench-Staff-Pass-2026".toCharArray(),
                        Set.of(),
                        null,
                        false),
                null);
        accounts.setGrants(bm.id(), Set.of(RoleGrant.scoped(Role.MANAGER, ScopeType.BUILDING, building.id())), null);
        Subject buildingManager = accounts.subjectOf(bm.id()).orElseThrow();

        String street =
                building.street().substring(0, Math.min(6, building.street().length()));
        Timing baseline = time(warmup, iterations, () -> jdbcPage(ds));
        header(warmup, iterations);
        print(new Row("baseline: JDBC primary-key page of 50 (CORE_UNIT)", "-", baseline), baseline);
        for (Map.Entry<String, Subject> who :
                Map.of("organisation", orgManager, "building", buildingManager).entrySet().stream()
                        .sorted(Map.Entry.<String, Subject>comparingByKey().reversed())
                        .toList()) {
            Subject s = who.getValue();
            long total = registry.countUnits(s, UnitFilter.NONE);
            int deep = (int) Math.max(0, total - PAGE - (total / 10)); // well past the middle
            Map<String, Supplier<Object>> queries = new LinkedHashMap<>();
            queries.put("units: first page of 50", () -> registry.units(s, UnitFilter.NONE, 0, PAGE));
            queries.put("units: page at offset " + deep, () -> registry.units(s, UnitFilter.NONE, deep, PAGE));
            queries.put(
                    "units: street '" + street + "'",
                    () -> registry.units(s, new UnitFilter(null, null, street, null, null), 0, PAGE));
            queries.put(
                    "units: unit number '12'",
                    () -> registry.units(s, new UnitFilter(null, null, null, "12", null), 0, PAGE));
            queries.put(
                    "units: person name 'nov'",
                    () -> registry.units(s, new UnitFilter(null, null, null, null, "nov"), 0, PAGE));
            queries.put("units: count", () -> registry.countUnits(s, UnitFilter.NONE));
            queries.put("persons: first page of 50", () -> registry.persons(s, PersonFilter.NONE, 0, PAGE));
            queries.put("persons: name 'nov'", () -> registry.persons(s, new PersonFilter("nov", null), 0, PAGE));
            for (Map.Entry<String, Supplier<Object>> q : queries.entrySet()) {
                Timing t = time(warmup, iterations, q.getValue());
                print(new Row(q.getKey(), who.getKey() + " (" + total + ")", t), baseline);
            }
        }
        emf.close();
    }

    private static Object jdbcPage(EmbeddedDataSource ds) {
        try (Connection c = ds.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT * FROM CORE_UNIT ORDER BY ID OFFSET 0 ROWS FETCH NEXT 50 ROWS ONLY");
                ResultSet rs = s.executeQuery()) {
            int n = 0;
            while (rs.next()) {
                rs.getObject(1);
                n++;
            }
            return n;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Median and p95; {@code runs} is less than asked when one call alone took longer than {@link #SLOW_MS}. */
    record Timing(double medianMs, double p95Ms, int runs) {}

    record Row(String query, String scope, Timing timing) {}

    /** A query slower than this per call is measured only {@link #SLOW_RUNS} times (no warm-up repeats). */
    private static final double SLOW_MS = 1000;

    private static final int SLOW_RUNS = 3;

    private static Timing time(int warmup, int iterations, Supplier<Object> query) {
        long first = System.nanoTime();
        query.get();
        boolean slow = (System.nanoTime() - first) / 1e6 > SLOW_MS;
        for (int i = 1; i < (slow ? 0 : warmup); i++) {
            query.get();
        }
        int runs = slow ? SLOW_RUNS : iterations;
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            query.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        java.util.Arrays.sort(ms);
        return new Timing(ms[runs / 2], ms[Math.min(runs - 1, (int) Math.ceil(runs * 0.95) - 1)], runs);
    }

    private static final String FORMAT = "| %-50s | %-20s | %10s | %10s | %9s |%n";

    private static void header(int warmup, int iterations) {
        System.out.printf(
                Locale.ROOT,
                "List views through RegistryService (%d warm-up and %d measured runs each; queries slower than %.0f ms"
                        + " per call: %d runs, marked *)%n",
                warmup,
                iterations,
                SLOW_MS,
                SLOW_RUNS);
        System.out.printf(Locale.ROOT, FORMAT, "query", "scope (units)", "median ms", "p95 ms", "x base");
        System.out.printf(
                Locale.ROOT, FORMAT, "-".repeat(50), "-".repeat(20), "-".repeat(10), "-".repeat(10), "-".repeat(9));
    }

    private static void print(Row r, Timing baseline) {
        System.out.printf(
                Locale.ROOT,
                FORMAT,
                r.query(),
                r.scope(),
                String.format(Locale.ROOT, "%.2f", r.timing().medianMs()),
                String.format(Locale.ROOT, "%.2f", r.timing().p95Ms()),
                String.format(Locale.ROOT, "%.1f", r.timing().medianMs() / baseline.medianMs())
                        + (r.timing().runs() == SLOW_RUNS ? "*" : ""));
        System.out.flush();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
