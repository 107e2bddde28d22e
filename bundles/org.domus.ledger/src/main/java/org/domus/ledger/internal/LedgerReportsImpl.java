package org.domus.ledger.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.domus.core.DomusException;
import org.domus.core.DomusException.Kind;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.access.RegistryLocation;
import org.domus.core.access.RegistryScope;
import org.domus.core.access.ScopeType;
import org.domus.core.registry.Building;
import org.domus.core.registry.BuildingFilter;
import org.domus.core.registry.Holding;
import org.domus.core.registry.Page;
import org.domus.core.registry.RegistryService;
import org.domus.core.registry.Unit;
import org.domus.core.registry.UnitFilter;
import org.domus.ledger.AccountKind;
import org.domus.ledger.Arrear;
import org.domus.ledger.ArrearsQuery;
import org.domus.ledger.ArrearsSort;
import org.domus.ledger.ChargeComponent;
import org.domus.ledger.LedgerAmounts;
import org.domus.ledger.LedgerPermissions;
import org.domus.ledger.LedgerReports;
import org.domus.ledger.TransparencyReport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The arrears list and the transparency report, read in SQL from what the books keep with every posting:
 * the accounts' running balances and their per-month sums (LEDGER_ACCOUNT_MONTH). No unit's postings are
 * replayed: the arrears list reads a debtor's monthly charges newest first only until they cover its debt.
 */
@Component(service = LedgerReports.class)
public class LedgerReportsImpl implements LedgerReports {

    /** Months read in the first pass of the "since when" walk; older ones only for the debts they do not cover. */
    static final int RECENT_MONTHS = 24;

    private static final int REGISTRY_PAGE = 1000;
    private static final int IN_CHUNK = 500;
    private static final BigDecimal CENT = new BigDecimal("0.01");

    private final LedgerServiceImpl ledger;
    private final JpaTemplate jpa;
    private final LedgerAccess access;

    @Activate
    public LedgerReportsImpl(@Reference LedgerServiceImpl ledger) {
        this.ledger = Objects.requireNonNull(ledger);
        this.jpa = ledger.jpa();
        this.access = ledger.access();
    }

    // ---- arrears -----------------------------------------------------------------------------------

    /** A debtor account as the books hold it. */
    private record Debtor(long accountId, long unitId, long organisationId, String currency, BigDecimal debt) {}

    /** A debtor with its place in the registry and its oldest unpaid month. */
    private record Row(Debtor debtor, Unit unit, Building building, long estateId, YearMonth since, int months) {}

