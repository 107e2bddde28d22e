package org.domus.tickets.web.internal;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.registry.Building;
import org.domus.core.registry.BuildingFilter;
import org.domus.core.registry.RegistryService;
import org.domus.tickets.ContractorCompany;
import org.domus.tickets.ContractorService;
import org.domus.tickets.ContractorWorker;
import org.domus.tickets.Ticket;
import org.domus.tickets.TicketConfiguration;
import org.domus.tickets.TicketService;
import org.domus.tickets.TicketSort;
import org.domus.tickets.TicketStatus;
import org.domus.tickets.web.internal.TicketFilter.ListKind;
import org.domus.web.DomusUi;
import org.domus.web.components.DomusMap;
import org.domus.web.components.MapMarker;

/**
 * The tickets of the staff member's scope on a map, filtered like the panel: each at its pin or its building,
 * coloured by status (red when overdue); and the contractors' workers who share their position, for assigning
 * work nearby. A ticket's marker opens the ticket.
 */
public class MapView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;
    private static final int MAX_BUILDINGS = 1000;

    private final transient TicketService tickets;
    private final transient ContractorService contractors;
    private final transient RegistryService registry;
    private final transient Subject subject;
    private final TicketFilters filters;
    private final DomusMap map = new DomusMap();
    private final Span shown = new Span();

    public MapView(
            TicketService tickets,
            TicketConfiguration configuration,
            ContractorService contractors,
            RegistryService registry) {
        this.tickets = tickets;
        this.contractors = contractors;
        this.registry = registry;
        this.subject = DomusUi.requireSubject();
        addClassName("domus-page");
        setSizeFull();
        filters = new TicketFilters("tickets-map-filter", subject, registry, configuration, contractors, this::load);
        map.setId("tickets-map");
        map.setHeight("560px");
        map.addMarkerClickListener(e -> {
            String id = e.getMarkerId();
            if (id != null && id.startsWith(TicketMarkers.TICKET_PREFIX)) {
                getUI().ifPresent(ui ->
                        ui.navigate(StaffTicketView.ROUTE + "/" + id.substring(TicketMarkers.TICKET_PREFIX.length())));
            }
        });
        shown.setId("tickets-map-shown");
        add(new H2(getTranslation("tickets.manage.map.title")), filters, legend(), shown, map);
        load();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tickets.manage.map.title");
    }

    private Div legend() {
        Div legend = new Div();
        legend.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");
        for (TicketStatus s : EnumSet.of(
                TicketStatus.NEW,
                TicketStatus.ASSIGNED,
                TicketStatus.IN_PROGRESS,
                TicketStatus.REOPENED,
                TicketStatus.DONE)) {
            legend.add(dot(TicketMarkers.colour(s), TicketText.of("tickets.ui.status.", s)));
        }
        legend.add(dot(TicketMarkers.OVERDUE, getTranslation("tickets.ui.badge.overdue")));
        legend.add(dot(TicketMarkers.WORKER, getTranslation("tickets.manage.map.worker")));
        return legend;
    }

    private static Span dot(String colour, String text) {
        Span dot = new Span();
        dot.getStyle()
                .set("display", "inline-block")
                .set("width", "0.8em")
                .set("height", "0.8em")
                .set("border-radius", "50%")
                .set("margin-right", "0.3em")
                .set("background", colour);
        Span item = new Span(dot, new Span(text));
        return item;
    }

    private void load() {
        List<Ticket> found;
        Map<Long, Building> buildings = new HashMap<>();
        List<ContractorWorker> workers = new ArrayList<>();
        Map<Long, String> companyNames = new HashMap<>();
        try {
            found = tickets.list(
                            subject,
                            filters.value()
                                    .query(
                                            ListKind.ALL,
                                            TicketFilter.zone(filters.country()),
                                            Instant.now(),
                                            TicketSort.CREATED,
                                            true,
                                            0,
                                            TicketService.MAX_PAGE))
                    .items();
            registry.buildings(subject, BuildingFilter.NONE, 0, MAX_BUILDINGS)
                    .items()
                    .forEach(b -> buildings.put(b.id(), b));
            Long company = filters.value().companyId();
            for (ContractorCompany c : filters.companies()) {
                if (company != null && c.id() != company) {
                    continue;
                }
                companyNames.put(c.id(), c.name());
                workers.addAll(contractors.workers(subject, c.id()));
            }
        } catch (DomusException e) {
            Refusals.show(e);
            return;
        }
        // The workers first: the tickets drawn after them stay on top, where a click reaches them.
        List<MapMarker> markers = new ArrayList<>(TicketMarkers.workers(workers, companyNames));
        int workerMarkers = markers.size();
        markers.addAll(TicketMarkers.tickets(found, buildings));
        map.setMarkers(markers);
        shown.setText(getTranslation("tickets.manage.map.shown", markers.size() - workerMarkers, workerMarkers));
        if (!markers.isEmpty()) {
            map.fitToMarkers();
        }
    }
}
