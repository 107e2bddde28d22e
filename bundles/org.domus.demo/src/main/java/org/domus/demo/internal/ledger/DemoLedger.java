package org.domus.demo.internal.ledger;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.domus.core.registry.RegistryService;
import org.domus.demo.internal.DemoCooperative;
import org.domus.demo.internal.DemoCooperativeReady;
import org.domus.demo.internal.OrganisationDemoWorker;
import org.domus.ledger.BillingService;
import org.domus.ledger.ChargeService;
import org.domus.ledger.PaymentService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Gives each demo organisation its ledger ({@link LedgerDemoData}) once both exist: the organisations (announced
 * by {@link DemoCooperative}) and the ledger module's services. The demo bundle imports the ledger's API package
 * optionally, so without the ledger module this component simply stays unsatisfied; installing the module
 * later satisfies it. The organisations are done one after another, each in its own currency; one whose ledger
 * has charge components already is left alone.
 */
@Component(
        service = {},
        immediate = true,
        configurationPid = DemoCooperative.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class DemoLedger {

    private final OrganisationDemoWorker worker;

    @Activate
    public DemoLedger(
            @Reference DemoCooperativeReady cooperative,
            @Reference RegistryService registry,
            @Reference ChargeService charges,
            @Reference BillingService billing,
            @Reference PaymentService payments,
            DemoCooperative.Config config) {
        LedgerDemoData data = new LedgerDemoData(registry, charges, billing, payments, Clock.systemDefaultZone());
        List<Long> organisations = cooperative.organisationIds();
        long seed = config.seed();
        // Billing a few months of hundreds of units takes seconds: never hold up SCR.
        worker = OrganisationDemoWorker.start("ledger", "domus-demo-ledger", organisations, organisation -> {
            LedgerDemoData.Result r = data.generateIfEmpty(organisation, seed);
            return r.created()
                    ? OrganisationDemoWorker.Outcome.made(
                            r.organisation(),
                            String.format(
                                    Locale.ROOT,
                                    "%d components, %d units, %d months billed (%d charges, %s %s), %d payments",
                                    r.components(),
                                    r.units(),
                                    r.months(),
                                    r.charges(),
                                    r.charged().toPlainString(),
                                    r.currency(),
                                    r.payments()))
                    : OrganisationDemoWorker.Outcome.skipped(r.organisation(), "it has charge components already");
        });
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        worker.stop();
    }
}
