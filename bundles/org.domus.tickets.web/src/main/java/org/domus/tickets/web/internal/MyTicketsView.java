package org.domus.tickets.web.internal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import java.util.List;
import java.util.Objects;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.registry.RegistryService;
import org.domus.tickets.Ticket;
import org.domus.tickets.TicketService;
import org.domus.web.DomusUi;

/**
 * "My requests" of the signed-in resident: what they reported (status, reference, dates, whether it is within
 * its deadline or was done on time), and separately the building-wide requests of their buildings that others
 * reported ("In my building", when the cooperative shows them). The service decides what the subject sees.
 */
public class MyTicketsView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    public MyTicketsView(TicketService tickets, RegistryService registry) {
        addClassName("domus-page");
        add(new H2(getTranslation("tickets.ui.my.title")));
        Subject me = DomusUi.requireSubject();
        if (!registry.myUnits(me).isEmpty()) {
            Button report =
                    new Button(getTranslation("tickets.ui.my.report"), VaadinIcon.PLUS.create(), e -> getUI().ifPresent(
                                    ui -> ui.navigate(ReportContribution.ROUTE)));
            report.setId("tickets-my-report");
            report.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(report);
        }
        List<Ticket> all;
        try {
            all = tickets.mine(me, 0, TicketService.MAX_PAGE).items();
        } catch (DomusException e) {
            Refusals.show(e);
            return;
        }
        List<Ticket> mine = all.stream()
                .filter(t -> Objects.equals(t.requesterAccountId(), me.accountId()))
                .toList();
        List<Ticket> building = all.stream()
                .filter(t -> !Objects.equals(t.requesterAccountId(), me.accountId()))
                .toList();
        add(list("tickets-my", mine, false, "tickets.ui.my.none"));
        add(new H3(getTranslation("tickets.ui.my.building")));
        add(list("tickets-building", building, true, "tickets.ui.my.buildingNone"));
    }

    private com.vaadin.flow.component.Component list(String id, List<Ticket> items, boolean withAddress, String none) {
        if (items.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation(none));
            empty.setId(id + "-none");
            return empty;
        }
        Grid<Ticket> grid = TicketGrids.grid(id, withAddress);
        grid.setItems(items);
        return grid;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tickets.ui.my.title");
    }
}
