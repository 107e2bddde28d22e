package org.domus.ledger.web.internal;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.export.ColumnType;
import org.domus.core.export.Table;
import org.domus.core.export.TableFormat;
import org.domus.ledger.Arrear;
import org.domus.ledger.ArrearsQuery;
import org.domus.ledger.ArrearsSort;
import org.domus.ledger.LedgerReports;
import org.domus.web.DomusUi;
import org.domus.web.Downloads;

/**
 * Who owes how much since when, within the staff member's ledger scope: filtered by amount and age, sorted
 * by debt, age or unit, paged from the database; a row opens the unit's ledger; the list (with the same
 * filters) downloads as CSV or XLSX.
 */
public class ArrearsView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;
    private static final int PAGE = 50;

    private final transient LedgerReports reports;
    private final BigDecimalField minAmount = new BigDecimalField();
    private final IntegerField minMonths = new IntegerField();
    private final Select<ArrearsSort> sort = new Select<>();
    private final Grid<Arrear> grid = new Grid<>();
    private final Div downloads = new Div();

    public ArrearsView(LedgerReports reports) {
        this.reports = reports;
        addClassName("domus-page");
        setSizeFull();
        minAmount.setLabel(getTranslation("ledger.ui.arrears.minAmount"));
        minAmount.setId("ledger-arrears-min-amount");
        minMonths.setLabel(getTranslation("ledger.ui.arrears.minMonths"));
        minMonths.setId("ledger-arrears-min-months");
        minMonths.setMin(0);
        sort.setLabel(getTranslation("ledger.ui.arrears.sort"));
        sort.setId("ledger-arrears-sort");
        sort.setItems(ArrearsSort.values());
        sort.setItemLabelGenerator(s -> getTranslation("ledger.ui.arrears.sort." + s.name()));
        sort.setValue(ArrearsSort.DEBT);
        grid.setId("ledger-arrears");
        grid.addColumn(a -> a.address() + " / " + a.unitNumber()).setHeader(getTranslation("ledger.ui.arrears.unit"));
        grid.addColumn(a -> String.join(", ", a.holders())).setHeader(getTranslation("ledger.ui.arrears.holders"));
        grid.addColumn(a -> LedgerText.money(a.debt(), a.currency(), getLocale()))
                .setHeader(getTranslation("ledger.ui.arrears.debt"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(a -> LedgerText.month(a.since())).setHeader(getTranslation("ledger.ui.arrears.since"));
        grid.addColumn(a -> String.valueOf(a.monthsOverdue()))
                .setHeader(getTranslation("ledger.ui.arrears.months"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setPageSize(PAGE);
        grid.addItemClickListener(e ->
                getUI().ifPresent(ui -> ui.navigate("ledger/unit/" + e.getItem().unitId())));
        minAmount.addValueChangeListener(e -> load());
        minMonths.addValueChangeListener(e -> load());
        sort.addValueChangeListener(e -> load());
        HorizontalLayout filters = new HorizontalLayout(minAmount, minMonths, sort, downloads);
        filters.setAlignItems(Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");
        add(new H2(getTranslation("ledger.ui.arrears.title")), filters, grid);
        expand(grid);
        load();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("ledger.ui.arrears.title");
    }

    private ArrearsQuery query(int offset, int limit) {
        ArrearsSort by = sort.getValue() == null ? ArrearsSort.DEBT : sort.getValue();
        return new ArrearsQuery(
                null,
                null,
                null,
                minAmount.getValue(),
                minMonths.getValue(),
                by,
                by != ArrearsSort.UNIT,
                offset,
                limit);
    }

    private void load() {
        Subject me = subject();
        try {
            reports.arrears(me, query(0, 1));
        } catch (DomusException e) {
            Refusals.show(e);
            return;
        }
        grid.setItems(q -> reports.arrears(me, query(q.getOffset(), q.getLimit())).items().stream(), q ->
                (int) reports.arrears(me, query(0, 1)).total());
        ArrearsQuery all = query(0, LedgerReports.MAX_ARREARS);
        Locale locale = getLocale();
        String title = getTranslation("ledger.ui.arrears.title");
        List<String> headers = List.of(
                getTranslation("ledger.ui.arrears.address"),
                getTranslation("ledger.ui.arrears.number"),
                getTranslation("ledger.ui.arrears.holders"),
                getTranslation("ledger.ui.arrears.currency"),
                getTranslation("ledger.ui.arrears.debt"),
                getTranslation("ledger.ui.arrears.since"),
                getTranslation("ledger.ui.arrears.months"));
        String base = "arrears-" + YearMonth.now();
        downloads.removeAll();
        for (TableFormat format : TableFormat.values()) {
            downloads.add(Downloads.link(
                    "ledger-arrears-" + format.extension(),
                    getTranslation("ledger.ui.download." + format.name()),
                    base,
                    format,
                    locale,
                    () -> table(title, headers, reports.arrears(me, all).items())));
        }
        downloads.getChildren().forEach(c -> c.getElement().getStyle().set("margin-right", "var(--lumo-space-m)"));
    }

    static Table table(String title, List<String> headers, List<Arrear> arrears) {
        Table.Builder table = Table.builder(title)
                .column(headers.get(0), ColumnType.TEXT)
                .column(headers.get(1), ColumnType.TEXT)
                .column(headers.get(2), ColumnType.TEXT)
                .column(headers.get(3), ColumnType.TEXT)
                .column(headers.get(4), ColumnType.MONEY)
                .column(headers.get(5), ColumnType.MONTH)
                .column(headers.get(6), ColumnType.INTEGER);
        for (Arrear a : arrears) {
            table.row(
                    a.address(),
                    a.unitNumber(),
                    String.join(", ", a.holders()),
                    a.currency(),
                    a.debt(),
                    a.since(),
                    a.monthsOverdue());
        }
        return table.build();
    }

    private static Subject subject() {
        return DomusUi.requireSubject();
    }
}
