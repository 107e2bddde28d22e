package org.domus.ledger.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.domus.core.DomusException;
import org.domus.core.DomusException.Kind;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.access.RegistryLocation;
import org.domus.core.audit.AuditTrail;
import org.domus.core.registry.Page;
import org.domus.core.registry.RegistryService;
import org.domus.ledger.AccountKind;
import org.domus.ledger.LedgerAccount;
import org.domus.ledger.LedgerAmounts;
import org.domus.ledger.LedgerPermissions;
import org.domus.ledger.LedgerService;
import org.domus.ledger.LedgerTransaction;
import org.domus.ledger.NewTransaction;
import org.domus.ledger.Posting;
import org.domus.ledger.PostingLine;
import org.domus.ledger.TransactionKind;
import org.domus.ledger.TurnoverMonth;
import org.domus.ledger.TurnoverSheet;
import org.domus.ledger.UnitBalance;
import org.domus.persistence.MigratedSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;

/** The books over LEDGER_BOOK, LEDGER_ACCOUNT, LEDGER_TRANSACTION, LEDGER_POSTING and LEDGER_ACCOUNT_MONTH. */
@Component(service = {LedgerService.class, LedgerServiceImpl.class})
public class LedgerServiceImpl implements LedgerService {

    static final String UNIT_TARGET = "(osgi.unit.name=domus.ledger)";
    static final String SCHEMA_TARGET = "(" + MigratedSchema.PROPERTY + "=org.domus.ledger)";

    private final JpaTemplate jpa;
    private final LedgerAccess access;
    private final Clock clock;
    private final LedgerEventPublisher events;

    @Activate
    public LedgerServiceImpl(
            @Reference(target = UNIT_TARGET) JpaTemplate jpa,
            @Reference(target = SCHEMA_TARGET) MigratedSchema schema,
            @Reference AccessPolicy policy,
            @Reference RegistryService registry) {
        this(jpa, policy, registry, Clock.systemUTC());
    }

    /** For tests and benchmarks outside OSGi (a factory, so SCR sees one public constructor). */
    public static LedgerServiceImpl create(
            JpaTemplate jpa, AccessPolicy policy, RegistryService registry, Clock clock) {
        return new LedgerServiceImpl(jpa, policy, registry, clock);
    }

