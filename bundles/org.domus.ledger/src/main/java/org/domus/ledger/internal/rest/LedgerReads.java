package org.domus.ledger.internal.rest;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.registry.Holding;
import org.domus.core.registry.Page;
import org.domus.core.registry.RegistryService;
import org.domus.ledger.BillingService;
import org.domus.ledger.ChargeLine;
import org.domus.ledger.LedgerPermissions;
import org.domus.ledger.LedgerService;
import org.domus.ledger.Posting;
import org.domus.ledger.TurnoverSheet;
import org.domus.ledger.UnitBalance;
import org.domus.ledger.internal.statement.Texts;
import org.domus.ledger.payment.PaymentQr;
import org.domus.ledger.payment.PaymentQrStandard;
import org.domus.ledger.payment.UnitDocuments;
import org.domus.rest.ValidationException;

/**
 * The per-unit reads both ledger resources serve. Access is decided before anything is read: the
 * resident routes admit only the subject's current units (404 otherwise), the staff routes ask the access
 * policy for {@link LedgerPermissions#READ} in the unit's scope (403 outside it, 404 to non-staff); the
 * ledger services then check again with the same subject. Registry facts a statement prints (organisation
 * name, address, holder) are read with a system subject only after that check.
 */
final class LedgerReads {

    /** Default and largest page of postings a REST client gets. */
    static final int DEFAULT_LIMIT = 50;

    static final int MAX_LIMIT = 200;

    /** Months of the default turnover and statement period (ending with the current month). */
    static final int DEFAULT_MONTHS = 12;

    static final String PDF = "application/pdf";

    private final LedgerService ledger;
    private final BillingService billing;
    private final RegistryService registry;
    private final AccessPolicy policy;
    private final UnitDocuments documents;
    private final Clock clock;

    LedgerReads(
            LedgerService ledger,
            BillingService billing,
            RegistryService registry,
            AccessPolicy policy,
            UnitDocuments documents,
            Clock clock) {
        this.ledger = ledger;
        this.billing = billing;
        this.registry = registry;
        this.policy = policy;
        this.documents = documents;
        this.clock = clock;
    }

    /** One of my current units with its balance. */
    record MyUnitBalance(
            long unitId, String number, long buildingId, String address, String currency, BigDecimal balance) {}

    List<MyUnitBalance> myUnits(Subject me) {
        List<MyUnitBalance> result = new ArrayList<>();
        for (Holding h : registry.myUnits(me)) {
            UnitBalance b = ledger.balance(me, h.unit().id());
            result.add(new MyUnitBalance(
                    h.unit().id(),
                    h.unit().number(),
                    h.building().id(),
                    h.building().address(),
                    b.currency(),
                    b.balance()));
        }
        return result;
    }

    /** Refuses (404) a unit that is not one of the subject's current units. */
    void requireMine(Subject me, long unitId) {
        if (!policy.residentScope(me).unitIds().contains(unitId)) {
            throw new DomusException(DomusException.Kind.NOT_FOUND, "ledger.unit.not-found");
        }
    }

    /** Refuses a unit outside the staff member's ledger scope: 403, or 404 to subjects without staff grants. */
    void requireStaff(Subject staff, long unitId) {
        policy.requireRegistry(
                staff, LedgerPermissions.READ, policy.locate(null, unitId), false, "ledger.unit.not-found");
    }

    UnitBalance balance(Subject subject, long unitId) {
        return ledger.balance(subject, unitId);
    }

    TurnoverSheet turnover(Subject subject, long unitId, String from, String to) {
        YearMonth[] range = range(from, to);
        return ledger.turnover(subject, unitId, range[0], range[1]);
    }

    List<ChargeLine> charges(Subject subject, long unitId, String month) {
        YearMonth m;
        if (month == null || month.isBlank()) {
            m = YearMonth.now(clock);
        } else {
            ValidationException.Builder errors = ValidationException.builder();
            m = month(month, "month", errors);
            errors.throwIfAny();
        }
        return billing.charges(subject, unitId, m);
    }

