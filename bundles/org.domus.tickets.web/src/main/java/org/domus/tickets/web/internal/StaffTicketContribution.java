package org.domus.tickets.web.internal;

import org.domus.tickets.ContractorService;
import org.domus.tickets.TicketAttachments;
import org.domus.tickets.TicketService;
import org.domus.tickets.TicketsPermissions;
import org.domus.web.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** A ticket's page for managers at {@code tickets/manage/ticket/<ticket id>}, reached from the panel. */
@Component(service = ViewContribution.class)
public class StaffTicketContribution extends TicketsContribution {

    @Activate
    public StaffTicketContribution(
            @Reference TicketService tickets,
            @Reference TicketAttachments attachments,
            @Reference ContractorService contractors) {
        super(
                StaffTicketView.ROUTE,
                StaffTicketView.class,
                "tickets.manage.ticket.title",
                "TASKS",
                GROUP,
                41,
                false,
                TicketsPermissions.MANAGE,
                PARAMETER_TICKET,
                () -> new StaffTicketView(tickets, attachments, contractors));
    }
}
