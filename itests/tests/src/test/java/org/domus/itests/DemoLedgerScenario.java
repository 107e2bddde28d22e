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
import org.domus.ledger.ChargeComponent;
import org.domus.ledger.ChargeLine;
import org.domus.ledger.ChargeService;
import org.domus.ledger.LedgerService;

/** What DemoLedgerIT does with the ledger's services (apart, so the probe loads the API once it is installed). */
final class DemoLedgerScenario {

    /** An organisation's billing runs of the month: how many, and the first one's units and currency. */
    record MonthRuns(int runs, int units, String currency) {}

    /** What the demo left and what a new billing run over one estate did. */
    record Outcome(
            Map<Long, MonthRuns> demoRunsOfTheMonth,
            Map<Long, List<String>> componentNames,
            Map<Long, Map<String, BigDecimal>> rates,
            Map<Long, Map<String, BigDecimal>> chargedToAUnit,
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
    private final ChargeService charges;

    DemoLedgerScenario(Object ledger, Object billing, Object charges) {
        this.ledger = (LedgerService) ledger;
        this.billing = (BillingService) billing;
        this.charges = (ChargeService) charges;
    }

    /**
     * @param aUnitOf one unit of each organisation (by organisation id), whose charges of the month are returned
     */
    Outcome run(Subject admin, Map<Long, Long> aUnitOf, List<Long> units, long estateId, List<Long> unitsOfEstate) {
        YearMonth current = YearMonth.now();
        Map<Long, MonthRuns> demoRuns = new HashMap<>();
        Map<Long, List<String>> componentNames = new HashMap<>();
        Map<Long, Map<String, BigDecimal>> rates = new HashMap<>();
        Map<Long, Map<String, BigDecimal>> chargedToAUnit = new HashMap<>();
        for (Map.Entry<Long, Long> org : aUnitOf.entrySet()) {
            List<BillingRun> runs = billing.runs(admin, org.getKey(), current);
            demoRuns.put(
                    org.getKey(),
                    runs.isEmpty()
                            ? new MonthRuns(0, 0, null)
                            : new MonthRuns(
                                    runs.size(),
                                    runs.get(0).units(),
                                    runs.get(0).currency()));
            List<ChargeComponent> components = charges.components(admin, org.getKey());
            componentNames.put(
                    org.getKey(), components.stream().map(ChargeComponent::name).toList());
            Map<String, BigDecimal> rateByCode = new HashMap<>();
            for (ChargeComponent c : components) {
                charges.rates(admin, c.id()).forEach(r -> rateByCode.put(c.code(), r.amount()));
            }
            rates.put(org.getKey(), rateByCode);
            Map<String, BigDecimal> amountByCode = new HashMap<>();
            for (ChargeLine line : billing.charges(admin, org.getValue(), current)) {
                amountByCode.merge(line.componentCode(), line.amount(), BigDecimal::add);
            }
            chargedToAUnit.put(org.getKey(), amountByCode);
        }
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
        return new Outcome(
                demoRuns,
                componentNames,
                rates,
                chargedToAUnit,
                arrears,
                credit,
                settled,
                preview,
                previewPerUnit,
                run,
                charged,
                rerun);
    }
}
