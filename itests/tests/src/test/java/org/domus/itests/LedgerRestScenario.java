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
import org.domus.ledger.RateLevel;

/**
 * What LedgerIT's REST test posts through the ledger's services: one per-m² component and a billing run of
 * the whole organisation for a month (kept apart so the probe loads the API only when installed).
 */
final class LedgerRestScenario {

    private final ChargeService charges;
    private final BillingService billing;

    LedgerRestScenario(Object charges, Object billing) {
        this.charges = (ChargeService) charges;
        this.billing = (BillingService) billing;
    }

    /** Bills the month at {@code ratePerM2} per m² and returns the run's total. */
    BigDecimal bill(Subject admin, long organisationId, YearMonth month, BigDecimal ratePerM2) {
        ChargeComponent fee = charges.createComponent(
                admin,
                new ChargeComponent(
                        0, organisationId, "REPAIR", "Repair fund", ChargeBasis.PER_AREA, null, 1, true, 0));
        charges.addRate(admin, fee.id(), RateLevel.ORGANISATION, organisationId, ratePerM2, month.atDay(1));
        BillingResult run = billing.run(admin, new BillingScope(ScopeType.ORGANISATION, organisationId), month, null);
        return run.total();
    }
}
