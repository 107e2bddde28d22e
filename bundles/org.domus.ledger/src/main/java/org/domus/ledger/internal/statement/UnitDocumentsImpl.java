package org.domus.ledger.internal.statement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.access.RegistryLocation;
import org.domus.core.registry.Building;
import org.domus.core.registry.Holding;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Page;
import org.domus.core.registry.RegistryService;
import org.domus.core.registry.Unit;
import org.domus.ledger.ChargeComponent;
import org.domus.ledger.ChargeService;
import org.domus.ledger.LedgerAmounts;
import org.domus.ledger.LedgerPermissions;
import org.domus.ledger.LedgerService;
import org.domus.ledger.OpenCharge;
import org.domus.ledger.OpenItems;
import org.domus.ledger.PaymentService;
import org.domus.ledger.Posting;
import org.domus.ledger.TurnoverMonth;
import org.domus.ledger.TurnoverSheet;
import org.domus.ledger.UnitBalance;
import org.domus.ledger.payment.PaymentCalendar;
import org.domus.ledger.payment.PaymentCalendarFeed;
import org.domus.ledger.payment.PaymentDue;
import org.domus.ledger.payment.PaymentOrder;
import org.domus.ledger.payment.PaymentQr;
import org.domus.ledger.payment.PaymentQrCodes;
import org.domus.ledger.payment.Statement;
import org.domus.ledger.payment.StatementLine;
import org.domus.ledger.payment.StatementPdf;
import org.domus.ledger.payment.UnitDocuments;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A unit's statement and payment calendar, the one implementation REST and the web views share. Access is
 * decided before anything is read; registry facts are then read with a system subject.
 */
@Component(service = UnitDocuments.class)
public class UnitDocumentsImpl implements UnitDocuments {

    private static final Subject SYSTEM = Subject.system("ledger-documents", "Ledger documents");

    private final LedgerService ledger;
    private final ChargeService charges;
    private final PaymentService payments;
    private final RegistryService registry;
    private final AccessPolicy policy;
    private final StatementPdf statements;
    private final PaymentQrCodes qrCodes;
    private final PaymentCalendar calendar;
    private final Clock clock;

    @Activate
    public UnitDocumentsImpl(
            @Reference LedgerService ledger,
            @Reference ChargeService charges,
            @Reference PaymentService payments,
            @Reference RegistryService registry,
            @Reference AccessPolicy policy,
            @Reference StatementPdf statements,
            @Reference PaymentQrCodes qrCodes,
            @Reference PaymentCalendar calendar) {
        this(ledger, charges, payments, registry, policy, statements, qrCodes, calendar, Clock.systemDefaultZone());
    }

