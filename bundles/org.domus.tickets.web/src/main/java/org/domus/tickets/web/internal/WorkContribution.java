package org.domus.tickets.web.internal;

import org.domus.tickets.ContractorService;
import org.domus.tickets.TicketService;
import org.domus.tickets.TicketsPermissions;
import org.domus.web.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The contractors' and technicians' "My work" ({@link TicketsPermissions#WORK}). */
@Component(service = ViewContribution.class)
public class WorkContribution extends TicketsContribution {

    static final String ROUTE = "tickets/work";

    @Activate
    public WorkContribution(@Reference TicketService tickets, @Reference ContractorService contractors) {
        super(
                ROUTE,
                WorkView.class,
                "tickets.ui.menu.work",
                "TOOLS",
                GROUP,
                20,
                true,
                TicketsPermissions.WORK,
                null,
                () -> new WorkView(tickets, contractors));
    }
}
