package org.domus.itests;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.domus.core.Subject;
import org.domus.core.access.ScopeType;
import org.domus.ledger.BillingProgress;
import org.domus.ledger.BillingResult;
import org.domus.ledger.BillingRun;
import org.domus.ledger.BillingScope;
import org.domus.ledger.BillingService;
import org.domus.ledger.ChargeLine;
import org.domus.ledger.LedgerService;

/** What DemoLedgerIT does with the ledger's services (apart, so the probe loads the API once it is installed). */
final class DemoLedgerScenario {

    /** What the demo left and what a new billing run over one estate did. */
    record Outcome(
            List<BillingRun> demoRunsOfTheMonth,
            int inArrears,
            int inCredit,
            int settled,
            BillingResult preview,
            Map<Long, BigDecimal> previewPerUnit,
            BillingResult run,
            Map<Long, BigDecimal> chargedPerUnit,
            BillingResult rerun) {}

    private final LedgerService ledger;
    private final BillingService billing;

    DemoLedgerScenario(Object ledger, Object billing) {
        this.ledger = (LedgerService) ledger;
        this.billing = (BillingService) billing;
    }

    Outcome run(Subject admin, long organisationId, List<Long> units, long estateId, List<Long> unitsOfEstate) {
        YearMonth current = YearMonth.now();
        List<BillingRun> demoRuns = billing.runs(admin, organisationId, current);
        int arrears = 0;
        int credit = 0;
        int settled = 0;
        for (long unit : units) {
            int sign = ledger.balance(admin, unit).balance().signum();
            if (sign > 0) {
                arrears++;
            } else if (sign < 0) {
                credit++;
            } else {
                settled++;
            }
        }
        // next month, over one estate: preview, post, post again
        YearMonth next = current.plusMonths(1);
        BillingScope scope = new BillingScope(ScopeType.ESTATE, estateId);
        BillingResult preview = billing.preview(admin, scope, next, BillingProgress.NONE);
        Map<Long, BigDecimal> previewPerUnit = new HashMap<>();
        for (ChargeLine line : preview.lines()) {
            previewPerUnit.merge(line.unitId(), line.amount(), BigDecimal::add);
        }
        BillingResult run = billing.run(admin, scope, next, BillingProgress.NONE);
        Map<Long, BigDecimal> charged = new HashMap<>();
        for (long unit : unitsOfEstate) {
            for (ChargeLine line : billing.charges(admin, unit, next)) {
                charged.merge(unit, line.amount(), BigDecimal::add);
            }
        }
        BillingResult rerun = billing.run(admin, scope, next, BillingProgress.NONE);
        return new Outcome(demoRuns, arrears, credit, settled, preview, previewPerUnit, run, charged, rerun);
    }
}
