package org.domus.demo.internal.tickets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.domus.core.account.AccountService;
import org.domus.core.registry.RegistryService;
import org.domus.demo.internal.DemoCooperative;
import org.domus.demo.internal.DemoCooperativeReady;
import org.domus.tickets.ContractorService;
import org.domus.tickets.PublicTickets;
import org.domus.tickets.TicketConfiguration;
import org.domus.tickets.TicketHistory;
import org.domus.tickets.TicketService;
import org.domus.tickets.TicketStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each demo organisation its tickets ({@link TicketsDemoData}) once both exist: the organisations
 * (announced by {@link DemoCooperative}) and the tickets module's services. The demo bundle imports the tickets'
 * API package optionally, so without the tickets module this component simply stays unsatisfied; installing the
 * module later satisfies it. An organisation that has tickets already is left alone.
 */
@Component(
        service = {},
        immediate = true,
        configurationPid = DemoCooperative.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class DemoTickets {

    private static final Logger LOG = LoggerFactory.getLogger(DemoTickets.class);

    private final Thread worker;

    @Activate
    public DemoTickets(
            @Reference DemoCooperativeReady cooperative,
            @Reference RegistryService registry,
            @Reference AccountService accounts,
            @Reference TicketService tickets,
            @Reference TicketHistory history,
            @Reference TicketConfiguration configuration,
            @Reference ContractorService contractors,
            @Reference PublicTickets publicForm,
            DemoCooperative.Config config) {
        TicketsDemoData data = new TicketsDemoData(
                registry, accounts, tickets, history, configuration, contractors, publicForm, config.residentLogin());
        List<Long> organisations = cooperative.organisationIds();
        long seed = config.seed();
        // Hundreds of tickets with their timelines take a while: never hold up SCR.
        worker = new Thread(() -> run(data, organisations, seed), "domus-demo-tickets");
        worker.setDaemon(true);
        worker.start();
    }

    private static void run(TicketsDemoData data, List<Long> organisations, long seed) {
        long start = System.nanoTime();
        List<String> made = new ArrayList<>();
        try {
            for (long organisation : organisations) {
                if (Thread.currentThread().isInterrupted()) {
                    LOG.info("Demo tickets stopped before organisation {}", organisation);
                    return;
                }
                TicketsDemoData.Result r = data.generateIfEmpty(organisation, seed);
                if (!r.created()) {
                    LOG.info("Demo tickets of '{}' not generated: it has tickets already", r.organisation());
                    continue;
                }
                Map<TicketStatus, Integer> statuses = new TreeMap<>(r.statuses());
                made.add(String.format(
                        Locale.ROOT,
                        "'%s': %d categories, %d companies with %d workers, %d tickets (%d from the public form) %s,"
                                + " %d steps refused",
                        r.organisation(),
                        r.categories(),
                        r.companies(),
                        r.workers(),
                        r.tickets(),
                        r.publicForm(),
                        statuses,
                        r.refusals()));
            }
            if (!made.isEmpty()) {
                LOG.info(
                        "Demo tickets created in {} ms: {}",
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                        String.join("; ", made));
            }
        } catch (RuntimeException e) {
            LOG.error("Demo tickets not (fully) created: {}", e.toString(), e);
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        worker.interrupt();
        worker.join(TimeUnit.SECONDS.toMillis(60));
    }
}
