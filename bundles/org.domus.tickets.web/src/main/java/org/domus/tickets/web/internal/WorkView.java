package org.domus.tickets.web.internal;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.tickets.ContractorService;
import org.domus.tickets.ContractorWorker;
import org.domus.tickets.Ticket;
import org.domus.tickets.TicketQuery;
import org.domus.tickets.TicketService;
import org.domus.tickets.TicketStatus;
import org.domus.web.DomusUi;

/**
 * "My work" of a contractor or technician: their queue as the service keeps it (per company they work for,
 * the tickets given to them and those given to nobody in particular in their trades; nothing else), narrowed
 * to the tickets given to them or to their trades, and to a status (the open ones by default). Each reference opens the ticket's page, where the work is done.
 * "Share my position" sends the browser's position now and every few minutes while the page is open; the
 * service keeps it only for worker records the office marked as sharing.
 */
public class WorkView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    /** How often the position is sent again while sharing is on. */
    static final int POSITION_MINUTES = 5;

    /** Which of the company's tickets the list shows. */
    enum Scope {
        /** Assigned to one of the viewer's worker records. */
        MINE,
        /** In the viewer's trades (all of the company's for a worker without trades of their own). */
        GROUPS,
        /** Everything the service puts in the viewer's queue. */
        COMPANY
    }

    /** The status filter's "open" choice: everything on which work is still expected. */
    static final Set<TicketStatus> OPEN =
            EnumSet.of(TicketStatus.ASSIGNED, TicketStatus.IN_PROGRESS, TicketStatus.REOPENED);

    private final transient TicketService tickets;
    private final transient ContractorService contractors;
    private final Select<Scope> scope = new Select<>();
    private final Select<TicketStatus> status = new Select<>();
    private final Grid<Ticket> grid;
    private final Paragraph empty = new Paragraph();
    private final Checkbox share = new Checkbox();
    private final Span position = new Span();
    private transient List<ContractorWorker> workers;

    public WorkView(TicketService tickets, ContractorService contractors) {
        this.tickets = tickets;
        this.contractors = contractors;
        addClassName("domus-page");
        add(new H2(getTranslation("tickets.ui.work.title")));
        Subject me = DomusUi.requireSubject();
        workers = contractors.me(me);
        if (workers.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("tickets.ui.work.noWorker"));
            none.setId("tickets-work-none");
            add(none);
            grid = null;
            return;
        }
        scope.setId("tickets-work-scope");
        scope.setLabel(getTranslation("tickets.ui.work.scope"));
        scope.setItems(Scope.values());
        scope.setItemLabelGenerator(s -> getTranslation("tickets.ui.work.scope." + s.name()));
        scope.setValue(Scope.GROUPS);
        status.setId("tickets-work-status");
        status.setLabel(getTranslation("tickets.ui.column.status"));
        status.setItems(TicketStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("tickets.ui.work.status.open"));
        status.setItemLabelGenerator(s ->
                s == null ? getTranslation("tickets.ui.work.status.open") : TicketText.of("tickets.ui.status.", s));
        scope.addValueChangeListener(e -> load());
        status.addValueChangeListener(e -> load());

        share.setId("tickets-work-share");
        share.setLabel(getTranslation("tickets.ui.work.share"));
        share.setValue(workers.stream().anyMatch(ContractorWorker::sharesPosition));
        share.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                sharing(e.getValue());
            }
        });
        position.setId("tickets-work-position");
        HorizontalLayout filters = new HorizontalLayout(scope, status, share);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");

        grid = TicketGrids.grid("tickets-work-list", true);
        empty.setId("tickets-work-empty");
        empty.setText(getTranslation("tickets.ui.work.empty"));
        add(filters, position, grid, empty);
        load();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tickets.ui.work.title");
    }

    private void load() {
        Subject me = DomusUi.requireSubject();
        Set<TicketStatus> statuses = status.getValue() == null ? OPEN : EnumSet.of(status.getValue());
        List<Ticket> all;
        try {
            all = tickets.list(me, TicketQuery.all().withStatuses(statuses).withPage(0, TicketService.MAX_PAGE))
                    .items();
        } catch (DomusException e) {
            Refusals.show(e);
            return;
        }
        List<Ticket> shown =
                all.stream().filter(t -> inScope(t, scope.getValue())).toList();
        grid.setItems(shown);
        grid.setVisible(!shown.isEmpty());
        empty.setVisible(shown.isEmpty());
    }

    /** Whether a ticket of the viewer's companies belongs to the chosen part of the list. */
    boolean inScope(Ticket ticket, Scope chosen) {
        return switch (chosen == null ? Scope.COMPANY : chosen) {
            case MINE -> ticket.workerId() != null && workers.stream().anyMatch(w -> w.id() == ticket.workerId());
            case GROUPS -> groups(ticket.companyId())
                    .map(g -> g.isEmpty() || g.contains(ticket.group()))
                    .orElse(false);
            case COMPANY -> true;
        };
    }

    /** The viewer's trades in a company (empty: all of the company's), or nothing when not working there. */
    private java.util.Optional<Set<String>> groups(Long companyId) {
        if (companyId == null) {
            return java.util.Optional.empty();
        }
        List<ContractorWorker> there =
                workers.stream().filter(w -> w.companyId() == companyId).toList();
        if (there.isEmpty()) {
            return java.util.Optional.empty();
        }
        if (there.stream().anyMatch(w -> w.groups().isEmpty())) {
            return java.util.Optional.of(Set.of());
        }
        return java.util.Optional.of(
                there.stream().flatMap(w -> w.groups().stream()).collect(Collectors.toCollection(HashSet::new)));
    }

    /** Starts or stops sending the browser's position (the browser asks the user the first time). */
    private void sharing(boolean on) {
        if (!on) {
            getElement().executeJs("if (this._domusGeo) { clearInterval(this._domusGeo); this._domusGeo = null; }");
            position.setText(getTranslation("tickets.ui.work.shareOff"));
            return;
        }
        getElement()
                .executeJs(
                        "const el = this;"
                                + "const send = () => navigator.geolocation.getCurrentPosition("
                                + "  p => el.$server.position(p.coords.latitude, p.coords.longitude),"
                                + "  e => el.$server.positionFailed(String(e.message || e.code)),"
                                + "  {timeout: 20000, maximumAge: 60000});"
                                + "if (!navigator.geolocation) { el.$server.positionFailed('-'); return; }"
                                + "send();"
                                + "if (this._domusGeo) { clearInterval(this._domusGeo); }"
                                + "this._domusGeo = setInterval(send, $0);",
                        POSITION_MINUTES * 60 * 1000);
    }

    @ClientCallable
    void position(double latitude, double longitude) {
        if (!Double.isFinite(latitude) || !Double.isFinite(longitude)) {
            return;
        }
        try {
            workers = contractors.reportPosition(
                    DomusUi.requireSubject(), BigDecimal.valueOf(latitude), BigDecimal.valueOf(longitude));
            position.setText(getTranslation(
                    workers.stream().anyMatch(ContractorWorker::sharesPosition)
                            ? "tickets.ui.work.shared"
                            : "tickets.ui.work.notShared",
                    TicketText.dateTime(Instant.now(), getLocale())));
        } catch (DomusException e) {
            Refusals.show(e);
        }
    }

    @ClientCallable
    void positionFailed(String reason) {
        share.setValue(false);
        position.setText(getTranslation("tickets.ui.work.shareFailed"));
    }
}