    @Override
    public Page<Arrear> arrears(Subject subject, ArrearsQuery query) {
        ArrearsQuery q = Objects.requireNonNull(query, "query");
        if (q.offset() < 0 || q.limit() < 1 || q.limit() > MAX_ARREARS) {
            throw new DomusException(Kind.INVALID, "ledger.page.invalid");
        }
        AccessPolicy policy = access.policy();
        RegistryScope scope = policy.registryScope(subject, LedgerPermissions.READ);
        if (scope.isEmpty()) {
            // Residents (and staff without the permission) have no arrears list at all.
            throw new DomusException(Kind.FORBIDDEN, "error.forbidden", LedgerPermissions.READ.name());
        }
        Optional<RegistryLocation> organisation = filter(policy, scope, ScopeType.ORGANISATION, q.organisationId());
        Optional<RegistryLocation> estate = filter(policy, scope, ScopeType.ESTATE, q.estateId());
        Optional<RegistryLocation> building = filter(policy, scope, ScopeType.BUILDING, q.buildingId());

        BigDecimal minimum = q.minAmount() == null || q.minAmount().compareTo(CENT) < 0 ? CENT : q.minAmount();
        Long organisationId = organisation.map(RegistryLocation::organisationId).orElse(null);
        List<Debtor> debtors = jpa.txExpr(TransactionType.Required, em -> debtors(em, organisationId, minimum));
        if (debtors.isEmpty()) {
            return new Page<>(List.of(), 0, q.offset(), q.limit());
        }

        RegistryService registry = access.registry();
        Map<Long, Long> estateOrganisation = new HashMap<>();
        pages(o -> registry.estates(LedgerAccess.SYSTEM, o, REGISTRY_PAGE))
                .forEach(e -> estateOrganisation.put(e.id(), e.organisationId()));
        Long estateFilter = estate.map(RegistryLocation::estateId).orElse(null);
        Map<Long, Building> buildings = new HashMap<>();
        pages(o -> registry.buildings(LedgerAccess.SYSTEM, new BuildingFilter(estateFilter, null), o, REGISTRY_PAGE))
                .forEach(b -> buildings.put(b.id(), b));
        Long buildingFilter = building.map(RegistryLocation::buildingId).orElse(null);
        Map<Long, Unit> units = new HashMap<>();
        UnitFilter unitFilter = new UnitFilter(estateFilter, buildingFilter, null, null, null);
        pages(o -> registry.units(LedgerAccess.SYSTEM, unitFilter, o, REGISTRY_PAGE))
                .forEach(u -> units.put(u.id(), u));

        List<Debtor> visible = new ArrayList<>();
        Map<Long, Object[]> placed = new HashMap<>();
        for (Debtor d : debtors) {
            Unit unit = units.get(d.unitId());
            Building b = unit == null ? null : buildings.get(unit.buildingId());
            Long estateId = b == null ? null : b.estateId();
            if (unit == null || b == null || !Objects.equals(estateOrganisation.get(estateId), d.organisationId())) {
                continue; // outside the filters
            }
            if (!scope.covers(new RegistryLocation(d.organisationId(), estateId, b.id(), unit.id()))) {
                continue;
            }
            visible.add(d);
            placed.put(d.accountId(), new Object[] {unit, b});
        }
        YearMonth now = YearMonth.now(ledger.clock());
        Map<Long, YearMonth> since = jpa.txExpr(TransactionType.Required, em -> since(em, visible, now));

        int minMonths = q.minMonths() == null ? 0 : q.minMonths();
        List<Row> rows = new ArrayList<>();
        for (Debtor d : visible) {
            YearMonth first = since.getOrDefault(d.accountId(), now);
            int months = (int) Math.max(0, ChronoUnit.MONTHS.between(first, now));
            if (months < minMonths) {
                continue;
            }
            Object[] where = placed.get(d.accountId());
            Building b = (Building) where[1];
            rows.add(new Row(d, (Unit) where[0], b, b.estateId(), first, months));
        }
        rows.sort(order(q.sort() == null ? ArrearsSort.DEBT : q.sort(), q.descending()));

        int from = Math.min(q.offset(), rows.size());
        int to = (int) Math.min((long) from + q.limit(), rows.size());
        List<Row> page = rows.subList(from, to);
        Map<Long, List<Holding.Holder>> holders = page.isEmpty()
                ? Map.of()
                : registry.currentHolders(
                        LedgerAccess.SYSTEM,
                        page.stream().map(r -> r.unit().id()).toList(),
                        LocalDate.now(ledger.clock()));
        List<Arrear> items = new ArrayList<>(page.size());
        for (Row r : page) {
            items.add(new Arrear(
                    r.unit().id(),
                    r.unit().number(),
                    r.building().id(),
                    r.building().address(),
                    r.estateId(),
                    r.debtor().organisationId(),
                    holders.getOrDefault(r.unit().id(), List.of()).stream()
                            .map(Holding.Holder::name)
                            .distinct()
                            .toList(),
                    r.debtor().currency(),
                    r.debtor().debt(),
                    r.since(),
                    r.months()));
        }
        return new Page<>(items, rows.size(), q.offset(), q.limit());
    }