    private LedgerServiceImpl(JpaTemplate jpa, AccessPolicy policy, RegistryService registry, Clock clock) {
        this.jpa = Objects.requireNonNull(jpa);
        this.access = new LedgerAccess(Objects.requireNonNull(policy), Objects.requireNonNull(registry));
        this.clock = Objects.requireNonNull(clock);
        this.events = new LedgerEventPublisher();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setEventAdmin(EventAdmin eventAdmin) {
        events.set(eventAdmin);
    }

    void unsetEventAdmin(EventAdmin eventAdmin) {
        events.unset(eventAdmin);
    }

    JpaTemplate jpa() {
        return jpa;
    }

    LedgerAccess access() {
        return access;
    }

    Clock clock() {
        return clock;
    }

    LedgerEventPublisher events() {
        return events;
    }

    Instant now() {
        return clock.instant();
    }

    // ---- posting -----------------------------------------------------------------------------------

    @Override
    public LedgerTransaction post(Subject actor, NewTransaction tx) {
        access.organisation(actor, LedgerPermissions.POST, tx.organisationId());
        if (tx.bookingDate() == null) {
            throw new DomusException(Kind.INVALID, "ledger.booking-date.missing");
        }
        String description = text(tx.description(), 200, "ledger.description.invalid");
        LedgerTransaction posted = jpa.txExpr(TransactionType.Required, em -> {
            List<Books.Line> lines = new ArrayList<>();
            Map<Long, LedgerAccount> accounts = new TreeMap<>();
            for (PostingLine line : tx.lines()) {
                LedgerAccount account = accounts.computeIfAbsent(line.accountId(), id -> Books.account(em, id)
                        .filter(a -> a.organisationId() == tx.organisationId())
                        .orElseThrow(() -> new DomusException(Kind.INVALID, "ledger.account.not-found", id)));
                lines.add(new Books.Line(Books.ref(account), line.amount(), line.componentId(), line.period()));
            }
            Books.Header header = new Books.Header(
                    tx.organisationId(),
                    TransactionKind.MANUAL,
                    TransactionKind.MANUAL,
                    tx.bookingDate(),
                    description,
                    tx.reference(),
                    null,
                    null);
            return writeAndRead(em, header, lines, actor, "ledger.transaction.post");
        });
        events.transactionPosted(posted, actor);
        return posted;
    }

    /** Writes a checked transaction with its audit event and reads it back. */
    LedgerTransaction writeAndRead(
            EntityManager em, Books.Header header, List<Books.Line> lines, Subject actor, String action) {
        Instant at = now();
        long id = Books.write(em, header, lines, new Books.Stamp(actor, at));
        BigDecimal debits = lines.stream()
                .map(Books.Line::amount)
                .filter(a -> a.signum() > 0)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("organisationId", header.organisationId());
        after.put("kind", header.kind().name());
        after.put("bookingDate", header.bookingDate().toString());
        after.put("description", header.description());
        after.put("postings", lines.size());
        after.put("debits", debits.setScale(LedgerAmounts.SCALE).toPlainString());
        if (header.reversesId() != null) {
            after.put("reverses", header.reversesId());
        }
        if (header.billingRunId() != null) {
            after.put("billingRun", header.billingRunId());
        }
        AuditTrail.record(em, actor, at, action, "ledger-transaction", id, null, after);
        if (lines.size() > 1000) {
            // A billing run: the caller needs the id only; its postings are read through the unit ledgers.
            return new LedgerTransaction(
                    id,
                    header.organisationId(),
                    header.kind(),
                    header.bookingDate(),
                    header.description(),
                    header.reference(),
                    header.reversesId(),
                    null,
                    header.billingRunId(),
                    at,
                    actor.accountId() <= 0 ? null : actor.accountId(),
                    actor.login(),
                    List.of());
        }
        return Books.transaction(em, id).orElseThrow();
    }

    @Override
    public LedgerTransaction reverse(Subject actor, long transactionId, LocalDate bookingDate, String reason) {
        LedgerTransaction original = jpa.txExpr(TransactionType.Required, em -> Books.transaction(em, transactionId))
                .orElseThrow(() -> new DomusException(Kind.NOT_FOUND, "ledger.transaction.not-found"));
        access.organisation(actor, LedgerPermissions.POST, original.organisationId());
        if (original.billingRunId() != null) {
            throw new DomusException(Kind.INVALID, "ledger.transaction.billing-run", original.billingRunId());
        }
        LedgerTransaction reversal = jpa.txExpr(
                TransactionType.Required,
                em -> reverseIn(em, original, bookingDate, reason, null, actor, "ledger.transaction.reverse"));
        events.transactionPosted(reversal, actor);
        return reversal;
    }

    /** Posts the reversal of {@code original} in the caller's transaction (billing runs use it too). */
    LedgerTransaction reverseIn(
            EntityManager em,
            LedgerTransaction original,
            LocalDate bookingDate,
            String reason,
            Long billingRunId,
            Subject actor,
            String action) {
        if (original.kind() == TransactionKind.REVERSAL) {
            throw new DomusException(Kind.INVALID, "ledger.transaction.reversal-of-reversal");
        }
        // Re-read inside this transaction; the unique REVERSES_ID constraint settles a concurrent race.
        if (Books.transaction(em, original.id()).orElseThrow().reversedById() != null) {
            throw new DomusException(Kind.CONFLICT, "ledger.transaction.already-reversed", original.id());
        }
        LocalDate booking = bookingDate == null ? LocalDate.now(clock) : bookingDate;
        // Each posting names its account, unit and currency: no account needs reading again.
        Map<Long, Books.AccountRef> refs = new java.util.HashMap<>();
        List<Books.Line> lines = new ArrayList<>(original.postings().size());
        for (Posting p : original.postings()) {
            Books.AccountRef ref = refs.computeIfAbsent(
                    p.accountId(),
                    id -> new Books.AccountRef(
                            id,
                            original.organisationId(),
                            p.unitId() == null ? null : AccountKind.UNIT_RECEIVABLE,
                            p.unitId(),
                            p.currency()));
            lines.add(new Books.Line(ref, p.amount().negate(), p.componentId(), p.period()));
        }
        String description = Books.truncate(
                "Reversal of " + original.id() + (reason == null || reason.isBlank() ? "" : ": " + reason.strip()),
                200);
        Books.Header header = new Books.Header(
                original.organisationId(),
                TransactionKind.REVERSAL,
                original.kind(),
                booking,
                description,
                original.reference(),
                original.id(),
                billingRunId);
        return writeAndRead(em, header, lines, actor, action);
    }

    @Override
    public LedgerTransaction transaction(Subject actor, long transactionId) {
        LedgerTransaction tx = jpa.txExpr(TransactionType.Required, em -> Books.transaction(em, transactionId))
                .orElseThrow(() -> new DomusException(Kind.NOT_FOUND, "ledger.transaction.not-found"));
        access.organisation(actor, LedgerPermissions.READ, tx.organisationId());
        return tx;
    }

    // ---- accounts ----------------------------------------------------------------------------------

    @Override
    public LedgerAccount organisationAccount(Subject actor, long organisationId, AccountKind kind, Long componentId) {
        access.organisation(actor, LedgerPermissions.POST, organisationId);
        if (kind == AccountKind.UNIT_RECEIVABLE || (kind == AccountKind.INCOME) != (componentId != null)) {
            throw new DomusException(Kind.INVALID, "ledger.account.kind.invalid", kind);
        }
        return jpa.txExpr(TransactionType.Required, em -> organisationAccountIn(em, organisationId, kind, componentId));
    }

    /** The organisation account, created (under the book lock) on first use. */
    LedgerAccount organisationAccountIn(EntityManager em, long organisationId, AccountKind kind, Long componentId) {
        String currency = currencyIn(em, organisationId);
        String code = Books.organisationCode(kind, componentId, currency);
        return Books.account(em, organisationId, code).orElseGet(() -> {
            Books.lockBook(em, organisationId);
            return Books.account(em, organisationId, code).orElseGet(() -> Books.createAccounts(
                            em,
                            List.of(new LedgerAccount(
                                    0,
                                    organisationId,
                                    kind,
                                    code,
                                    kind == AccountKind.INCOME
                                            ? "Income of component " + componentId
                                            : kind.name().charAt(0)
                                                    + kind.name().substring(1).toLowerCase(java.util.Locale.ROOT),
                                    null,
                                    componentId,
                                    currency,
                                    null)),
                            now())
                    .get(0));
        });
    }

    @Override
    public List<LedgerAccount> organisationAccounts(Subject actor, long organisationId) {
        access.organisation(actor, LedgerPermissions.READ, organisationId);
        return jpa.txExpr(TransactionType.Required, em -> Books.organisationAccounts(em, organisationId));
    }

    @Override
    public LedgerAccount unitAccount(Subject actor, long unitId) {
        RegistryLocation location = access.unit(actor, LedgerPermissions.POST, unitId, false);
        return jpa.txExpr(TransactionType.Required, em -> unitAccountIn(em, location));
    }

    /** The unit's receivable account, created (under the book lock) on first use. */
    LedgerAccount unitAccountIn(EntityManager em, RegistryLocation unit) {
        long organisationId = unit.organisationId();
        String currency = currencyIn(em, organisationId);
        String code = Books.unitCode(unit.unitId(), currency);
        return Books.account(em, organisationId, code).orElseGet(() -> {
            Books.lockBook(em, organisationId);
            return Books.account(em, organisationId, code)
                    .orElseGet(() -> Books.createAccounts(em, List.of(newUnitAccount(unit, currency)), now())
                            .get(0));
        });
    }

    static LedgerAccount newUnitAccount(RegistryLocation unit, String currency) {
        return new LedgerAccount(
                0,
                unit.organisationId(),
                AccountKind.UNIT_RECEIVABLE,
                Books.unitCode(unit.unitId(), currency),
                "Unit " + unit.unitId(),
                unit.unitId(),
                null,
                currency,
                null);
    }

    /** The currency of the organisation's books; the book is opened in the registry's currency on first use. */
    String currencyIn(EntityManager em, long organisationId) {
        return Books.bookCurrency(em, organisationId).orElseGet(() -> {
            String currency = access.currencyOf(organisationId);
            Books.createBook(em, organisationId, currency, now());
            return currency;
        });
    }

    // ---- reads -------------------------------------------------------------------------------------

    @Override
    public UnitBalance balance(Subject actor, long unitId) {
        RegistryLocation unit = access.unit(actor, LedgerPermissions.READ, unitId, true);
        return jpa.txExpr(TransactionType.Required, em -> {
            String currency = Books.bookCurrency(em, unit.organisationId())
                    .orElseGet(() -> access.currencyOf(unit.organisationId()));
            return Books.account(em, unit.organisationId(), Books.unitCode(unitId, currency))
                    .map(a -> new UnitBalance(unitId, a.id(), currency, a.balance()))
                    .orElseGet(() -> new UnitBalance(unitId, null, currency, zero()));
        });
    }

    @Override
    public TurnoverSheet turnover(Subject actor, long unitId, YearMonth from, YearMonth to) {
        if (from == null
                || to == null
                || from.isAfter(to)
                || from.plusMonths(120).isBefore(to)) {
            throw new DomusException(Kind.INVALID, "ledger.turnover.range.invalid");
        }
        UnitBalance balance = balance(actor, unitId);
        if (balance.accountId() == null) {
            List<TurnoverMonth> months = new ArrayList<>();
            for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                months.add(new TurnoverMonth(m, zero(), zero(), zero(), zero(), zero()));
            }
            return new TurnoverSheet(unitId, balance.currency(), months, zero());
        }
        TreeMap<Integer, BigDecimal[]> rows =
                jpa.txExpr(TransactionType.Required, em -> Books.months(em, balance.accountId()));
        return new TurnoverSheet(unitId, balance.currency(), sheet(rows, from, to), balance.balance());
    }

