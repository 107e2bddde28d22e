package org.domus.itests;

import java.math.BigDecimal;
import java.time.YearMonth;
import org.domus.core.Subject;
import org.domus.core.access.ScopeType;
import org.domus.ledger.BillingResult;
import org.domus.ledger.BillingScope;
import org.domus.ledger.BillingService;
import org.domus.ledger.ChargeBasis;
import org.domus.ledger.ChargeComponent;
import org.domus.ledger.ChargeService;
import org.domus.ledger.LedgerService;
import org.domus.ledger.NewPayment;
import org.domus.ledger.PaymentMethod;
import org.domus.ledger.PaymentService;
import org.domus.ledger.RateLevel;

/** What LedgerIT does with the ledger's services (kept apart so the probe loads the API only when installed). */
final class LedgerScenario {

    record Outcome(
            BigDecimal charged,
            boolean secondRunAlreadyPosted,
            BigDecimal balanceAfterPayment,
            BigDecimal closingOfMarch,
            long postings) {}

    private final LedgerService ledger;
    private final ChargeService charges;
    private final BillingService billing;
    private final PaymentService payments;

    LedgerScenario(Object ledger, Object charges, Object billing, Object payments) {
        this.ledger = (LedgerService) ledger;
        this.charges = (ChargeService) charges;
        this.billing = (BillingService) billing;
        this.payments = (PaymentService) payments;
    }

    Outcome run(Subject admin, long organisationId, long unitId, YearMonth month) {
        ChargeComponent fee = charges.createComponent(
                admin, new ChargeComponent(0, organisationId, "FEE", "Fee", ChargeBasis.PER_AREA, null, 1, true, 0));
        charges.addRate(
                admin, fee.id(), RateLevel.ORGANISATION, organisationId, new BigDecimal("25.00"), month.atDay(1));
        BillingScope scope = new BillingScope(ScopeType.ORGANISATION, organisationId);
        BillingResult first = billing.run(admin, scope, month, null);
        BillingResult second = billing.run(admin, scope, month, null);
        payments.record(
                admin, new NewPayment(unitId, new BigDecimal("1500.00"), month.atDay(15), PaymentMethod.BANK, "VS 1"));
        return new Outcome(
                first.total(),
                second.alreadyPosted(),
                ledger.balance(admin, unitId).balance(),
                ledger.turnover(admin, unitId, month, month).months().get(0).closing(),
                ledger.postings(admin, unitId, 0, 10).total());
    }
}
