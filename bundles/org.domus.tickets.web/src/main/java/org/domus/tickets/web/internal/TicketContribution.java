package org.domus.tickets.web.internal;

import org.domus.core.access.AccessPolicy;
import org.domus.tickets.ContractorService;
import org.domus.tickets.TicketAttachments;
import org.domus.tickets.TicketService;
import org.domus.web.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A ticket's page at {@code tickets/ticket/<id>} for its requester and its contractor, reached from their
 * lists. No permission of its own: whether the viewer may see the ticket is the service's answer.
 */
@Component(service = ViewContribution.class)
public class TicketContribution extends TicketsContribution {

    @Activate
    public TicketContribution(
            @Reference TicketService tickets,
            @Reference TicketAttachments attachments,
            @Reference ContractorService contractors,
            @Reference AccessPolicy policy) {
        super(
                TicketGrids.TICKET_ROUTE,
                TicketView.class,
                "tickets.ui.ticket.title",
                "FILE_TEXT_O",
                GROUP,
                21,
                false,
                null,
                PARAMETER_TICKET,
                () -> new TicketView(tickets, attachments, contractors, policy));
    }
}
