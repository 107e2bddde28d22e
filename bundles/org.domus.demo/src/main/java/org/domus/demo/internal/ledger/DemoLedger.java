package org.domus.demo.internal.ledger;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.domus.core.registry.RegistryService;
import org.domus.demo.internal.DemoCooperative;
import org.domus.demo.internal.DemoCooperativeReady;
import org.domus.ledger.BillingService;
import org.domus.ledger.ChargeService;
import org.domus.ledger.PaymentService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the demo cooperative its ledger ({@link LedgerDemoData}) once both exist: the cooperative (announced by
 * {@link DemoCooperative}) and the ledger module's services. The demo bundle imports the ledger's API package
 * optionally, so without the ledger module this component simply stays unsatisfied; installing the module
 * later satisfies it. A cooperative whose ledger has charge components already is left alone.
 */
@Component(
        service = {},
        immediate = true,
        configurationPid = DemoCooperative.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class DemoLedger {

    private static final Logger LOG = LoggerFactory.getLogger(DemoLedger.class);

    private final Thread worker;

    @Activate
    public DemoLedger(
            @Reference DemoCooperativeReady cooperative,
            @Reference RegistryService registry,
            @Reference ChargeService charges,
            @Reference BillingService billing,
            @Reference PaymentService payments,
            DemoCooperative.Config config) {
        LedgerDemoData data = new LedgerDemoData(registry, charges, billing, payments, Clock.systemDefaultZone());
        long organisation = cooperative.organisationId();
        long seed = config.seed();
        // Billing a few months of hundreds of units takes seconds: never hold up SCR.
        worker = new Thread(() -> run(data, organisation, seed), "domus-demo-ledger");
        worker.setDaemon(true);
        worker.start();
    }

    private static void run(LedgerDemoData data, long organisation, long seed) {
        long start = System.nanoTime();
        try {
            LedgerDemoData.Result r = data.generateIfEmpty(organisation, seed);
            if (!r.created()) {
                LOG.info("Demo ledger not generated: the demo cooperative has charge components already");
                return;
            }
            LOG.info(
                    "Demo ledger created in {} ms: {} components, {} units, {} months billed ({} charges, {} CZK),"
                            + " {} payments",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                    r.components(),
                    r.units(),
                    r.months(),
                    r.charges(),
                    r.charged(),
                    r.payments());
        } catch (RuntimeException e) {
            LOG.error("Demo ledger not (fully) created: {}", e.toString(), e);
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        worker.interrupt();
        worker.join(TimeUnit.SECONDS.toMillis(60));
    }
}
