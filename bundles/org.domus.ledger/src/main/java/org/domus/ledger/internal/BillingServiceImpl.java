package org.domus.ledger.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.domus.core.DomusException;
import org.domus.core.DomusException.Kind;
import org.domus.core.Subject;
import org.domus.core.access.RegistryLocation;
import org.domus.core.audit.AuditTrail;
import org.domus.core.registry.Estate;
import org.domus.core.registry.Page;
import org.domus.core.registry.RegistryService;
import org.domus.core.registry.Unit;
import org.domus.core.registry.UnitFilter;
import org.domus.ledger.AccountKind;
import org.domus.ledger.BillingProgress;
import org.domus.ledger.BillingResult;
import org.domus.ledger.BillingRun;
import org.domus.ledger.BillingRunState;
import org.domus.ledger.BillingScope;
import org.domus.ledger.BillingService;
import org.domus.ledger.ChargeBasis;
import org.domus.ledger.ChargeBasisProvider;
import org.domus.ledger.ChargeComponent;
import org.domus.ledger.ChargeLine;
import org.domus.ledger.ChargeRate;
import org.domus.ledger.Exemption;
import org.domus.ledger.LedgerAccount;
import org.domus.ledger.LedgerAmounts;
import org.domus.ledger.LedgerEvents;
import org.domus.ledger.LedgerPermissions;
import org.domus.ledger.LedgerTransaction;
import org.domus.ledger.Posting;
import org.domus.ledger.TransactionKind;
import org.domus.ledger.payment.PaymentDue;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Billing runs over LEDGER_BILLING_RUN. The registry is read (units, areas, shares) with the ledger's
 * system subject once access to the scope was decided for the caller; the whole run is one database
 * transaction under the organisation's book lock.
 */
@Component(service = BillingService.class)
public class BillingServiceImpl implements BillingService {

    private static final Logger LOG = LoggerFactory.getLogger(BillingServiceImpl.class);

    private static final int REGISTRY_PAGE = 1000;

    private final LedgerServiceImpl ledger;
    private final ChargeServiceImpl charges;
    private final JpaTemplate jpa;
    private final LedgerAccess access;
    private final Map<String, ChargeBasisProvider> providers = new ConcurrentHashMap<>();

    @Activate
    public BillingServiceImpl(@Reference LedgerServiceImpl ledger) {
        this.ledger = Objects.requireNonNull(ledger);
        this.charges = ChargeServiceImpl.create(ledger);
        this.jpa = ledger.jpa();
        this.access = ledger.access();
    }

