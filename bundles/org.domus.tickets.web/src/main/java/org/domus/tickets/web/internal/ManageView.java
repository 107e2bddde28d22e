package org.domus.tickets.web.internal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.HasDynamicTitle;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.export.TableFormat;
import org.domus.core.registry.RegistryService;
import org.domus.tickets.BulkResult;
import org.domus.tickets.ContractorService;
import org.domus.tickets.Ticket;
import org.domus.tickets.TicketConfiguration;
import org.domus.tickets.TicketQuery;
import org.domus.tickets.TicketService;
import org.domus.tickets.TicketSort;
import org.domus.tickets.TicketStatus;
import org.domus.tickets.TransitionRequest;
import org.domus.tickets.web.internal.TicketFilter.ListKind;
import org.domus.web.DomusUi;
import org.domus.web.Downloads;

/**
 * The managers' panel: today's tickets, all tickets, those forwarded to contractors today and all forwarded
 * ones, within the manager's scope and the filters; several tickets at once are accepted, assigned, rejected or
 * cancelled (all or nothing: a refusal names each ticket that stopped the batch); a reference opens the
 * ticket's page; the filtered list downloads as CSV or XLSX.
 */
public class ManageView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;
    private static final int PAGE = 50;

    private final transient TicketService tickets;
    private final transient ContractorService contractors;
    private final transient Subject subject;
    private final Map<ListKind, Tab> tabs = new EnumMap<>(ListKind.class);
    private final Tabs tabBar = new Tabs();
    private final TicketFilters filters;
    private final Grid<Ticket> grid = new Grid<>();
    private final Span selected = new Span();
    private final Span count = new Span();
    private final Div errors = new Div();
    private final Div downloads = new Div();
    private final List<Button> bulkButtons = new ArrayList<>();

    public ManageView(
            TicketService tickets,
            TicketConfiguration configuration,
            ContractorService contractors,
            RegistryService registry) {
        this.tickets = tickets;
        this.contractors = contractors;
        this.subject = DomusUi.requireSubject();
        addClassName("domus-page");
        setSizeFull();
        for (ListKind kind : ListKind.values()) {
            Tab tab = new Tab(getTranslation("tickets.manage.list." + kind.name()));
            tab.setId("tickets-manage-list-"
                    + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            tabs.put(kind, tab);
            tabBar.add(tab);
        }
        tabBar.setSelectedTab(tabs.get(ListKind.ALL));
        tabBar.addSelectedChangeListener(e -> load());
        filters = new TicketFilters("tickets-manage-filter", subject, registry, configuration, contractors, this::load);

        grid.setId("tickets-manage-grid");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addComponentColumn(t -> {
                    Anchor open = new Anchor(StaffTicketView.ROUTE + "/" + t.id(), t.reference());
                    open.addClassName("tickets-open");
                    return open;
                })
                .setHeader(getTranslation("tickets.ui.column.reference"))
                .setAutoWidth(true);
        grid.addColumn(t -> TicketText.of("tickets.ui.status.", t.status()))
                .setHeader(getTranslation("tickets.ui.column.status"))
                .setAutoWidth(true);
        grid.addColumn(t -> TicketText.of("tickets.ui.priority.", t.priority()))
                .setHeader(getTranslation("tickets.manage.column.priority"));
        grid.addColumn(Ticket::title)
                .setHeader(getTranslation("tickets.ui.column.title"))
                .setFlexGrow(2);
        grid.addColumn(Ticket::categoryName).setHeader(getTranslation("tickets.ui.column.category"));
        grid.addColumn(Ticket::address)
                .setHeader(getTranslation("tickets.ui.column.address"))
                .setFlexGrow(2);
        grid.addColumn(t -> t.companyName() == null
                        ? ""
                        : t.companyName() + (t.workerName() == null ? "" : " / " + t.workerName()))
                .setHeader(getTranslation("tickets.manage.column.contractor"));
        grid.addColumn(t -> TicketText.dateTime(t.createdAt(), getLocale()))
                .setHeader(getTranslation("tickets.ui.column.created"));
        grid.addColumn(t -> TicketText.dateTime(t.resolutionDue(), getLocale()))
                .setHeader(getTranslation("tickets.ui.column.due"));
        grid.addComponentColumn(TicketText::deadlineBadge).setHeader(getTranslation("tickets.ui.column.deadline"));
        grid.addColumn(t -> TicketText.of("tickets.ui.source.", t.source()))
                .setHeader(getTranslation("tickets.manage.column.source"));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setPageSize(PAGE);
        grid.addSelectionListener(e -> selectionChanged());

        Button accept = bulkButton("accept", e -> bulk(TransitionRequest.to(TicketStatus.ACCEPTED, null)));
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button assign = bulkButton("assign", e -> assign());
        Button reject = bulkButton("reject", e -> new ReasonDialog(
                        getTranslation("tickets.manage.bulk.reject.title"),
                        true,
                        reason -> bulk(TransitionRequest.to(TicketStatus.REJECTED, reason)))
                .open());
        Button cancel = bulkButton("cancel", e -> new ReasonDialog(
                        getTranslation("tickets.manage.bulk.cancel.title"),
                        false,
                        reason -> bulk(TransitionRequest.to(TicketStatus.CANCELLED, reason)))
                .open());
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        selected.setId("tickets-manage-selected");
        count.setId("tickets-manage-count");
        errors.setId("tickets-manage-bulk-errors");
        errors.addClassName("domus-card");
        errors.getStyle().set("color", "var(--lumo-error-text-color)");
        errors.setVisible(false);
        HorizontalLayout actions = new HorizontalLayout(accept, assign, reject, cancel, selected, count, downloads);
        actions.setAlignItems(Alignment.BASELINE);
        actions.getStyle().set("flex-wrap", "wrap");
        add(new H2(getTranslation("tickets.manage.title")), tabBar, filters, actions, errors, grid);
        expand(grid);
        selectionChanged();
        load();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tickets.manage.title");
    }

    private Button bulkButton(
            String action,
            com.vaadin.flow.component.ComponentEventListener<com.vaadin.flow.component.ClickEvent<Button>> listener) {
        Button b = new Button(getTranslation("tickets.manage.bulk." + action), listener);
        b.setId("tickets-manage-bulk-" + action);
        bulkButtons.add(b);
        return b;
    }

    private ListKind kind() {
        for (Map.Entry<ListKind, Tab> e : tabs.entrySet()) {
            if (e.getValue().equals(tabBar.getSelectedTab())) {
                return e.getKey();
            }
        }
        return ListKind.ALL;
    }

    private TicketQuery query(int offset, int limit) {
        return filters.value()
                .query(
                        kind(),
                        TicketFilter.zone(filters.country()),
                        Instant.now(),
                        TicketSort.CREATED,
                        true,
                        offset,
                        Math.min(limit, TicketService.MAX_PAGE));
    }

    private void load() {
        errors.setVisible(false);
        long total;
        try {
            total = tickets.list(subject, query(0, 1)).total();
        } catch (DomusException e) {
            Refusals.show(e);
            return;
        }
        count.setText(getTranslation("tickets.manage.count", total));
        grid.deselectAll();
        grid.setItems(q -> tickets.list(subject, query(q.getOffset(), q.getLimit())).items().stream(), q ->
                (int) tickets.list(subject, query(0, 1)).total());
        TicketQuery all = query(0, TicketService.MAX_PAGE);
        downloads.removeAll();
        String base = "tickets-" + LocalDate.now();
        for (TableFormat format : TableFormat.values()) {
            Anchor link = Downloads.link(
                    "tickets-manage-download-" + format.extension(),
                    getTranslation("tickets.manage.download." + format.name()),
                    base,
                    format,
                    getLocale(),
                    () -> tickets.table(subject, all));
            link.getStyle().set("margin-right", "var(--lumo-space-m)");
            downloads.add(link);
        }
    }

    private void selectionChanged() {
        int n = grid.getSelectedItems().size();
        selected.setText(getTranslation("tickets.manage.selected", n));
        bulkButtons.forEach(b -> b.setEnabled(n > 0));
    }

    private List<Ticket> selection() {
        List<Ticket> chosen = new ArrayList<>(grid.getSelectedItems());
        chosen.sort(java.util.Comparator.comparing(Ticket::reference));
        return chosen;
    }

    private void assign() {
        List<Ticket> chosen = selection();
        Set<Long> organisations = new HashSet<>();
        Set<String> groups = new HashSet<>();
        chosen.forEach(t -> {
            organisations.add(t.organisationId());
            groups.add(t.group());
        });
        if (organisations.size() != 1) {
            showErrors(List.of(new BulkErrors.Line(null, "tickets.manage.assign.oneOrganisation", List.of())));
            return;
        }
        new AssignDialog(
                        subject,
                        contractors,
                        organisations.iterator().next(),
                        groups,
                        (company, worker) -> bulk(
                                new TransitionRequest(TicketStatus.ASSIGNED, null, company, worker, null, null, null)))
                .open();
    }

    /** One change on every selected ticket, all or nothing. */
    private void bulk(TransitionRequest request) {
        List<Ticket> chosen = selection();
        if (chosen.isEmpty()) {
            return;
        }
        try {
            BulkResult result =
                    tickets.bulk(subject, chosen.stream().map(Ticket::id).toList(), request);
            DomusUi.showSuccess("tickets.manage.bulk.done", result.tickets().size());
            load();
        } catch (DomusException e) {
            showErrors(BulkErrors.lines(chosen, e));
        }
    }

    private void showErrors(List<BulkErrors.Line> lines) {
        errors.removeAll();
        errors.add(new Span(getTranslation("tickets.manage.bulk.refused")));
        for (BulkErrors.Line line : lines) {
            String message = getTranslation(line.messageKey(), line.arguments().toArray());
            Div row = new Div(new Span(line.reference() == null ? message : line.reference() + ": " + message));
            row.addClassName("tickets-bulk-error");
            errors.add(row);
        }
        errors.setVisible(true);
    }
}
