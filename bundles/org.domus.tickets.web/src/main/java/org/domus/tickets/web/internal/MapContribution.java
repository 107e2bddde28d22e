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

/** The tickets and the contractors' workers on a map, for staff who read tickets. */
@Component(service = ViewContribution.class)
public class MapContribution extends TicketsContribution {

    @Activate
    public MapContribution(
            @Reference TicketService tickets,
            @Reference TicketConfiguration configuration,
            @Reference ContractorService contractors,
            @Reference RegistryService registry) {
        super(
                "tickets/map",
                MapView.class,
                "tickets.manage.map.menu",
                "MAP_MARKER",
                GROUP,
                43,
                true,
                TicketsPermissions.READ,
                null,
                () -> new MapView(tickets, configuration, contractors, registry));
    }
}
