package org.domus.ledger.web.internal;

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
import java.util.function.BiFunction;
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
import org.domus.ledger.BillingService;
import org.domus.ledger.ChargeComponent;
import org.domus.ledger.ChargeService;
import org.domus.ledger.LedgerAmounts;
import org.domus.ledger.LedgerService;
import org.domus.ledger.OpenCharge;
import org.domus.ledger.OpenItems;
import org.domus.ledger.PaymentService;
import org.domus.ledger.Posting;
import org.domus.ledger.TurnoverMonth;
import org.domus.ledger.TurnoverSheet;
import org.domus.ledger.payment.PaymentCalendar;
import org.domus.ledger.payment.PaymentCalendarFeed;
import org.domus.ledger.payment.PaymentDue;
import org.domus.ledger.payment.PaymentOrder;
import org.domus.ledger.payment.PaymentQr;
import org.domus.ledger.payment.PaymentQrCodes;
import org.domus.ledger.payment.Statement;
import org.domus.ledger.payment.StatementLine;
import org.domus.ledger.payment.StatementPdf;

/**
 * What a resident's finance page reads and renders for one unit: the payment order of the amount due (and
 * its QR code where the currency's standard applies), the statement of account as a PDF and the payment
 * calendar. Access is decided first: only the subject's current units are served, any other unit is
 * {@code NOT_FOUND}; the ledger services check again with the same subject. Registry facts printed on a
 * statement (organisation name, address, holder) are read with a system subject only after that.
 */
final class ResidentFinance {

    /** Languages statements and calendars are printed in; others get English. */
    static final List<String> LANGUAGES = List.of("en", "cs", "pl", "ro");

    private static final Subject SYSTEM = Subject.system("ledger-web", "Ledger views");

    /** How many characters of the unit's label a payment message carries (the shortest standard's limit). */
    private final LedgerService ledger;

    private final BillingService billing;
    private final ChargeService charges;
    private final PaymentService payments;
    private final RegistryService registry;
    private final AccessPolicy policy;
    private final StatementPdf statements;
    private final PaymentQrCodes qrCodes;
    private final PaymentCalendar calendar;
    private final Clock clock;

    ResidentFinance(
            LedgerService ledger,
            BillingService billing,
            ChargeService charges,
            PaymentService payments,
            RegistryService registry,
            AccessPolicy policy,
            StatementPdf statements,
            PaymentQrCodes qrCodes,
            PaymentCalendar calendar,
            Clock clock) {
        this.ledger = ledger;
        this.billing = billing;
        this.charges = charges;
        this.payments = payments;
        this.registry = registry;
        this.policy = policy;
        this.statements = statements;
        this.qrCodes = qrCodes;
        this.calendar = calendar;
        this.clock = clock;
    }

    LedgerService ledger() {
        return ledger;
    }

    BillingService billing() {
        return billing;
    }

    ChargeService charges() {
        return charges;
    }

    PaymentService payments() {
        return payments;
    }

    RegistryService registry() {
        return registry;
    }

    Clock clock() {
        return clock;
    }

    /** The subject's current units, as the registry lists them. */
    List<Holding> myUnits(Subject me) {
        return registry.myUnits(me);
    }

    /** Refuses (NOT_FOUND) a unit that is not one of the subject's current units. */
    void requireMine(Subject me, long unitId) {
        if (!policy.residentScope(me).unitIds().contains(unitId)) {
            throw new DomusException(DomusException.Kind.NOT_FOUND, "ledger.unit.not-found");
        }
    }

    /** The unit's component names by id (the resident's own unit, checked before). */
    Map<Long, ChargeComponent> components(Subject me, long unitId) {
        requireMine(me, unitId);
        return charges.components(SYSTEM, organisationOf(unitId)).stream()
                .collect(Collectors.toMap(ChargeComponent::id, c -> c, (a, b) -> a));
    }

    /** What the resident owes now (zero when nothing or a credit). */
    static BigDecimal due(BigDecimal balance) {
        return balance.signum() > 0 ? balance : BigDecimal.ZERO.setScale(LedgerAmounts.SCALE);
    }

    /**
     * How to pay the amount due by transfer ({@link PaymentOrder#forUnit}, the rule of the ledger's
     * statements), when the currency's standard also accepts the data: otherwise empty, and the page shows
     * the details as text only.
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

    /** The QR code of an order that {@link #paymentOrder} accepted. */
    Optional<PaymentQr> qrCode(PaymentOrder order) {
        return qrCodes.create(order);
    }

