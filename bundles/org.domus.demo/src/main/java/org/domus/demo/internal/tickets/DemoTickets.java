package org.domus.demo.internal.tickets;

import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.domus.core.account.AccountService;
import org.domus.core.registry.RegistryService;
import org.domus.demo.internal.DemoCooperative;
import org.domus.demo.internal.DemoCooperativeReady;
import org.domus.demo.internal.OrganisationDemoWorker;
import org.domus.tickets.ContractorService;
import org.domus.tickets.PublicTickets;
import org.domus.tickets.TicketConfiguration;
import org.domus.tickets.TicketHistory;
import org.domus.tickets.TicketService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

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

    private final OrganisationDemoWorker worker;

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
        worker = OrganisationDemoWorker.start("tickets", "domus-demo-tickets", organisations, organisation -> {
            TicketsDemoData.Result r = data.generateIfEmpty(organisation, seed);
            return r.created()
                    ? OrganisationDemoWorker.Outcome.made(
                            r.organisation(),
                            String.format(
                                    Locale.ROOT,
                                    "%d categories, %d companies with %d workers, %d tickets (%d from the public form) %s, %d steps refused",
                                    r.categories(),
                                    r.companies(),
                                    r.workers(),
                                    r.tickets(),
                                    r.publicForm(),
                                    new TreeMap<>(r.statuses()),
                                    r.refusals()))
                    : OrganisationDemoWorker.Outcome.skipped(r.organisation(), "it has tickets already");
        });
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        worker.stop();
    }
}