    /** For tests: a fixed clock (today's date, the holder of the day). */
    public UnitDocumentsImpl(
            LedgerService ledger,
            ChargeService charges,
            PaymentService payments,
            RegistryService registry,
            AccessPolicy policy,
            StatementPdf statements,
            PaymentQrCodes qrCodes,
            PaymentCalendar calendar,
            Clock clock) {
        this.ledger = ledger;
        this.charges = charges;
        this.payments = payments;
        this.registry = registry;
        this.policy = policy;
        this.statements = statements;
        this.qrCodes = qrCodes;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** A supported language, else English. */
    static String language(String language) {
        return language != null && LANGUAGES.contains(language) ? language : LANGUAGES.get(0);
    }

    /**
     * Admits the subject's current units and units in their {@code ledger.read} scope: NOT_FOUND to
     * subjects without a staff grant, FORBIDDEN to staff outside their scope.
     */
    void requireReader(Subject actor, long unitId) {
        if (policy.residentScope(actor).unitIds().contains(unitId)) {
            return;
        }
        policy.requireRegistry(
                actor, LedgerPermissions.READ, policy.locate(null, unitId), false, "ledger.unit.not-found");
    }

    @Override
    public byte[] statementPdf(Subject actor, long unitId, YearMonth from, YearMonth to, String language) {
        requireReader(actor, unitId);
        if (from.isAfter(to) || from.plusMonths(119).isBefore(to)) {
            throw new DomusException(DomusException.Kind.INVALID, "ledger.turnover.range.invalid");
        }
        TurnoverSheet sheet = ledger.turnover(actor, unitId, from, to);
        LocalDate start = from.atDay(1);
        LocalDate end = to.atEndOfMonth();
        List<Posting> inPeriod = new ArrayList<>();
        for (int offset = 0; ; offset += LedgerService.MAX_PAGE) {
            Page<Posting> page = ledger.postings(actor, unitId, offset, LedgerService.MAX_PAGE);
            for (Posting p : page.items()) {
                if (!p.bookingDate().isBefore(start) && !p.bookingDate().isAfter(end)) {
                    inPeriod.add(p);
                }
            }
            if (offset + LedgerService.MAX_PAGE >= page.total()) {
                break;
            }
        }
        inPeriod.sort(Comparator.comparing(Posting::bookingDate).thenComparingLong(Posting::id));

        // Registry facts for the header, read after the ledger let the subject in.
        long organisationId = organisationOf(unitId);
        Unit unit = registry.unit(SYSTEM, unitId);
        Organisation organisation = registry.organisation(SYSTEM, organisationId);
        Map<Long, String> componentNames = charges.components(SYSTEM, organisationId).stream()
                .collect(Collectors.toMap(ChargeComponent::id, ChargeComponent::name, (a, b) -> a));
        String holder =
                registry
                        .currentHolders(SYSTEM, List.of(unitId), LocalDate.now(clock))
                        .getOrDefault(unitId, List.of())
                        .stream()
                        .map(Holding.Holder::name)
                        .findFirst()
                        .orElse(null);

        String lang = language(language);
        Texts texts = Texts.of(lang);
        List<StatementLine> lines = new ArrayList<>();
        BigDecimal opening = sheet.months().get(0).opening();
        BigDecimal closing = opening;
        for (Posting p : inPeriod) {
            String description = texts.get(
                    "ledger.statement.line." + p.kind().name(),
                    String.format(
                            Locale.ROOT,
                            "%02d/%d",
                            p.period().getMonthValue(),
                            p.period().getYear()));
            lines.add(new StatementLine(
                    p.bookingDate(),
                    description,
                    p.componentId() == null ? null : componentNames.get(p.componentId()),
                    p.debit(),
                    p.credit()));
            closing = closing.add(p.amount());
        }
        TurnoverMonth last = sheet.months().get(sheet.months().size() - 1);
        if (closing.compareTo(last.closing()) != 0) {
            // The monthly totals and the postings disagree: never print a statement that does not add up.
            throw new IllegalStateException("statement of unit " + unitId + ": postings give " + closing
                    + ", the turnover sheet " + last.closing());
        }
        BigDecimal due = closing.signum() > 0 ? closing : BigDecimal.ZERO.setScale(LedgerAmounts.SCALE);
        String unitLabel = unitLabel(unit, texts);
        PaymentOrder order = paymentOrder(organisation, unit, due, sheet.currency(), unitLabel)
                .orElse(null);
        return statements.render(new Statement(
                lang,
                organisation.name(),
                unitLabel,
                holder,
                start,
                end,
                sheet.currency(),
                opening,
                lines,
                closing,
                due,
                null,
                order,
                LocalDate.now(clock)));
    }

    @Override
    public String calendar(Subject actor, long unitId, String language, String uidDomain) {
        requireReader(actor, unitId);
        OpenItems items = payments.openItems(actor, unitId);
        Map<YearMonth, BigDecimal> open = new TreeMap<>();
        for (OpenCharge c : items.charges()) {
            if (c.open().signum() > 0) {
                open.merge(c.month(), c.open(), BigDecimal::add);
            }
        }
        String lang = language(language);
        Unit unit = registry.unit(SYSTEM, unitId);
        String label = unitLabel(unit, Texts.of(lang));
        Organisation organisation = registry.organisation(SYSTEM, organisationOf(unitId));
        List<PaymentDue> dues = new ArrayList<>();
        open.forEach((month, amount) ->
                dues.add(PaymentDue.forUnit(organisation, unit, label, month, amount, items.currency())));
        return calendar.render(new PaymentCalendarFeed(lang, null, uidDomain, dues));
    }

    @Override
    public Optional<PaymentQr> amountDueQr(Subject actor, long unitId, String language) {
        requireReader(actor, unitId);
        UnitBalance balance = ledger.balance(actor, unitId);
        BigDecimal due = balance.debt();
        if (due.signum() <= 0 || balance.currency() == null) {
            return Optional.empty();
        }
        // Registry facts, read after the ledger let the subject in.
        Unit unit = registry.unit(SYSTEM, unitId);
        Organisation organisation = registry.organisation(SYSTEM, organisationOf(unitId));
        String label = unitLabel(unit, Texts.of(language(language)));
        return paymentOrder(organisation, unit, due, balance.currency(), label).flatMap(qrCodes::create);
    }

    /** The unit as statements print it: street, number and unit number. */
    private String unitLabel(Unit unit, Texts texts) {
        Building building = registry.building(SYSTEM, unit.buildingId());
        return texts.get("ledger.statement.unit.label", building.street() + " " + building.number(), unit.number());
    }

    /**
     * {@link PaymentOrder#forUnit}, when the currency's standard also accepts the data (a name it cannot
     * carry, for example, means no code).
     */
    Optional<PaymentOrder> paymentOrder(
            Organisation organisation, Unit unit, BigDecimal due, String currency, String message) {
        return PaymentOrder.forUnit(organisation, unit, due, currency, message).filter(this::encodable);
    }

    private boolean encodable(PaymentOrder order) {
        try {
            return qrCodes.create(order).isPresent();
        } catch (DomusException refused) {
            return false;
        }
    }

    private long organisationOf(long unitId) {
        return policy.locate(null, unitId)
                .map(RegistryLocation::organisationId)
                .orElseThrow(() -> new DomusException(DomusException.Kind.NOT_FOUND, "ledger.unit.not-found"));
    }
}