    /**
     * Locates a filter's organisation, estate or building. A place the scope covers is fine, and so is one
     * that holds part of the scope (a building manager filtering by his estate sees his buildings); a place
     * with nothing of the scope in it is refused.
     */
    private static Optional<RegistryLocation> filter(
            AccessPolicy policy, RegistryScope scope, ScopeType type, Long id) {
        if (id == null) {
            return Optional.empty();
        }
        RegistryLocation place =
                policy.locate(type, id).orElseThrow(() -> new DomusException(Kind.NOT_FOUND, "ledger.scope.not-found"));
        if (scope.covers(place) || holdsPartOfScope(policy, scope, type, place)) {
            return Optional.of(place);
        }
        throw new DomusException(Kind.FORBIDDEN, "error.forbidden", LedgerPermissions.READ.name());
    }

    private static boolean holdsPartOfScope(
            AccessPolicy policy, RegistryScope scope, ScopeType type, RegistryLocation place) {
        List<RegistryLocation> parts = new ArrayList<>();
        scope.estateIds().forEach(id -> policy.locate(ScopeType.ESTATE, id).ifPresent(parts::add));
        scope.buildingIds().forEach(id -> policy.locate(ScopeType.BUILDING, id).ifPresent(parts::add));
        scope.unitIds().forEach(id -> policy.locate(null, id).ifPresent(parts::add));
        for (RegistryLocation part : parts) {
            boolean inside =
                    switch (type) {
                        case ORGANISATION -> part.organisationId() == place.organisationId();
                        case ESTATE -> Objects.equals(part.estateId(), place.estateId());
                        case BUILDING -> Objects.equals(part.buildingId(), place.buildingId());
                        default -> false;
                    };
            if (inside) {
                return true;
            }
        }
        return false;
    }

    private static Comparator<Row> order(ArrearsSort sort, boolean descending) {
        Comparator<Row> c =
                switch (sort) {
                    case DEBT -> Comparator.comparing((Row r) -> r.debtor().debt());
                    case AGE -> Comparator.comparingInt(Row::months)
                            .thenComparing(r -> r.debtor().debt());
                    case UNIT -> Comparator.comparing((Row r) -> r.building().street(), String.CASE_INSENSITIVE_ORDER)
                            .thenComparing(r -> r.building().number(), ADDRESS_NUMBER)
                            .thenComparing(r -> r.unit().number(), ADDRESS_NUMBER);
                };
        if (descending) {
            c = c.reversed();
        }
        return c.thenComparingLong(r -> r.unit().id());
    }

    /** House and unit numbers in natural order: 2 before 10, 10 before 10a. */
    static final Comparator<String> ADDRESS_NUMBER = (a, b) -> {
        String x = a == null ? "" : a;
        String y = b == null ? "" : b;
        String dx = x.replaceAll("^(\\d*).*$", "$1");
        String dy = y.replaceAll("^(\\d*).*$", "$1");
        if (!dx.isEmpty() && !dy.isEmpty()) {
            int byNumber = new java.math.BigInteger(dx).compareTo(new java.math.BigInteger(dy));
            if (byNumber != 0) {
                return byNumber;
            }
        }
        return x.compareToIgnoreCase(y);
    };

