package org.domus.tickets.web.internal;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import java.time.Instant;
import java.util.List;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.registry.RegistryService;
import org.domus.tickets.ContractorService;
import org.domus.tickets.StatisticsCount;
import org.domus.tickets.TicketConfiguration;
import org.domus.tickets.TicketService;
import org.domus.tickets.TicketSort;
import org.domus.tickets.TicketStatistics;
import org.domus.tickets.TicketStatus;
import org.domus.tickets.web.internal.TicketFilter.ListKind;
import org.domus.web.DomusUi;
import org.domus.web.components.ChartSeries;
import org.domus.web.components.DomusChart;

/**
 * Ticket statistics for the same filters as the management panel, in the staff member's scope: how many
 * tickets, done, open and overdue, the median time to resolve and the share done on time; charts per building,
 * category, contractor company and status, each with its numbers in a table next to it.
 */
public class StatisticsView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;
    private static final int MAX_BARS = 15;
    private static final List<String> FIGURES = List.of("total", "done", "open", "overdue", "median", "onTime");

    private final transient TicketService tickets;
    private final transient Subject subject;
    private final TicketFilters filters;
    private final Div summary = new Div();
    private final Div breakdowns = new Div();

    public StatisticsView(
            TicketService tickets,
            TicketConfiguration configuration,
            ContractorService contractors,
            RegistryService registry) {
        this.tickets = tickets;
        this.subject = DomusUi.requireSubject();
        addClassName("domus-page");
        filters = new TicketFilters("tickets-stats-filter", subject, registry, configuration, contractors, this::load);
        summary.setId("tickets-stats-summary");
        summary.getStyle()
                .set("display", "grid")
                .set("grid-template-columns", "repeat(auto-fill, minmax(11em, 1fr))")
                .set("gap", "var(--lumo-space-m)")
                .set("width", "100%");
        breakdowns
                .getStyle()
                .set("display", "grid")
                .set("grid-template-columns", "repeat(auto-fill, minmax(30em, 1fr))")
                .set("gap", "var(--lumo-space-m)")
                .set("width", "100%");
        add(new H2(getTranslation("tickets.stats.title")), filters, summary, breakdowns);
        load();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tickets.stats.title");
    }

    private void load() {
        TicketStatistics s;
        try {
            s = tickets.statistics(
                    subject,
                    filters.value()
                            .query(
                                    ListKind.ALL,
                                    TicketFilter.zone(filters.country()),
                                    Instant.now(),
                                    TicketSort.CREATED,
                                    true,
                                    0,
                                    1));
        } catch (DomusException e) {
            Refusals.show(e);
            return;
        }
        summary.removeAll();
        List<String> values = StatisticsTables.summary(s, getLocale(), u -> getTranslation("tickets.stats.unit." + u));
        for (int i = 0; i < FIGURES.size(); i++) {
            Span value = new Span(values.get(i).isEmpty() ? "—" : values.get(i));
            value.setId("tickets-stats-" + FIGURES.get(i).toLowerCase(java.util.Locale.ROOT));
            value.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600");
            Div card = new Div(new Span(getTranslation("tickets.stats.figure." + FIGURES.get(i))), new Div(value));
            card.addClassName("domus-card");
            summary.add(card);
        }
        breakdowns.removeAll();
        breakdowns.add(
                breakdown("building", s.perBuilding(), false),
                breakdown("category", s.perCategory(), true),
                breakdown("company", s.perCompany(), false),
                breakdown("status", statusLabels(s.perStatus()), true));
    }

    /** Status counts under their translated names; "none" (unassigned) likewise. */
    private List<StatisticsCount> statusLabels(List<StatisticsCount> counts) {
        return counts.stream()
                .map(c -> new StatisticsCount(
                        c.key(), TicketText.of("tickets.ui.status.", TicketStatus.valueOf(c.key())), c.count()))
                .toList();
    }

    private Div breakdown(String by, List<StatisticsCount> all, boolean doughnut) {
        String title = getTranslation("tickets.stats.by." + by);
        List<StatisticsCount> counts = StatisticsTables.top(
                all.stream()
                        .map(c -> "none".equals(c.key())
                                ? new StatisticsCount(c.key(), getTranslation("tickets.stats.unassigned"), c.count())
                                : c)
                        .toList(),
                MAX_BARS,
                getTranslation("tickets.stats.others"));
        DomusChart chart = new DomusChart();
        chart.setId("tickets-stats-chart-" + by);
        chart.setHeight("260px");
        List<String> labels = counts.stream().map(StatisticsCount::label).toList();
        List<ChartSeries> series = List.of(new ChartSeries(
                getTranslation("tickets.stats.tickets"),
                counts.stream().map(StatisticsCount::count).toList()));
        if (doughnut) {
            chart.setDoughnut(title, labels, series);
        } else {
            chart.setBar(title, labels, series);
        }
        Grid<StatisticsCount> table = new Grid<>();
        table.setId("tickets-stats-table-" + by);
        table.addColumn(StatisticsCount::label)
                .setHeader(getTranslation("tickets.stats.column." + by))
                .setFlexGrow(3);
        table.addColumn(c -> String.valueOf(c.count()))
                .setHeader(getTranslation("tickets.stats.tickets"))
                .setTextAlign(ColumnTextAlign.END);
        table.setItems(counts);
        table.setAllRowsVisible(true);
        table.addThemeVariants(GridVariant.LUMO_COMPACT);
        return Panels.card(title, chart, table);
    }
}
