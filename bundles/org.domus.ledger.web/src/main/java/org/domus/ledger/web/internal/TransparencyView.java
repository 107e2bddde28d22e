package org.domus.ledger.web.internal;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.access.RegistryLocation;
import org.domus.core.access.RegistryScope;
import org.domus.core.export.ColumnType;
import org.domus.core.export.Table;
import org.domus.core.export.TableFormat;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.RegistryService;
import org.domus.ledger.LedgerPermissions;
import org.domus.ledger.LedgerReports;
import org.domus.ledger.TransparencyReport;
import org.domus.web.DomusUi;
import org.domus.web.Downloads;

/**
 * The board's monthly income and expense summary of an organisation: charges per component, payments,
 * refunds, expenses and the bank and cash balances, month by month with totals; downloadable as CSV or
 * XLSX. Only staff reading the whole organisation see it (the ledger's rule).
 */
public class TransparencyView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;
    private static final int MONTHS_BACK = 36;

    private final transient LedgerReports reports;
    private final Select<Organisation> organisation = new Select<>();
    private final Select<YearMonth> from = new Select<>();
    private final Select<YearMonth> to = new Select<>();
    private final Div result = new Div();

    public TransparencyView(LedgerReports reports, RegistryService registry, AccessPolicy policy) {
        this.reports = reports;
        addClassName("domus-page");
        RegistryScope readable = policy.registryScope(subject(), LedgerPermissions.READ);
        List<Organisation> organisations = registry.organisations(subject()).stream()
                .filter(o -> readable.covers(new RegistryLocation(o.id(), null, null, null)))
                .toList();
        organisation.setId("ledger-transparency-organisation");
        organisation.setLabel(getTranslation("ledger.ui.setup.organisation"));
        organisation.setItems(organisations);
        organisation.setItemLabelGenerator(Organisation::name);
        YearMonth now = YearMonth.now();
        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i <= MONTHS_BACK; i++) {
            months.add(now.minusMonths(i));
        }
        for (Select<YearMonth> s : List.of(from, to)) {
            s.setItems(months);
            s.setItemLabelGenerator(LedgerText::month);
        }
        from.setId("ledger-transparency-from");
        from.setLabel(getTranslation("ledger.ui.statement.from"));
        from.setValue(now.minusMonths(11));
        to.setId("ledger-transparency-to");
        to.setLabel(getTranslation("ledger.ui.statement.to"));
        to.setValue(now);
        result.setWidthFull();
        HorizontalLayout form = new HorizontalLayout(organisation, from, to);
        form.setAlignItems(Alignment.BASELINE);
        add(new H2(getTranslation("ledger.ui.transparency.title")), form, result);
        organisation.addValueChangeListener(e -> load());
        from.addValueChangeListener(e -> load());
        to.addValueChangeListener(e -> load());
        if (organisations.isEmpty()) {
            result.add(new com.vaadin.flow.component.html.Paragraph(getTranslation("ledger.ui.transparency.none")));
        } else {
            organisation.setValue(organisations.get(0));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("ledger.ui.transparency.title");
    }

    private void load() {
        result.removeAll();
        if (organisation.getValue() == null || from.getValue() == null || to.getValue() == null) {
            return;
        }
        if (from.getValue().isAfter(to.getValue())) {
            from.setInvalid(true);
            from.setErrorMessage(getTranslation("ledger.turnover.range.invalid"));
            return;
        }
        from.setInvalid(false);
        Subject me = subject();
        TransparencyReport report;
        try {
            report = reports.transparency(me, organisation.getValue().id(), from.getValue(), to.getValue());
        } catch (DomusException e) {
            Refusals.show(e);
            return;
        }
        Locale locale = getLocale();
        List<String> headers = new ArrayList<>();
        List<Function<TransparencyReport.Month, BigDecimal>> values = new ArrayList<>();
        for (int i = 0; i < report.components().size(); i++) {
            int index = i;
            headers.add(report.components().get(i).name());
            values.add(m -> m.charges().get(index));
        }
        headers.add(getTranslation("ledger.ui.transparency.charges"));
        values.add(TransparencyReport.Month::chargesTotal);
        headers.add(getTranslation("ledger.ui.transparency.payments"));
        values.add(TransparencyReport.Month::payments);
        headers.add(getTranslation("ledger.ui.transparency.refunds"));
        values.add(TransparencyReport.Month::refunds);
        headers.add(getTranslation("ledger.ui.transparency.expenses"));
        values.add(TransparencyReport.Month::expenses);
        headers.add(getTranslation("ledger.ui.transparency.bank"));
        values.add(TransparencyReport.Month::bankBalance);
        headers.add(getTranslation("ledger.ui.transparency.cash"));
        values.add(TransparencyReport.Month::cashBalance);

        Grid<TransparencyReport.Month> grid = new Grid<>();
        grid.setId("ledger-transparency");
        grid.addColumn(m -> LedgerText.month(m.month()))
                .setHeader(getTranslation("ledger.ui.turnover.month"))
                .setFooter(getTranslation("ledger.ui.billing.total"));
        for (int i = 0; i < headers.size(); i++) {
            Function<TransparencyReport.Month, BigDecimal> value = values.get(i);
            grid.addColumn(m -> LedgerText.amount(value.apply(m), locale))
                    .setHeader(headers.get(i))
                    .setFooter(report.totals() == null ? "" : LedgerText.amount(value.apply(report.totals()), locale))
                    .setTextAlign(ColumnTextAlign.END)
                    .setAutoWidth(true);
        }
        grid.setItems(report.months());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);

        String title = getTranslation("ledger.ui.transparency.title");
        String month = getTranslation("ledger.ui.turnover.month");
        Div downloads = new Div();
        for (TableFormat format : TableFormat.values()) {
            downloads.add(Downloads.link(
                    "ledger-transparency-" + format.extension(),
                    getTranslation("ledger.ui.download." + format.name()),
                    "transparency-" + report.from() + "-" + report.to(),
                    format,
                    locale,
                    () -> table(title, month, headers, values, report)));
        }
        downloads.getChildren().forEach(c -> c.getElement().getStyle().set("margin-right", "var(--lumo-space-m)"));
        result.add(
                new com.vaadin.flow.component.html.Paragraph(
                        getTranslation("ledger.ui.transparency.currency", report.currency())),
                downloads,
                grid);
    }

    private static Table table(
            String title,
            String month,
            List<String> headers,
            List<Function<TransparencyReport.Month, BigDecimal>> values,
            TransparencyReport report) {
        Table.Builder table = Table.builder(title).column(month, ColumnType.MONTH);
        headers.forEach(h -> table.column(h, ColumnType.MONEY));
        for (TransparencyReport.Month m : report.months()) {
            List<Object> row = new ArrayList<>();
            row.add(m.month());
            values.forEach(v -> row.add(v.apply(m)));
            table.row(row);
        }
        return table.build();
    }

    private static Subject subject() {
        return DomusUi.requireSubject();
    }
}