    /** The months from..to of the monthly rows; opening = everything booked before {@code from}. */
    static List<TurnoverMonth> sheet(TreeMap<Integer, BigDecimal[]> rows, YearMonth from, YearMonth to) {
        BigDecimal opening = zero();
        for (BigDecimal[] r : rows.headMap(Books.period(from)).values()) {
            opening = opening.add(r[0]).subtract(r[1]).add(r[2]);
        }
        List<TurnoverMonth> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            BigDecimal[] r = rows.getOrDefault(Books.period(m), new BigDecimal[] {zero(), zero(), zero()});
            BigDecimal closing = opening.add(r[0]).subtract(r[1]).add(r[2]);
            months.add(new TurnoverMonth(m, opening, r[0], r[1], r[2], closing));
            opening = closing;
        }
        return months;
    }

    @Override
    public Page<Posting> postings(Subject actor, long unitId, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new DomusException(Kind.INVALID, "ledger.page.invalid");
        }
        UnitBalance balance = balance(actor, unitId);
        if (balance.accountId() == null) {
            return new Page<>(List.of(), 0, offset, limit);
        }
        return jpa.txExpr(
                TransactionType.Required,
                em -> new Page<>(
                        Books.postingsOfAccount(em, balance.accountId(), offset, limit),
                        Books.countPostings(em, balance.accountId()),
                        offset,
                        limit));
    }

    static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(LedgerAmounts.SCALE);
    }

    static String text(String value, int max, String key) {
        String s = value == null ? "" : value.strip();
        if (s.isEmpty() || s.length() > max) {
            throw new DomusException(Kind.INVALID, key, max);
        }
        return s;
    }
}