    /** For tests and benchmarks outside OSGi. */
    public static BillingServiceImpl create(LedgerServiceImpl ledger, List<ChargeBasisProvider> providers) {
        BillingServiceImpl service = new BillingServiceImpl(ledger);
        providers.forEach(service::addProvider);
        return service;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProvider(ChargeBasisProvider provider) {
        providers.put(provider.key(), provider);
    }

    void removeProvider(ChargeBasisProvider provider) {
        providers.remove(provider.key(), provider);
    }

    // ---- preview and run ---------------------------------------------------------------------------

    @Override
    public BillingResult preview(Subject actor, BillingScope scope, YearMonth month, BillingProgress progress) {
        return compute(actor, scope, month, progress, false);
    }

    @Override
    public BillingResult run(Subject actor, BillingScope scope, YearMonth month, BillingProgress progress) {
        BillingResult result = compute(actor, scope, month, progress, true);
        if (!result.alreadyPosted() && result.run() != null) {
            LOG.info(
                    "Billing run {} {}: posted run {} ({} units, {} {}) by {}",
                    month,
                    scope,
                    result.run().id(),
                    result.units(),
                    result.total(),
                    result.currency(),
                    actor.login());
        }
        if (!result.alreadyPosted() && result.run() != null) {
            ledger.events()
                    .send(LedgerEvents.BILLING_RUN_POSTED, result.run().organisationId(), actor, postedProps(result));
        }
        return result;
    }

    /**
     * The posted run's properties with what it charged each unit, so that a receiver can tell each unit's
     * residents their amount without reading the ledger.
     */
    private static Map<String, Object> postedProps(BillingResult result) {
        Map<String, Object> props = props(result.run(), result.run().transactionId());
        Map<Long, BigDecimal> perUnit = new TreeMap<>();
        for (ChargeLine line : result.lines()) {
            perUnit.merge(line.unitId(), line.amount(), BigDecimal::add);
        }
        props.put(
                LedgerEvents.UNIT_IDS,
                perUnit.keySet().stream().mapToLong(Long::longValue).toArray());
        props.put(
                LedgerEvents.AMOUNTS,
                perUnit.values().stream()
                        .map(a -> a.setScale(LedgerAmounts.SCALE).toPlainString())
                        .toArray(String[]::new));
        props.put(LedgerEvents.CURRENCY, result.currency());
        props.put(LedgerEvents.MONTH, result.run().month().toString());
        props.put(
                LedgerEvents.DUE_DATE,
                PaymentDue.dueDateOf(result.run().month()).toString());
        return props;
    }

    private BillingResult compute(
            Subject actor, BillingScope scope, YearMonth month, BillingProgress progress, boolean post) {
        Objects.requireNonNull(month, "month");
        BillingProgress report = progress == null ? BillingProgress.NONE : progress;
        RegistryLocation location = access.scope(actor, LedgerPermissions.BILLING, scope.type(), scope.id());
        long organisationId = location.organisationId();
        List<ChargeCalculator.UnitFacts> units = units(scope, location, report);
        List<ChargeComponent> components = charges.componentsOf(organisationId).stream()
                .filter(ChargeComponent::active)
                .toList();
        int period = Books.period(month);
        return jpa.txExpr(TransactionType.Required, em -> {
            String currency = ledger.currencyIn(em, organisationId);
            if (post) {
                Books.lockBook(em, organisationId);
            }
            String key = BillingRunEntity.key(period, scope);
            List<BillingRunEntity> existing = em.createQuery(
                            "SELECT r FROM BillingRunEntity r WHERE r.runKey = :k", BillingRunEntity.class)
                    .setParameter("k", key)
                    .getResultList();
            if (!existing.isEmpty()) {
                BillingRun run = existing.get(0).view();
                return new BillingResult(run, !post, true, List.of(), run.units(), 0, run.total(), currency);
            }
            Set<Long> billed = billedUnits(em, organisationId, period);
            ChargeCalculator calculator = calculator(em, components, units, month);
            List<ChargeLine> lines = new ArrayList<>();
            int skipped = 0;
            int done = 0;
            Set<Long> charged = new HashSet<>();
            for (ChargeCalculator.UnitFacts unit : units) {
                if (billed.contains(unit.unitId())) {
                    skipped++;
                } else {
                    List<ChargeLine> unitLines = calculator.lines(unit, month);
                    if (!unitLines.isEmpty()) {
                        charged.add(unit.unitId());
                        lines.addAll(unitLines);
                    }
                }
                if (++done % 500 == 0 || done == units.size()) {
                    report.progress(BillingProgress.CHARGES, done, units.size());
                }
            }
            BigDecimal total = lines.stream().map(ChargeLine::amount).reduce(LedgerServiceImpl.zero(), BigDecimal::add);
            if (!post) {
                return new BillingResult(null, true, false, lines, charged.size(), skipped, total, currency);
            }
            BillingRun run =
                    post(em, actor, scope, organisationId, month, currency, lines, charged.size(), total, report);
            return new BillingResult(run, false, false, lines, charged.size(), skipped, total, currency);
        });
    }

    private BillingRun post(
            EntityManager em,
            Subject actor,
            BillingScope scope,
            long organisationId,
            YearMonth month,
            String currency,
            List<ChargeLine> lines,
            int units,
            BigDecimal total,
            BillingProgress report) {
        BillingRunEntity run = new BillingRunEntity();
        run.organisationId = organisationId;
        run.scopeType = scope.type().name();
        run.scopeId = scope.id();
        run.period = Books.period(month);
        run.runKey = BillingRunEntity.key(run.period, scope);
        run.state = BillingRunState.POSTED.name();
        run.units = units;
        run.lines = lines.size();
        run.total = total;
        run.currency = currency;
        run.createdAt = ledger.now();
        run.actorId = actor.accountId() <= 0 ? null : actor.accountId();
        run.actorLogin = actor.login();
        em.persist(run);
        em.flush();
        // Operators (and the killed-run test) see a long run begin and end in karaf.log; in between it is
        // one database transaction, so a run that never logs its end left nothing behind.
        LOG.info("Billing run {} {}: posting {} charge lines of {} units", month, scope, lines.size(), units);
        if (!lines.isEmpty()) {
            List<Books.Line> postings = postings(em, organisationId, currency, month, lines);
            report.progress(BillingProgress.POSTING, 0, postings.size());
            Books.Header header = new Books.Header(
                    organisationId,
                    TransactionKind.CHARGE,
                    TransactionKind.CHARGE,
                    month.atDay(1),
                    "Charges " + month + " " + scope,
                    "BILLING-" + run.id,
                    null,
                    run.id);
            LedgerTransaction tx = ledger.writeAndRead(em, header, postings, actor, "ledger.billing-run.post");
            run.transactionId = tx.id();
            em.flush();
            report.progress(BillingProgress.POSTING, postings.size(), postings.size());
        } else {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("month", month.toString());
            after.put("scope", scope.toString());
            after.put("lines", 0);
            AuditTrail.record(
                    em, actor, run.createdAt, "ledger.billing-run.post", "ledger-billing-run", run.id, null, after);
        }
        return run.view();
    }

    /** Debits of the units per line; one credit per component to its income account. */
    private List<Books.Line> postings(
            EntityManager em, long organisationId, String currency, YearMonth month, List<ChargeLine> lines) {
        Map<Long, LedgerAccount> accounts = Books.unitAccounts(em, organisationId, currency);
        List<LedgerAccount> missing = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (ChargeLine line : lines) {
            if (!accounts.containsKey(line.unitId()) && seen.add(line.unitId())) {
                RegistryLocation unit = new RegistryLocation(organisationId, null, null, line.unitId());
                missing.add(LedgerServiceImpl.newUnitAccount(unit, currency));
            }
        }
        for (LedgerAccount created : Books.createAccounts(em, missing, ledger.now())) {
            accounts.put(created.unitId(), created);
        }
        Map<Long, BigDecimal> byComponent = new TreeMap<>();
        List<Books.Line> result = new ArrayList<>(lines.size() + 16);
        for (ChargeLine line : lines) {
            Books.AccountRef ref = Books.ref(accounts.get(line.unitId()));
            result.add(new Books.Line(ref, line.amount(), line.componentId(), month));
            byComponent.merge(line.componentId(), line.amount(), BigDecimal::add);
        }
        for (Map.Entry<Long, BigDecimal> e : byComponent.entrySet()) {
            LedgerAccount income = ledger.organisationAccountIn(em, organisationId, AccountKind.INCOME, e.getKey());
            result.add(new Books.Line(Books.ref(income), e.getValue().negate(), e.getKey(), month));
        }
        return result;
    }

    /** Units of the scope charged for the month by other posted runs of the organisation. */
    private static Set<Long> billedUnits(EntityManager em, long organisationId, int period) {
        List<?> rows = em.createNativeQuery("SELECT DISTINCT p.UNIT_ID FROM LEDGER_POSTING p JOIN LEDGER_BILLING_RUN r"
                        + " ON p.TRANSACTION_ID = r.TRANSACTION_ID WHERE r.ORGANISATION_ID = ? AND r.PERIOD = ?"
                        + " AND r.STATE = 'POSTED' AND p.UNIT_ID IS NOT NULL")
                .setParameter(1, organisationId)
                .setParameter(2, period)
                .getResultList();
        Set<Long> result = new HashSet<>();
        for (Object o : rows) {
            result.add(((Number) o).longValue());
        }
        return result;
    }

    private ChargeCalculator calculator(
            EntityManager em,
            List<ChargeComponent> components,
            List<ChargeCalculator.UnitFacts> units,
            YearMonth month) {
        List<ChargeRate> rates = new ArrayList<>();
        List<Exemption> exemptions = new ArrayList<>();
        Map<Long, Map<Long, BigDecimal>> provided = new HashMap<>();
        List<Long> unitIds =
                units.stream().map(ChargeCalculator.UnitFacts::unitId).toList();
        for (ChargeComponent c : components) {
            rates.addAll(ChargeServiceImpl.ratesIn(em, c.id()));
            em.createQuery("SELECT x FROM ExemptionEntity x WHERE x.componentId = :c", ExemptionEntity.class)
                    .setParameter("c", c.id())
                    .getResultList()
                    .forEach(x -> exemptions.add(x.view()));
            if (c.basis() == ChargeBasis.PROVIDED) {
                ChargeBasisProvider provider = providers.get(c.provider());
                if (provider == null) {
                    throw new DomusException(Kind.INVALID, "ledger.billing.provider-missing", c.provider());
                }
                provided.put(c.id(), Map.copyOf(provider.quantities(unitIds, month)));
            }
        }
        Map<Long, Integer> persons = new HashMap<>();
        if (components.stream().anyMatch(c -> c.basis() == ChargeBasis.PER_PERSON)) {
            Set<Long> wanted = new HashSet<>(unitIds);
            // Declarations in id order: a later one from the same or a later day supersedes.
            for (PersonsEntity p : em.createQuery(
                            "SELECT p FROM PersonsEntity p WHERE p.validFrom <= :d ORDER BY p.validFrom, p.id",
                            PersonsEntity.class)
                    .setParameter("d", month.atDay(1))
                    .getResultList()) {
                if (wanted.contains(p.unitId)) {
                    persons.put(p.unitId, p.persons);
                }
            }
        }
        return new ChargeCalculator(components, rates, exemptions, persons, provided);
    }

    /** The units of the scope, read from the registry with the ledger's system subject. */
    private List<ChargeCalculator.UnitFacts> units(
            BillingScope scope, RegistryLocation location, BillingProgress report) {
        RegistryService registry = access.registry();
        List<ChargeCalculator.UnitFacts> result = new ArrayList<>();
        List<Long> estates = new ArrayList<>();
        switch (scope.type()) {
            case BUILDING -> addUnits(registry, location.estateId(), scope.id(), location, result, report);
            case ESTATE -> addUnits(registry, scope.id(), null, location, result, report);
            case ORGANISATION -> {
                for (int offset = 0; ; offset += REGISTRY_PAGE) {
                    Page<Estate> page = registry.estates(LedgerAccess.SYSTEM, offset, REGISTRY_PAGE);
                    page.items().stream()
                            .filter(e -> e.organisationId() == scope.id())
                            .forEach(e -> estates.add(e.id()));
                    if (offset + REGISTRY_PAGE >= page.total()) {
                        break;
                    }
                }
                for (Long estate : estates) {
                    addUnits(registry, estate, null, location, result, report);
                }
            }
        }
        return result;
    }

    private static void addUnits(
            RegistryService registry,
            long estateId,
            Long buildingId,
            RegistryLocation location,
            List<ChargeCalculator.UnitFacts> result,
            BillingProgress report) {
        UnitFilter filter = new UnitFilter(estateId, buildingId, null, null, null);
        for (int offset = 0; ; offset += REGISTRY_PAGE) {
            Page<Unit> page = registry.units(LedgerAccess.SYSTEM, filter, offset, REGISTRY_PAGE);
            for (Unit u : page.items()) {
                result.add(new ChargeCalculator.UnitFacts(
                        u.id(), u.buildingId(), estateId, location.organisationId(), u.area(), u.share(), u.state()));
            }
            report.progress(BillingProgress.UNITS, result.size(), (int) Math.max(result.size(), page.total()));
            if (offset + REGISTRY_PAGE >= page.total()) {
                break;
            }
        }
    }

    // ---- reversal and reads ------------------------------------------------------------------------

    @Override
    public BillingRun reverse(Subject actor, long runId, LocalDate bookingDate) {
        BillingRun run = find(runId);
        access.scope(
                actor,
                LedgerPermissions.BILLING,
                run.scope().type(),
                run.scope().id());
        BillingRun reversed = jpa.txExpr(TransactionType.Required, em -> {
            Books.lockBook(em, run.organisationId());
            BillingRunEntity e = em.find(BillingRunEntity.class, runId);
            em.refresh(e);
            if (!BillingRunState.POSTED.name().equals(e.state)) {
                throw new DomusException(Kind.CONFLICT, "ledger.billing.already-reversed", runId);
            }
            LocalDate booking = bookingDate == null ? LocalDate.now(ledger.clock()) : bookingDate;
            if (e.transactionId != null) {
                LedgerTransaction original =
                        Books.transaction(em, e.transactionId).orElseThrow();
                LedgerTransaction reversal = ledger.reverseIn(
                        em, original, booking, "billing run " + runId, runId, actor, "ledger.billing-run.reverse");
                e.reversalId = reversal.id();
            } else {
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("state", BillingRunState.REVERSED.name());
                AuditTrail.record(
                        em,
                        actor,
                        ledger.now(),
                        "ledger.billing-run.reverse",
                        "ledger-billing-run",
                        runId,
                        null,
                        after);
            }
            e.state = BillingRunState.REVERSED.name();
            e.runKey = null;
            e.reversedAt = ledger.now();
            em.flush();
            return e.view();
        });
        ledger.events()
                .send(
                        LedgerEvents.BILLING_RUN_REVERSED,
                        reversed.organisationId(),
                        actor,
                        props(reversed, reversed.reversalId()));
        return reversed;
    }

    private static Map<String, Object> props(BillingRun run, Long transactionId) {
        Map<String, Object> props = new HashMap<>();
        props.put(LedgerEvents.BILLING_RUN_ID, run.id());
        if (transactionId != null) {
            props.put(LedgerEvents.TRANSACTION_ID, transactionId);
        }
        props.put(LedgerEvents.PERIOD, run.month().toString());
        return props;
    }

    private BillingRun find(long runId) {
        BillingRunEntity e = jpa.txExpr(TransactionType.Required, em -> em.find(BillingRunEntity.class, runId));
        if (e == null) {
            throw new DomusException(Kind.NOT_FOUND, "ledger.billing.not-found");
        }
        return e.view();
    }

    @Override
    public BillingRun billingRun(Subject actor, long runId) {
        BillingRun run = find(runId);
        access.scope(
                actor, LedgerPermissions.READ, run.scope().type(), run.scope().id());
        return run;
    }

    @Override
    public List<BillingRun> runs(Subject actor, long organisationId, YearMonth month) {
        access.organisation(actor, LedgerPermissions.READ, organisationId);
        return jpa.txExpr(TransactionType.Required, em -> {
            var query = em.createQuery(
                            "SELECT r FROM BillingRunEntity r WHERE r.organisationId = :o"
                                    + (month == null ? "" : " AND r.period = :p")
                                    + " ORDER BY r.id DESC",
                            BillingRunEntity.class)
                    .setParameter("o", organisationId);
            if (month != null) {
                query.setParameter("p", Books.period(month));
            }
            return query.getResultList().stream().map(BillingRunEntity::view).toList();
        });
    }

    @Override
    public List<ChargeLine> charges(Subject actor, long unitId, YearMonth month) {
        RegistryLocation unit = access.unit(actor, LedgerPermissions.READ, unitId, true);
        int period = Books.period(month);
        return jpa.txExpr(TransactionType.Required, em -> {
            String currency = Books.bookCurrency(em, unit.organisationId()).orElse(null);
            if (currency == null) {
                return List.<ChargeLine>of();
            }
            LedgerAccount account = Books.account(em, unit.organisationId(), Books.unitCode(unitId, currency))
                    .orElse(null);
            if (account == null) {
                return List.<ChargeLine>of();
            }
            Map<Long, BigDecimal> net = new LinkedHashMap<>();
            for (Posting p : Books.allPostingsOfAccount(em, account.id())) {
                boolean charge = p.kind() == TransactionKind.CHARGE || p.kind() == TransactionKind.REVERSAL;
                if (charge && p.componentId() != null && Books.period(p.period()) == period) {
                    net.merge(p.componentId(), p.amount(), BigDecimal::add);
                }
            }
            Map<Long, ChargeComponent> components = new HashMap<>();
            charges.componentsOf(unit.organisationId()).forEach(c -> components.put(c.id(), c));
            List<ChargeLine> lines = new ArrayList<>();
            for (Map.Entry<Long, BigDecimal> e : net.entrySet()) {
                if (e.getValue().signum() == 0) {
                    continue;
                }
                ChargeComponent c = components.get(e.getKey());
                lines.add(new ChargeLine(
                        unitId,
                        e.getKey(),
                        c == null ? null : c.code(),
                        c == null ? null : c.basis(),
                        month,
                        null,
                        null,
                        e.getValue().setScale(LedgerAmounts.SCALE)));
            }
            return lines;
        });
    }
}
