package org.domus.ledger.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.domus.core.DomusException;
import org.domus.core.DomusException.Kind;
import org.domus.core.Subject;
import org.domus.core.access.RegistryLocation;
import org.domus.ledger.AccountKind;
import org.domus.ledger.ChargeComponent;
import org.domus.ledger.LedgerAccount;
import org.domus.ledger.LedgerPermissions;
import org.domus.ledger.LedgerTransaction;
import org.domus.ledger.NewPayment;
import org.domus.ledger.OpenCharge;
import org.domus.ledger.OpenItems;
import org.domus.ledger.PaymentAllocation;
import org.domus.ledger.PaymentMethod;
import org.domus.ledger.PaymentResult;
import org.domus.ledger.PaymentService;
import org.domus.ledger.Posting;
import org.domus.ledger.TransactionKind;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Payments and refunds on the unit receivables; allocation derived by {@link Allocation}. */
@Component(service = PaymentService.class)
public class PaymentServiceImpl implements PaymentService {

    private final LedgerServiceImpl ledger;
    private final ChargeServiceImpl charges;
    private final JpaTemplate jpa;
    private final LedgerAccess access;

    @Activate
    public PaymentServiceImpl(@Reference LedgerServiceImpl ledger) {
        this.ledger = Objects.requireNonNull(ledger);
        this.charges = ChargeServiceImpl.create(ledger);
        this.jpa = ledger.jpa();
        this.access = ledger.access();
    }

    /** For tests outside OSGi. */
    public static PaymentServiceImpl create(LedgerServiceImpl ledger) {
        return new PaymentServiceImpl(ledger);
    }

    @Override
    public PaymentResult record(Subject actor, NewPayment payment) {
        RegistryLocation unit = checked(actor, payment);
        PaymentResult result = jpa.txExpr(TransactionType.Required, em -> new Batch(em, actor).record(unit, payment));
        ledger.events().transactionPosted(result.transaction(), actor);
        return result;
    }

    @Override
    public List<PaymentResult> recordAll(Subject actor, List<NewPayment> payments) {
        List<RegistryLocation> units = new ArrayList<>(payments.size());
        for (int i = 0; i < payments.size(); i++) {
            NewPayment payment = payments.get(i);
            units.add(indexed(i, () -> checked(actor, payment)));
        }
        List<PaymentResult> results = jpa.txExpr(TransactionType.Required, em -> {
            List<PaymentResult> recorded = new ArrayList<>(payments.size());
            Batch batch = new Batch(em, actor);
            for (int i = 0; i < payments.size(); i++) {
                NewPayment payment = payments.get(i);
                RegistryLocation unit = units.get(i);
                recorded.add(indexed(i, () -> batch.record(unit, payment)));
            }
            return recorded;
        });
        for (PaymentResult result : results) {
            ledger.events().transactionPosted(result.transaction(), actor);
        }
        return results;
    }

    /** Runs one step of a batch; a refusal gets the 0-based index of the payment as its last argument. */
    private static <T> T indexed(int index, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (DomusException e) {
            List<Object> arguments = new ArrayList<>(e.arguments());
            arguments.add(index);
            DomusException indexedError = new DomusException(e.kind(), e.messageKey(), arguments.toArray());
            indexedError.initCause(e);
            throw indexedError;
        }
    }

    private RegistryLocation checked(Subject actor, NewPayment payment) {
        RegistryLocation unit = access.unit(actor, LedgerPermissions.POST, payment.unitId(), false);
        positive(payment.amount());
        if (payment.paidOn() == null || payment.method() == null) {
            throw new DomusException(Kind.INVALID, "ledger.payment.invalid");
        }
        return unit;
    }

    /**
     * Payments written in one database transaction; the organisation's money accounts and component
     * priorities are read once per batch, not once per payment.
     */
    private final class Batch {
        private final EntityManager em;
        private final Subject actor;
        private final Map<String, LedgerAccount> moneyAccounts = new HashMap<>();
        private final Map<Long, Allocation> allocations = new HashMap<>();

        Batch(EntityManager em, Subject actor) {
            this.em = em;
            this.actor = actor;
        }

        PaymentResult record(RegistryLocation unit, NewPayment payment) {
            BigDecimal amount = positive(payment.amount());
            long organisationId = unit.organisationId();
            LedgerAccount receivable = ledger.unitAccountIn(em, unit);
            AccountKind kind = kind(payment.method());
            LedgerAccount money = moneyAccounts.computeIfAbsent(
                    organisationId + "/" + kind, k -> ledger.organisationAccountIn(em, organisationId, kind, null));
            YearMonth month = YearMonth.from(payment.paidOn());
            List<Books.Line> lines = List.of(
                    new Books.Line(Books.ref(money), amount, null, month),
                    new Books.Line(Books.ref(receivable), amount.negate(), null, month));
            Books.Header header = new Books.Header(
                    organisationId,
                    TransactionKind.PAYMENT,
                    TransactionKind.PAYMENT,
                    payment.paidOn(),
                    "Payment unit " + payment.unitId(),
                    payment.reference(),
                    null,
                    null);
            LedgerTransaction tx = ledger.writeAndRead(em, header, lines, actor, "ledger.payment.record");
            long postingId = tx.postings().stream()
                    .filter(p -> p.accountId() == receivable.id())
                    .mapToLong(Posting::id)
                    .findFirst()
                    .orElseThrow();
            List<Allocation.Row> rows = Books.allocationRows(em, receivable.id());
            List<OpenCharge> open = allocations
                    .computeIfAbsent(organisationId, PaymentServiceImpl.this::allocation)
                    .charges(rows);
            BigDecimal before = Allocation.money(rows, postingId - 1);
            BigDecimal after = Allocation.money(rows, Long.MAX_VALUE);
            List<PaymentAllocation> settled = Allocation.between(open, before, after);
            return new PaymentResult(tx, settled, Allocation.credit(open, after).setScale(2));
        }
    }