    Page<Posting> postings(Subject subject, long unitId, int offset, int limit) {
        ValidationException.Builder errors = ValidationException.builder();
        if (offset < 0) {
            errors.add("offset", "validation.min", 0);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            errors.add("limit", "validation.range", 1, MAX_LIMIT);
        }
        errors.throwIfAny();
        return ledger.postings(subject, unitId, offset, limit);
    }

    /**
     * The statement of the months as a PDF download ({@link UnitDocuments#statementPdf}, in the
     * {@link #language} of the request).
     */
    Response statement(Subject subject, long unitId, String from, String to, HttpHeaders headers) {
        YearMonth[] range = range(from, to);
        byte[] pdf = documents.statementPdf(subject, unitId, range[0], range[1], language(headers, subject));
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setPrivate(true);
        return Response.ok(pdf, PDF)
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"statement-" + unitId + "-" + range[0] + "-" + range[1] + ".pdf\"")
                .cacheControl(noStore)
                .build();
    }

    /**
     * What a unit owes now and how to pay it.
     *
     * @param amount the debt (0.00 when nothing is due or the unit is in credit)
     * @param currency the unit's book currency, null before the unit's first posting
     * @param standard the payment QR code's standard, null when there is no code (nothing due, the data the
     *     standard needs is not in the registry, or a currency without one)
     * @param payload the exact text the code carries
     * @param svg the code as an SVG document (one path, with its quiet zone)
     */
    record AmountDue(
            long unitId, BigDecimal amount, String currency, PaymentQrStandard standard, String payload, String svg) {}

    /** The amount due with its payment QR code, when one can be made ({@link UnitDocuments#amountDueQr}). */
    AmountDue amountDue(Subject subject, long unitId, HttpHeaders headers) {
        UnitBalance balance = ledger.balance(subject, unitId);
        BigDecimal due = balance.debt();
        if (due.signum() <= 0 || balance.currency() == null) {
            return new AmountDue(unitId, due, balance.currency(), null, null, null);
        }
        Optional<PaymentQr> qr = documents.amountDueQr(subject, unitId, language(headers, subject));
        return new AmountDue(
                unitId,
                due,
                balance.currency(),
                qr.map(PaymentQr::standard).orElse(null),
                qr.map(PaymentQr::payload).orElse(null),
                qr.map(PaymentQr::svg).orElse(null));
    }

    /** {@code from}..{@code to} as months; both default to the last twelve months up to the current one. */
    YearMonth[] range(String from, String to) {
        ValidationException.Builder errors = ValidationException.builder();
        YearMonth now = YearMonth.now(clock);
        boolean defaultStart = from == null || from.isBlank();
        YearMonth start = defaultStart ? null : month(from, "from", errors);
        YearMonth end = to == null || to.isBlank() ? now : month(to, "to", errors);
        if (defaultStart) {
            start = (end == null ? now : end).minusMonths(DEFAULT_MONTHS - 1L);
        }
        if (start != null
                && end != null
                && (start.isAfter(end) || start.plusMonths(119).isBefore(end))) {
            errors.add("to", "ledger.turnover.range.invalid");
        }
        errors.throwIfAny();
        return new YearMonth[] {start, end};
    }

    private static YearMonth month(String text, String field, ValidationException.Builder errors) {
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(field, "ledger.month.invalid", text);
            return null;
        }
    }

    /** The first Accept-Language the statement speaks, else the account's language, else English. */
    static String language(HttpHeaders headers, Subject subject) {
        List<Locale> acceptable = headers == null ? List.of() : headers.getAcceptableLanguages();
        for (Locale l : acceptable) {
            if (l != null && Texts.LANGUAGES.contains(l.getLanguage())) {
                return l.getLanguage();
            }
        }
        String own = subject.locale().getLanguage();
        return Texts.LANGUAGES.contains(own) ? own : Texts.LANGUAGES.get(0);
    }
}
