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

/** The managers' panel of tickets ({@link TicketsPermissions#MANAGE}, within their scope). */
@Component(service = ViewContribution.class)
public class ManageContribution extends TicketsContribution {

    static final String ROUTE = "tickets/manage";

    @Activate
    public ManageContribution(
            @Reference TicketService tickets,
            @Reference TicketConfiguration configuration,
            @Reference ContractorService contractors,
            @Reference RegistryService registry) {
        super(
                ROUTE,
                ManageView.class,
                "tickets.manage.menu",
                "TASKS",
                GROUP,
                40,
                true,
                TicketsPermissions.MANAGE,
                null,
                () -> new ManageView(tickets, configuration, contractors, registry));
    }
}
