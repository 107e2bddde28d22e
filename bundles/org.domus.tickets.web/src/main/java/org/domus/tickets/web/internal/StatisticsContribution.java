package org.domus.tickets.web.internal;

import org.domus.core.registry.RegistryService;
import org.domus.tickets.ContractorService;
import org.domus.tickets.TicketConfiguration;
import org.domus.tickets.TicketService;
import org.domus.tickets.TicketsPermissions;
import org.domus.web.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Ticket statistics with charts for staff who read tickets ({@link TicketsPermissions#READ}). */
@Component(service = ViewContribution.class)
public class StatisticsContribution extends TicketsContribution {

    @Activate
    public StatisticsContribution(
            @Reference TicketService tickets,
            @Reference TicketConfiguration configuration,
            @Reference ContractorService contractors,
            @Reference RegistryService registry) {
        super(
                "tickets/statistics",
                StatisticsView.class,
                "tickets.stats.menu",
                "BAR_CHART",
                GROUP,
                42,
                true,
                TicketsPermissions.READ,
                null,
                () -> new StatisticsView(tickets, configuration, contractors, registry));
    }
}
