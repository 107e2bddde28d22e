package org.domus.demo.internal.ledger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        List<Long> organisations = cooperative.organisationIds();
        long seed = config.seed();
        // Billing a few months of hundreds of units takes seconds: never hold up SCR.
        worker = new Thread(() -> run(data, organisations, seed), "domus-demo-ledger");
        worker.setDaemon(true);
        worker.start();
    }

    private static void run(LedgerDemoData data, List<Long> organisations, long seed) {
        long start = System.nanoTime();
        List<String> made = new ArrayList<>();
        try {
            for (long organisation : organisations) {
                if (Thread.currentThread().isInterrupted()) {
                    LOG.info("Demo ledger stopped before organisation {}", organisation);
                    return;
                }
                LedgerDemoData.Result r = data.generateIfEmpty(organisation, seed);
                if (!r.created()) {
                    LOG.info("Demo ledger of '{}' not generated: it has charge components already", r.organisation());
                    continue;
                }
                made.add(String.format(
                        Locale.ROOT,
                        "'%s': %d components, %d units, %d months billed (%d charges, %s %s), %d payments",
                        r.organisation(),
                        r.components(),
                        r.units(),
                        r.months(),
                        r.charges(),
                        r.charged().toPlainString(),
                        r.currency(),
                        r.payments()));
            }
            if (!made.isEmpty()) {
                LOG.info(
                        "Demo ledger created in {} ms: {}",
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                        String.join("; ", made));
            }
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