    @Override
    public LedgerTransaction refund(
            Subject actor,
            long unitId,
            BigDecimal amount,
            LocalDate bookingDate,
            PaymentMethod method,
            String reference) {
        RegistryLocation unit = access.unit(actor, LedgerPermissions.POST, unitId, false);
        BigDecimal value = positive(amount);
        if (bookingDate == null || method == null) {
            throw new DomusException(Kind.INVALID, "ledger.payment.invalid");
        }
        LedgerTransaction tx = jpa.txExpr(TransactionType.Required, em -> {
            LedgerAccount receivable = ledger.unitAccountIn(em, unit);
            // The row lock keeps two refunds from both spending the same credit.
            BigDecimal balance = Books.lockAccount(em, receivable.id());
            if (balance.negate().compareTo(value) < 0) {
                throw new DomusException(
                        Kind.INVALID,
                        "ledger.refund.exceeds-credit",
                        balance.negate().max(BigDecimal.ZERO).toPlainString());
            }
            LedgerAccount money = ledger.organisationAccountIn(em, unit.organisationId(), kind(method), null);
            YearMonth month = YearMonth.from(bookingDate);
            List<Books.Line> lines = List.of(
                    new Books.Line(Books.ref(receivable), value, null, month),
                    new Books.Line(Books.ref(money), value.negate(), null, month));
            Books.Header header = new Books.Header(
                    unit.organisationId(),
                    TransactionKind.REFUND,
                    TransactionKind.REFUND,
                    bookingDate,
                    "Refund unit " + unitId,
                    reference,
                    null,
                    null);
            return ledger.writeAndRead(em, header, lines, actor, "ledger.payment.refund");
        });
        ledger.events().transactionPosted(tx, actor);
        return tx;
    }

    @Override
    public OpenItems openItems(Subject actor, long unitId) {
        RegistryLocation unit = access.unit(actor, LedgerPermissions.READ, unitId, true);
        return jpa.txExpr(TransactionType.Required, em -> openItemsIn(em, unit));
    }

    OpenItems openItemsIn(EntityManager em, RegistryLocation unit) {
        String currency =
                Books.bookCurrency(em, unit.organisationId()).orElseGet(() -> access.currencyOf(unit.organisationId()));
        LedgerAccount account = Books.account(em, unit.organisationId(), Books.unitCode(unit.unitId(), currency))
                .orElse(null);
        if (account == null) {
            return new OpenItems(
                    unit.unitId(), currency, List.of(), LedgerServiceImpl.zero(), LedgerServiceImpl.zero());
        }
        List<Allocation.Row> rows = Books.allocationRows(em, account.id());
        List<OpenCharge> all = allocation(unit.organisationId()).charges(rows);
        BigDecimal money = Allocation.money(rows, Long.MAX_VALUE);
        List<OpenCharge> settled = new ArrayList<>(Allocation.settle(all, money));
        if (money.signum() < 0) {
            // More paid out than received (a reversed payment after a refund): that is owed too.
            YearMonth last = rows.stream()
                    .filter(r -> !Allocation.isCharge(r))
                    .reduce((a, b) -> b)
                    .orElseThrow()
                    .period();
            settled.add(new OpenCharge(null, last, money.negate(), money.negate()));
        }
        return new OpenItems(
                unit.unitId(), currency, settled, Allocation.credit(all, money).setScale(2), account.balance());
    }

    private Allocation allocation(long organisationId) {
        Map<Long, Integer> priorities = new HashMap<>();
        for (ChargeComponent c : charges.componentsOf(organisationId)) {
            priorities.put(c.id(), c.priority());
        }
        return new Allocation(priorities);
    }

    private static AccountKind kind(PaymentMethod method) {
        return method == PaymentMethod.CASH ? AccountKind.CASH : AccountKind.BANK;
    }

    private static BigDecimal positive(BigDecimal amount) {
        if (amount == null
                || amount.signum() <= 0
                || amount.stripTrailingZeros().scale() > 2) {
            throw new DomusException(
                    Kind.INVALID, "ledger.amount.invalid", amount == null ? "" : amount.toPlainString());
        }
        return amount.setScale(2);
    }
}
