package org.domus.tickets.web.internal;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import java.util.Locale;
import org.domus.tickets.Ticket;
import org.domus.web.DomusUi;

/** The ticket lists of the resident's and the contractor's pages: each reference links to the ticket's page. */
final class TicketGrids {

    /** Where a ticket's page is; {@link TicketContribution} serves it. */
    static final String TICKET_ROUTE = "tickets/ticket";

    private TicketGrids() {}

    static String path(long ticketId) {
        return TICKET_ROUTE + "/" + ticketId;
    }

    /** The link to a ticket's page, as its reference. */
    static Anchor link(Ticket ticket) {
        Anchor link = new Anchor(path(ticket.id()), ticket.reference());
        link.setId("tickets-link-" + ticket.id());
        return link;
    }

    /**
     * A list of tickets: reference (a link), what, where (when {@code withAddress}), status, reported, due and
     * the deadline badge.
     */
    static Grid<Ticket> grid(String id, boolean withAddress) {
        Locale locale = DomusUi.locale();
        Grid<Ticket> grid = new Grid<>();
        grid.setId(id);
        grid.addComponentColumn(TicketGrids::link)
                .setHeader(DomusUi.translate("tickets.ui.column.reference"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(Ticket::title)
                .setHeader(DomusUi.translate("tickets.ui.column.title"))
                .setFlexGrow(2);
        grid.addColumn(Ticket::categoryName).setHeader(DomusUi.translate("tickets.ui.column.category"));
        if (withAddress) {
            grid.addColumn(Ticket::address).setHeader(DomusUi.translate("tickets.ui.column.address"));
        }
        grid.addColumn(t -> TicketText.of("tickets.ui.status.", t.status()))
                .setHeader(DomusUi.translate("tickets.ui.column.status"))
                .setAutoWidth(true);
        grid.addColumn(t -> TicketText.date(t.createdAt(), locale))
                .setHeader(DomusUi.translate("tickets.ui.column.created"))
                .setAutoWidth(true);
        grid.addColumn(t -> TicketText.date(t.resolutionDue(), locale))
                .setHeader(DomusUi.translate("tickets.ui.column.due"))
                .setAutoWidth(true);
        grid.addComponentColumn(TicketText::deadlineBadge)
                .setHeader(DomusUi.translate("tickets.ui.column.deadline"))
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        return grid;
    }
}