    private static List<Debtor> debtors(EntityManager em, Long organisationId, BigDecimal minimum) {
        String sql = "SELECT ID, UNIT_ID, ORGANISATION_ID, CURRENCY, BALANCE FROM LEDGER_ACCOUNT"
                + " WHERE KIND = ? AND UNIT_ID IS NOT NULL AND BALANCE >= ?"
                + (organisationId == null ? "" : " AND ORGANISATION_ID = ?");
        try (PreparedStatement ps = Books.connection(em).prepareStatement(sql)) {
            ps.setString(1, AccountKind.UNIT_RECEIVABLE.name());
            ps.setBigDecimal(2, minimum.setScale(LedgerAmounts.SCALE, java.math.RoundingMode.UP));
            if (organisationId != null) {
                ps.setLong(3, organisationId);
            }
            List<Debtor> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new Debtor(
                            rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getBigDecimal(5)));
                }
            }
            return result;
        } catch (SQLException e) {
            throw Books.failure(e);
        }
    }

    /**
     * The oldest unpaid month of each debtor. Payments settle the oldest charges first, so what is open are
     * the newest charges that add up to the debt: walking the monthly charge sums (charges net of reversals
     * plus positive manual postings, as {@link Allocation} counts them) from the newest month back, the month
     * where they reach the debt is the answer. The first pass reads the recent months of all debtors at once;
     * only debts older than that are walked further.
     */
    private static Map<Long, YearMonth> since(EntityManager em, Collection<Debtor> debtors, YearMonth now) {
        Map<Long, BigDecimal> owed = new LinkedHashMap<>();
        for (Debtor d : debtors) {
            owed.put(d.accountId(), d.debt());
        }
        Map<Long, YearMonth> result = new HashMap<>();
        if (owed.isEmpty()) {
            return result;
        }
        Map<Long, BigDecimal> covered = new HashMap<>();
        Map<Long, Integer> earliest = new HashMap<>();
        int boundary = Books.period(now.minusMonths(RECENT_MONTHS - 1L));
        Connection c = Books.connection(em);
        try {
            try (PreparedStatement ps = c.prepareStatement("SELECT m.ACCOUNT_ID, m.PERIOD, m.CHARGES, m.OTHER"
                    + " FROM LEDGER_ACCOUNT_MONTH m JOIN LEDGER_ACCOUNT a ON a.ID = m.ACCOUNT_ID"
                    + " WHERE a.KIND = ? AND a.BALANCE > 0 AND m.PERIOD >= ?"
                    + " ORDER BY m.ACCOUNT_ID, m.PERIOD DESC")) {
                ps.setString(1, AccountKind.UNIT_RECEIVABLE.name());
                ps.setInt(2, boundary);
                walk(ps, owed, covered, earliest, result);
            }
            List<Long> open =
                    owed.keySet().stream().filter(id -> !result.containsKey(id)).toList();
            for (int i = 0; i < open.size(); i += IN_CHUNK) {
                List<Long> chunk = open.subList(i, Math.min(open.size(), i + IN_CHUNK));
                String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement("SELECT ACCOUNT_ID, PERIOD, CHARGES, OTHER"
                        + " FROM LEDGER_ACCOUNT_MONTH WHERE PERIOD < ? AND ACCOUNT_ID IN (" + marks + ")"
                        + " ORDER BY ACCOUNT_ID, PERIOD DESC")) {
                    ps.setInt(1, boundary);
                    for (int k = 0; k < chunk.size(); k++) {
                        ps.setLong(k + 2, chunk.get(k));
                    }
                    walk(ps, owed, covered, earliest, result);
                }
            }
        } catch (SQLException e) {
            throw Books.failure(e);
        }
        // A debt larger than every charge on record (an opening balance, a refund) is as old as the account.
        for (Long id : owed.keySet()) {
            if (!result.containsKey(id)) {
                Integer first = earliest.get(id);
                result.put(id, first == null ? now : Books.yearMonth(first));
            }
        }
        return result;
    }

    private static void walk(
            PreparedStatement ps,
            Map<Long, BigDecimal> owed,
            Map<Long, BigDecimal> covered,
            Map<Long, Integer> earliest,
            Map<Long, YearMonth> result)
            throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long account = rs.getLong(1);
                BigDecimal debt = owed.get(account);
                if (debt == null || result.containsKey(account)) {
                    continue;
                }
                int period = rs.getInt(2);
                BigDecimal charged = rs.getBigDecimal(3).add(rs.getBigDecimal(4).max(BigDecimal.ZERO));
                earliest.merge(account, period, Math::min);
                BigDecimal sum = covered.merge(account, charged, BigDecimal::add);
                if (charged.signum() > 0 && sum.compareTo(debt) >= 0) {
                    result.put(account, Books.yearMonth(period));
                }
            }
        }
    }

    private static <T> List<T> pages(Function<Integer, Page<T>> read) {
        List<T> all = new ArrayList<>();
        for (int offset = 0; ; offset += REGISTRY_PAGE) {
            Page<T> page = read.apply(offset);
            all.addAll(page.items());
            if (page.items().size() < REGISTRY_PAGE || offset + REGISTRY_PAGE >= page.total()) {
                return all;
            }
        }
    }

    // ---- transparency ------------------------------------------------------------------------------

    @Override
    public TransparencyReport transparency(Subject subject, long organisationId, YearMonth from, YearMonth to) {
        access.organisation(subject, LedgerPermissions.READ, organisationId);
        if (from == null
                || to == null
                || from.isAfter(to)
                || from.plusMonths(MAX_REPORT_MONTHS - 1L).isBefore(to)) {
            throw new DomusException(Kind.INVALID, "ledger.turnover.range.invalid");
        }
        String currency = access.currencyOf(organisationId);
        List<ChargeComponent> known = ChargeServiceImpl.create(ledger).componentsOf(organisationId);
        return jpa.txExpr(TransactionType.Required, em -> {
            try {
                return new Transparency(organisationId, currency, from, to).read(em, known);
            } catch (SQLException e) {
                throw Books.failure(e);
            }
        });
    }

    /** One report being read: per-month sums of the organisation's own accounts. */
    private static final class Transparency {
        private final long organisationId;
        private final String currency;
        private final YearMonth from;
        private final YearMonth to;
        private final int first;
        private final int last;

        Transparency(long organisationId, String currency, YearMonth from, YearMonth to) {
            this.organisationId = organisationId;
            this.currency = currency;
            this.from = from;
            this.to = to;
            this.first = Books.period(from);
            this.last = Books.period(to);
        }

        TransparencyReport read(EntityManager em, List<ChargeComponent> known) throws SQLException {
            Connection c = Books.connection(em);
            // period -> component -> charges; period -> kind -> {charges, payments, other}
            Map<Integer, Map<Long, BigDecimal>> charges = new HashMap<>();
            Map<Integer, Map<AccountKind, BigDecimal[]>> kinds = new HashMap<>();
            // current balances and later movements of bank and cash, for the month-end balances
            Map<AccountKind, BigDecimal> balance = new EnumMap<>(AccountKind.class);
            Map<AccountKind, Map<Integer, BigDecimal>> movement = new EnumMap<>(AccountKind.class);
            try (PreparedStatement ps = c.prepareStatement("SELECT a.KIND, BALANCE FROM LEDGER_ACCOUNT a"
                    + " WHERE a.ORGANISATION_ID = ? AND a.UNIT_ID IS NULL AND a.CURRENCY = ?"
                    + " AND a.KIND IN ('BANK', 'CASH')")) {
                ps.setLong(1, organisationId);
                ps.setString(2, currency);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        balance.merge(AccountKind.valueOf(rs.getString(1)), rs.getBigDecimal(2), BigDecimal::add);
                    }
                }
            }
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT a.KIND, a.COMPONENT_ID, m.PERIOD, m.CHARGES, m.PAYMENTS, m.OTHER"
                            + " FROM LEDGER_ACCOUNT_MONTH m JOIN LEDGER_ACCOUNT a ON a.ID = m.ACCOUNT_ID"
                            + " WHERE a.ORGANISATION_ID = ? AND a.UNIT_ID IS NULL AND a.CURRENCY = ?"
                            + " AND m.PERIOD >= ?")) {
                ps.setLong(1, organisationId);
                ps.setString(2, currency);
                ps.setInt(3, first);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        AccountKind kind = AccountKind.valueOf(rs.getString(1));
                        long component = rs.getLong(2);
                        boolean hasComponent = !rs.wasNull();
                        int period = rs.getInt(3);
                        // Signed like postings (debit positive); the table keeps payments as credits.
                        BigDecimal[] sums = {
                            rs.getBigDecimal(4), rs.getBigDecimal(5).negate(), rs.getBigDecimal(6)
                        };
                        if (kind == AccountKind.BANK || kind == AccountKind.CASH) {
                            movement.computeIfAbsent(kind, k -> new HashMap<>())
                                    .merge(period, sums[0].add(sums[1]).add(sums[2]), BigDecimal::add);
                        }
                        if (period > last) {
                            continue;
                        }
                        if (kind == AccountKind.INCOME && hasComponent) {
                            // Income is credited: charges billed are the negated credit.
                            charges.computeIfAbsent(period, p -> new HashMap<>())
                                    .merge(component, sums[0].negate(), BigDecimal::add);
                        }
                        BigDecimal[] into = kinds.computeIfAbsent(period, p -> new EnumMap<>(AccountKind.class))
                                .computeIfAbsent(kind, k -> new BigDecimal[] {zero(), zero(), zero()});
                        for (int i = 0; i < 3; i++) {
                            into[i] = into[i].add(sums[i]);
                        }
                    }
                }
            }
            Map<Integer, BigDecimal> refunds = refunds(c);

            List<ChargeComponent> components = new ArrayList<>();
            for (ChargeComponent k : known) {
                if (charges.values().stream().anyMatch(m -> m.containsKey(k.id()))) {
                    components.add(k);
                }
            }
            List<TransparencyReport.Month> months = new ArrayList<>();
            BigDecimal[] componentTotals = new BigDecimal[components.size()];
            java.util.Arrays.fill(componentTotals, zero());
            BigDecimal payments = zero();
            BigDecimal refunded = zero();
            BigDecimal expenses = zero();
            Map<AccountKind, BigDecimal> other = new EnumMap<>(AccountKind.class);
            TransparencyReport.Month previous = null;
            for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                int p = Books.period(m);
                Map<Long, BigDecimal> billed = charges.getOrDefault(p, Map.of());
                List<BigDecimal> perComponent = new ArrayList<>();
                BigDecimal total = zero();
                for (int i = 0; i < components.size(); i++) {
                    BigDecimal amount = billed.getOrDefault(components.get(i).id(), zero());
                    perComponent.add(amount);
                    total = total.add(amount);
                    componentTotals[i] = componentTotals[i].add(amount);
                }
                Map<AccountKind, BigDecimal[]> k = kinds.getOrDefault(p, Map.of());
                BigDecimal refund = refunds.getOrDefault(p, zero());
                // Bank and cash receive payments and pay refunds back: their payment column is the net of both.
                BigDecimal net = column(k, AccountKind.BANK, 1).add(column(k, AccountKind.CASH, 1));
                BigDecimal paid = net.add(refund);
                BigDecimal expense = column(k, AccountKind.EXPENSE, 2)
                        .add(column(k, AccountKind.EXPENSE, 0))
                        .add(column(k, AccountKind.EXPENSE, 1));
                Map<AccountKind, BigDecimal> others = new EnumMap<>(AccountKind.class);
                for (AccountKind kind :
                        List.of(AccountKind.INCOME, AccountKind.BANK, AccountKind.CASH, AccountKind.SUSPENSE)) {
                    BigDecimal amount = column(k, kind, 2);
                    if (k.containsKey(kind) && amount.signum() != 0) {
                        others.put(kind, amount);
                        other.merge(kind, amount, BigDecimal::add);
                    }
                }
                TransparencyReport.Month month = new TransparencyReport.Month(
                        m,
                        perComponent,
                        total,
                        paid,
                        refund,
                        expense,
                        others,
                        closing(balance, movement, AccountKind.BANK, p),
                        closing(balance, movement, AccountKind.CASH, p));
                months.add(month);
                payments = payments.add(paid);
                refunded = refunded.add(refund);
                expenses = expenses.add(expense);
                previous = month;
            }
            BigDecimal chargesTotal = java.util.Arrays.stream(componentTotals).reduce(zero(), BigDecimal::add);
            TransparencyReport.Month totals = new TransparencyReport.Month(
                    null,
                    List.of(componentTotals),
                    chargesTotal,
                    payments,
                    refunded,
                    expenses,
                    other,
                    previous.bankBalance(),
                    previous.cashBalance());
            return new TransparencyReport(
                    organisationId,
                    currency,
                    from,
                    to,
                    components.stream()
                            .map(k -> new TransparencyReport.Component(k.id(), k.code(), k.name()))
                            .toList(),
                    months,
                    totals);
        }

        /**
         * Refunds per booking month: debits of unit accounts by REFUND transactions, less the reversals of
         * refunds. Refunds are few: the transactions are found through the index by organisation, kind and
         * date first, and only their postings are read.
         */
        private Map<Integer, BigDecimal> refunds(Connection c) throws SQLException {
            Map<Long, Integer> months = new HashMap<>();
            java.util.Set<Long> everyRefund = new java.util.HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT ID, BOOKING_DATE, KIND, REVERSES_ID"
                    + " FROM LEDGER_TRANSACTION WHERE ORGANISATION_ID = ? AND KIND IN ('REFUND', 'REVERSAL')")) {
                ps.setLong(1, organisationId);
                List<Object[]> reversals = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        YearMonth booked = YearMonth.from(rs.getDate(2).toLocalDate());
                        boolean inRange = !booked.isBefore(from) && !booked.isAfter(to);
                        if ("REFUND".equals(rs.getString(3))) {
                            everyRefund.add(id);
                            if (inRange) {
                                months.put(id, Books.period(booked));
                            }
                        } else if (inRange) {
                            reversals.add(new Object[] {id, Books.period(booked), rs.getLong(4)});
                        }
                    }
                }
                for (Object[] r : reversals) {
                    if (everyRefund.contains((Long) r[2])) {
                        months.put((Long) r[0], (Integer) r[1]);
                    }
                }
            }
            Map<Integer, BigDecimal> result = new HashMap<>();
            List<Long> ids = new ArrayList<>(months.keySet());
            for (int i = 0; i < ids.size(); i += IN_CHUNK) {
                List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + IN_CHUNK));
                String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement("SELECT p.TRANSACTION_ID, p.AMOUNT FROM LEDGER_POSTING p"
                        + " WHERE p.UNIT_ID IS NOT NULL AND p.CURRENCY = ? AND p.TRANSACTION_ID IN (" + marks + ")")) {
                    ps.setString(1, currency);
                    for (int k = 0; k < chunk.size(); k++) {
                        ps.setLong(k + 2, chunk.get(k));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            result.merge(months.get(rs.getLong(1)), rs.getBigDecimal(2), BigDecimal::add);
                        }
                    }
                }
            }
            return result;
        }

        private static BigDecimal column(Map<AccountKind, BigDecimal[]> sums, AccountKind kind, int column) {
            BigDecimal[] s = sums.get(kind);
            return s == null ? zero() : s[column];
        }

        /** The balance at the end of the month: today's balance less every later month's movement. */
        private static BigDecimal closing(
                Map<AccountKind, BigDecimal> balance,
                Map<AccountKind, Map<Integer, BigDecimal>> movement,
                AccountKind kind,
                int period) {
            BigDecimal result = balance.getOrDefault(kind, zero());
            for (Map.Entry<Integer, BigDecimal> e :
                    movement.getOrDefault(kind, Map.of()).entrySet()) {
                if (e.getKey() > period) {
                    result = result.subtract(e.getValue());
                }
            }
            return result;
        }

        private static BigDecimal zero() {
            return BigDecimal.ZERO.setScale(LedgerAmounts.SCALE);
        }
    }
}
