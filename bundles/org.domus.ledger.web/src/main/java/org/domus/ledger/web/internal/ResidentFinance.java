package org.domus.ledger.web.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.access.RegistryLocation;
import org.domus.core.registry.Holding;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.RegistryService;
import org.domus.ledger.BillingService;
import org.domus.ledger.ChargeComponent;
import org.domus.ledger.ChargeService;
import org.domus.ledger.LedgerAmounts;
import org.domus.ledger.LedgerService;
import org.domus.ledger.PaymentService;
import org.domus.ledger.payment.PaymentQr;
import org.domus.ledger.payment.UnitDocuments;

/**
 * What a resident's finance page reads and renders for one unit: the payment QR code of the amount due
 * (where the currency's standard applies), the statement of account as a PDF and the payment
 * calendar (both assembled by the ledger's {@link UnitDocuments}). Access is decided first: only the
 * subject's current units are served, any other unit is {@code NOT_FOUND}; the ledger services check again
 * with the same subject. Registry facts shown (organisation name, bank details) are read with a system
 * subject only after that.
 */
final class ResidentFinance {

    private static final Subject SYSTEM = Subject.system("ledger-web", "Ledger views");

    private final LedgerService ledger;
    private final BillingService billing;
    private final ChargeService charges;
    private final PaymentService payments;
    private final RegistryService registry;
    private final AccessPolicy policy;
    private final UnitDocuments documents;
    private final Clock clock;

    ResidentFinance(
            LedgerService ledger,
            BillingService billing,
            ChargeService charges,
            PaymentService payments,
            RegistryService registry,
            AccessPolicy policy,
            UnitDocuments documents,
            Clock clock) {
        this.ledger = ledger;
        this.billing = billing;
        this.charges = charges;
        this.payments = payments;
        this.registry = registry;
        this.policy = policy;
        this.documents = documents;
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
     * The payment QR code of what one of the subject's current units owes now, with the unit's label in
     * the language of {@code locale} as the payment message ({@link UnitDocuments#amountDueQr}); empty
     * when there is none, and the page shows the details as text only.
     */
    Optional<PaymentQr> amountDueQr(Subject me, long unitId, Locale locale) {
        requireMine(me, unitId);
        return documents.amountDueQr(me, unitId, locale.getLanguage());
    }

    /** The unit's organisation (its name and bank details), read after the subject was let in. */
    Organisation organisation(long unitId) {
        long organisationId = organisationOf(unitId);
        return registry.organisations(SYSTEM).stream()
                .filter(o -> o.id() == organisationId)
                .findFirst()
                .orElseThrow(() -> new DomusException(DomusException.Kind.NOT_FOUND, "ledger.unit.not-found"));
    }

    /**
     * The statement of the months {@code from}..{@code to} as a PDF in the language of {@code locale}
     * ({@link UnitDocuments#statementPdf}), for one of the subject's current units only.
     */
    byte[] statementPdf(Subject me, long unitId, YearMonth from, YearMonth to, Locale locale) {
        requireMine(me, unitId);
        return documents.statementPdf(me, unitId, from, to, locale.getLanguage());
    }

    /**
     * The payment calendar of one of the subject's current units in the language of {@code locale}
     * ({@link UnitDocuments#calendar}).
     */
    String calendar(Subject me, long unitId, Locale locale, String uidDomain) {
        requireMine(me, unitId);
        return documents.calendar(me, unitId, locale.getLanguage(), uidDomain);
    }

    long organisationOf(long unitId) {
        return policy.locate(null, unitId)
                .map(RegistryLocation::organisationId)
                .orElseThrow(() -> new DomusException(DomusException.Kind.NOT_FOUND, "ledger.unit.not-found"));
    }
}