    /** The unit's organisation (its name and bank details), read after the subject was let in. */
    Organisation organisation(long unitId) {
        long organisationId = organisationOf(unitId);
        return registry.organisations(SYSTEM).stream()
                .filter(o -> o.id() == organisationId)
                .findFirst()
                .orElseThrow(() -> new DomusException(DomusException.Kind.NOT_FOUND, "ledger.unit.not-found"));
    }

    /** The unit as statements print it: street, number and unit number. */
    String unitLabel(long unitId, BiFunction<String, Object[], String> translate) {
        Unit unit = registry.unit(SYSTEM, unitId);
        Building building = registry.building(SYSTEM, unit.buildingId());
        return translate.apply(
                "ledger.statement.unit.label",
                new Object[] {building.street() + " " + building.number(), unit.number()});
    }

    Unit unit(long unitId) {
        return registry.unit(SYSTEM, unitId);
    }

    /**
     * The statement of the months {@code from}..{@code to} as a PDF, in the language of {@code locale}
     * (texts through {@code translate}, which must answer in that language).
     */
    byte[] statementPdf(
            Subject me,
            long unitId,
            YearMonth from,
            YearMonth to,
            Locale locale,
            BiFunction<String, Object[], String> translate) {
        requireMine(me, unitId);
        if (from.isAfter(to) || from.plusMonths(119).isBefore(to)) {
            throw new DomusException(DomusException.Kind.INVALID, "ledger.turnover.range.invalid");
        }
        TurnoverSheet sheet = ledger.turnover(me, unitId, from, to);
        LocalDate start = from.atDay(1);
        LocalDate end = to.atEndOfMonth();
        List<Posting> inPeriod = new ArrayList<>();
        for (int offset = 0; ; offset += LedgerService.MAX_PAGE) {
            Page<Posting> page = ledger.postings(me, unitId, offset, LedgerService.MAX_PAGE);
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
        Map<Long, ChargeComponent> components = components(me, unitId);
        String holder =
                registry
                        .currentHolders(SYSTEM, List.of(unitId), LocalDate.now(clock))
                        .getOrDefault(unitId, List.of())
                        .stream()
                        .map(Holding.Holder::name)
                        .findFirst()
                        .orElse(null);
        List<StatementLine> lines = new ArrayList<>();
        BigDecimal opening = sheet.months().get(0).opening();
        BigDecimal closing = opening;
        for (Posting p : inPeriod) {
            ChargeComponent component = p.componentId() == null ? null : components.get(p.componentId());
            lines.add(new StatementLine(
                    p.bookingDate(),
                    translate.apply(
                            "ledger.statement.line." + p.kind().name(), new Object[] {LedgerText.month(p.period())}),
                    component == null ? null : component.name(),
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
        BigDecimal due = due(closing);
        Organisation organisation = organisation(unitId);
        String unitLabel = unitLabel(unitId, translate);
        PaymentOrder order = paymentOrder(organisation, unit(unitId), due, sheet.currency(), unitLabel)
                .orElse(null);
        String language = LANGUAGES.contains(locale.getLanguage()) ? locale.getLanguage() : LANGUAGES.get(0);
        return statements.render(new Statement(
                language,
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

    /**
     * The payment calendar of the unit: one due date per month with open charges, the last day of the
     * billed month, with what of that month is still open.
     */
    String calendar(
            Subject me, long unitId, Locale locale, String uidDomain, BiFunction<String, Object[], String> translate) {
        requireMine(me, unitId);
        OpenItems items = payments.openItems(me, unitId);
        Map<YearMonth, BigDecimal> open = new TreeMap<>();
        for (OpenCharge c : items.charges()) {
            if (c.open().signum() > 0) {
                open.merge(c.month(), c.open(), BigDecimal::add);
            }
        }
        Unit unit = unit(unitId);
        String label = unitLabel(unitId, translate);
        Organisation organisation = organisation(unitId);
        String account = "PLN".equals(items.currency()) || organisation.iban() == null
                ? unit.virtualAccount()
                : organisation.iban();
        String reference = "CZK".equals(items.currency()) ? unit.variableSymbol() : null;
        List<PaymentDue> dues = new ArrayList<>();
        open.forEach((month, amount) -> dues.add(new PaymentDue(
                unitId, label, month, month.atEndOfMonth(), amount, items.currency(), account, reference)));
        String language = LANGUAGES.contains(locale.getLanguage()) ? locale.getLanguage() : LANGUAGES.get(0);
        return calendar.render(new PaymentCalendarFeed(language, null, uidDomain, dues));
    }

    long organisationOf(long unitId) {
        return policy.locate(null, unitId)
                .map(RegistryLocation::organisationId)
                .orElseThrow(() -> new DomusException(DomusException.Kind.NOT_FOUND, "ledger.unit.not-found"));
    }
}
