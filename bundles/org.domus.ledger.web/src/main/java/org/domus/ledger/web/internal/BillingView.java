package org.domus.ledger.web.internal;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.access.RegistryLocation;
import org.domus.core.access.RegistryScope;
import org.domus.core.access.ScopeType;
import org.domus.core.registry.Building;
import org.domus.core.registry.BuildingFilter;
import org.domus.core.registry.Estate;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.RegistryService;
import org.domus.core.registry.Unit;
import org.domus.ledger.BillingProgress;
import org.domus.ledger.BillingResult;
import org.domus.ledger.BillingRun;
import org.domus.ledger.BillingRunState;
import org.domus.ledger.BillingScope;
import org.domus.ledger.BillingService;
import org.domus.ledger.LedgerPermissions;
import org.domus.web.DomusUi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Billing runs for accountants: a month and a scope (organisation, estate or building within the
 * accountant's {@link LedgerPermissions#BILLING} scope), a preview of every unit's charges with totals, then
 * posting with a progress bar, and the list of runs, each of which can be reversed as a whole.
 *
 * <p>Preview and posting run on their own thread so the page stays responsive; the shell has no server
 * push, so the page polls while one runs ({@link UI#setPollInterval}) and the thread hands its progress
 * over with {@link UI#access}.
 */
public class BillingView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(BillingView.class);
    private static final int POLL_MILLIS = 300;
    /** Progress is handed to the UI at most this often (a run of 10,000 units reports every unit). */
    private static final long PROGRESS_EVERY_NANOS = 100_000_000L;

    private static final int MONTHS_BACK = 24;
    private static final int LIST_LIMIT = 1000;

    /** A scope the accountant may bill. */
    record ScopeOption(BillingScope scope, long organisationId, String label) {}

    private final transient BillingService billing;
    private final transient RegistryService registry;
    private final transient AccessPolicy policy;
    private final Select<YearMonth> month = new Select<>();
    private final Select<ScopeOption> scope = new Select<>();
    private final Button preview = new Button();
    private final Button post = new Button();
    private final ProgressBar bar = new ProgressBar();
    private final Span progressText = new Span();
    private final Div result = new Div();
    private final Grid<BillingRun> runs = new Grid<>();
    private final Paragraph runsNote = new Paragraph();
    private final Map<Long, String> unitLabels = new HashMap<>();
    private final Map<Long, Building> buildings = new HashMap<>();
    private transient Thread worker;

    public BillingView(BillingService billing, RegistryService registry, AccessPolicy policy) {
        this.billing = billing;
        this.registry = registry;
        this.policy = policy;
        addClassName("domus-page");
        add(new H2(getTranslation("ledger.ui.billing.title")));

        YearMonth now = YearMonth.now();
        List<YearMonth> months = new ArrayList<>();
        for (int i = -1; i <= MONTHS_BACK; i++) {
            months.add(now.minusMonths(i));
        }
        month.setId("ledger-billing-month");
        month.setLabel(getTranslation("ledger.ui.billing.month"));
        month.setItems(months);
        month.setItemLabelGenerator(LedgerText::month);
        month.setValue(now);
        scope.setId("ledger-billing-scope");
        scope.setLabel(getTranslation("ledger.ui.billing.scope"));
        scope.setItemLabelGenerator(ScopeOption::label);
        List<ScopeOption> options = scopes();
        scope.setItems(options);
        if (!options.isEmpty()) {
            scope.setValue(options.get(0));
        }
        scope.setWidth("32em");
        preview.setText(getTranslation("ledger.ui.billing.preview"));
        preview.setId("ledger-billing-preview");
        preview.addClickListener(e -> start(true));
        post.setText(getTranslation("ledger.ui.billing.post"));
        post.setId("ledger-billing-post");
        post.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        post.addClickListener(e -> start(false));
        HorizontalLayout form = new HorizontalLayout(month, scope, preview, post);
        form.setAlignItems(Alignment.BASELINE);
        form.getStyle().set("flex-wrap", "wrap");
        bar.setId("ledger-billing-progress");
        bar.setMin(0);
        bar.setMax(1);
        bar.setVisible(false);
        progressText.setId("ledger-billing-progress-text");
        // The bar is named by the phase text next to it, which screen readers also announce as it changes.
        bar.getElement().setAttribute("aria-labelledby", "ledger-billing-progress-text");
        progressText.getElement().setAttribute("aria-live", "polite");
        result.setId("ledger-billing-result");
        result.setWidthFull();
        add(form, bar, progressText, result);
        add(Panels.card(getTranslation("ledger.ui.billing.runs"), runsNote, runsGrid()));
        refreshRuns();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("ledger.ui.billing.title");
    }

    @Override
    protected void onDetach(DetachEvent event) {
        // A run that is posting finishes regardless (it is one database transaction); only stop polling.
        event.getUI().setPollInterval(-1);
        super.onDetach(event);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        if (worker != null && worker.isAlive()) {
            event.getUI().setPollInterval(POLL_MILLIS);
        }
    }

    /** Organisations, estates and buildings where the subject may run billing, in that order. */
    private List<ScopeOption> scopes() {
        Subject me = subject();
        RegistryScope allowed = policy.registryScope(me, LedgerPermissions.BILLING);
        List<ScopeOption> options = new ArrayList<>();
        Map<Long, Long> estateOrganisation = new HashMap<>();
        for (Organisation o : registry.organisations(me)) {
            if (allowed.covers(new RegistryLocation(o.id(), null, null, null))) {
                options.add(new ScopeOption(
                        new BillingScope(ScopeType.ORGANISATION, o.id()),
                        o.id(),
                        getTranslation("ledger.ui.billing.scope.ORGANISATION", o.name())));
            }
        }
        for (Estate e : registry.estates(me, 0, LIST_LIMIT).items()) {
            estateOrganisation.put(e.id(), e.organisationId());
            if (allowed.covers(new RegistryLocation(e.organisationId(), e.id(), null, null))) {
                options.add(new ScopeOption(
                        new BillingScope(ScopeType.ESTATE, e.id()),
                        e.organisationId(),
                        getTranslation("ledger.ui.billing.scope.ESTATE", e.name())));
            }
        }
        for (Building b :
                registry.buildings(me, BuildingFilter.NONE, 0, LIST_LIMIT).items()) {
            Long organisation = estateOrganisation.get(b.estateId());
            if (organisation != null
                    && allowed.covers(new RegistryLocation(organisation, b.estateId(), b.id(), null))) {
                options.add(new ScopeOption(
                        new BillingScope(ScopeType.BUILDING, b.id()),
                        organisation,
                        getTranslation("ledger.ui.billing.scope.BUILDING", b.address())));
            }
        }
        return options;
    }

    private Grid<BillingRun> runsGrid() {
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        runs.setId("ledger-billing-runs");
        runs.addColumn(r -> String.valueOf(r.id())).setHeader(getTranslation("ledger.ui.billing.run"));
        runs.addColumn(r -> LedgerText.month(r.month())).setHeader(getTranslation("ledger.ui.billing.month"));
        runs.addColumn(r -> getTranslation(
                        "ledger.ui.billing.scope." + r.scope().type().name(),
                        r.scope().id()))
                .setHeader(getTranslation("ledger.ui.billing.scope"));
        runs.addColumn(r ->
                        getTranslation("ledger.ui.billing.state." + r.state().name()))
                .setHeader(getTranslation("ledger.ui.billing.state"));
        runs.addColumn(r -> String.valueOf(r.units())).setHeader(getTranslation("ledger.ui.billing.units"));
        runs.addColumn(r -> LedgerText.money(r.total(), r.currency(), getLocale()))
                .setHeader(getTranslation("ledger.ui.billing.total"))
                .setTextAlign(ColumnTextAlign.END);
        runs.addColumn(r ->
                        getTranslation("ledger.ui.transaction.postedBy", r.actorLogin(), when.format(r.createdAt())))
                .setHeader(getTranslation("ledger.ui.transaction.posted"));
        runs.addComponentColumn(r -> {
            if (r.state() != BillingRunState.POSTED) {
                return new Span();
            }
            Button reverse = new Button(getTranslation("ledger.ui.billing.reverse"), e -> confirmReverse(r));
            reverse.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            reverse.setId("ledger-billing-reverse-" + r.id());
            return reverse;
        });
        runs.setAllRowsVisible(true);
        runs.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        return runs;
    }

    /**
     * The runs of the organisations the subject reads as a whole; the ledger lists runs per organisation, so
     * staff scoped to an estate or a building see the results of their own runs on this page only.
     */
    private void refreshRuns() {
        Set<Long> organisations = new LinkedHashSet<>();
        scope.getListDataView().getItems().forEach(o -> organisations.add(o.organisationId()));
        RegistryScope readable = policy.registryScope(subject(), LedgerPermissions.READ);
        List<BillingRun> all = new ArrayList<>();
        boolean partial = false;
        try {
            for (long organisation : organisations) {
                if (readable.covers(new RegistryLocation(organisation, null, null, null))) {
                    all.addAll(billing.runs(subject(), organisation, null));
                } else {
                    partial = true;
                }
            }
        } catch (DomusException e) {
            Refusals.show(e);
        }
        runs.setItems(all);
        runsNote.setText(partial ? getTranslation("ledger.ui.billing.runs.organisationOnly") : "");
        runsNote.setVisible(partial);
    }

    private void confirmReverse(BillingRun run) {
        Dialog confirm = new Dialog();
        confirm.setId("ledger-billing-reverse-dialog");
        confirm.setHeaderTitle(
                getTranslation("ledger.ui.billing.reverse.title", run.id(), LedgerText.month(run.month())));
        confirm.add(new Paragraph(getTranslation(
                "ledger.ui.billing.reverse.text",
                run.units(),
                LedgerText.money(run.total(), run.currency(), getLocale()))));
        Button cancel = new Button(getTranslation("ledger.ui.cancel"), e -> confirm.close());
        Button ok = new Button(getTranslation("ledger.ui.billing.reverse"), e -> {
            try {
                billing.reverse(subject(), run.id(), LocalDate.now());
                confirm.close();
                DomusUi.showSuccess("ledger.ui.billing.reversed", run.id());
                refreshRuns();
            } catch (DomusException ex) {
                Refusals.show(ex);
            }
        });
        ok.setId("ledger-billing-reverse-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.getFooter().add(cancel, ok);
        confirm.open();
    }

    /** Starts a preview or a run on its own thread; the page polls until it is done. */
    private void start(boolean onlyPreview) {
        if (worker != null && worker.isAlive()) {
            return;
        }
        if (month.getValue() == null || scope.getValue() == null) {
            month.setInvalid(month.getValue() == null);
            scope.setInvalid(scope.getValue() == null);
            scope.setErrorMessage(getTranslation("validation.required"));
            month.setErrorMessage(getTranslation("validation.required"));
            return;
        }
        UI ui = UI.getCurrent();
        Subject me = subject();
        BillingScope what = scope.getValue().scope();
        YearMonth when = month.getValue();
        result.removeAll();
        bar.setValue(0);
        bar.setIndeterminate(true);
        bar.setVisible(true);
        progressText.setText(getTranslation("ledger.ui.billing.starting"));
        preview.setEnabled(false);
        post.setEnabled(false);
        ui.setPollInterval(POLL_MILLIS);
        BillingProgress progress = new BillingProgress() {
            private long last;

            @Override
            public void progress(String phase, int done, int total) {
                long now = System.nanoTime();
                if (done < total && now - last < PROGRESS_EVERY_NANOS) {
                    return;
                }
                last = now;
                deliver(ui, () -> showProgress(phase, done, total));
            }
        };
        worker = new Thread(
                () -> {
                    try {
                        BillingResult r = onlyPreview
                                ? billing.preview(me, what, when, progress)
                                : billing.run(me, what, when, progress);
                        deliver(ui, () -> finished(r));
                    } catch (DomusException e) {
                        deliver(ui, () -> failed(e));
                    } catch (RuntimeException e) {
                        LOG.error("Billing {} of {} for {} failed", onlyPreview ? "preview" : "run", what, when, e);
                        deliver(ui, () -> failed(new DomusException(DomusException.Kind.INVALID, "error.unexpected")));
                    }
                },
                "domus-billing-" + what + "-" + when);
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Hands a change to the UI's thread. A user who closed the page no longer has a UI to show it in; the
     * run itself is unaffected (its result is in the list of runs).
     */
    private static void deliver(UI ui, com.vaadin.flow.server.Command change) {
        try {
            ui.access(change);
        } catch (UIDetachedException closed) {
            LOG.debug("Billing progress not shown: the page was closed");
        }
    }

    private void showProgress(String phase, int done, int total) {
        bar.setIndeterminate(false);
        bar.setValue(total == 0 ? 1 : Math.min(1.0, (double) done / total));
        progressText.setText(getTranslation("ledger.ui.billing.phase." + phase, done, total));
    }

    private void done() {
        preview.setEnabled(true);
        post.setEnabled(true);
        bar.setIndeterminate(false);
        getUI().ifPresent(ui -> ui.setPollInterval(-1));
    }

    private void failed(DomusException e) {
        done();
        bar.setVisible(false);
        progressText.setText("");
        Refusals.show(e);
        Paragraph message =
                new Paragraph(getTranslation(e.messageKey(), e.arguments().toArray()));
        message.setId("ledger-billing-error");
        message.getStyle().set("color", "var(--lumo-error-text-color)");
        result.add(message);
    }

    private void finished(BillingResult r) {
        done();
        bar.setValue(1);
        progressText.setText(getTranslation("ledger.ui.billing.phase.done"));
        String total = LedgerText.money(r.total(), r.currency(), getLocale());
        Paragraph summary = new Paragraph();
        summary.setId("ledger-billing-summary");
        if (r.preview()) {
            summary.setText(getTranslation(
                    "ledger.ui.billing.previewed", r.units(), r.lines().size(), total, r.skippedUnits()));
        } else if (r.alreadyPosted()) {
            summary.setText(getTranslation(
                    "ledger.ui.billing.alreadyPosted",
                    LedgerText.month(r.run().month()),
                    r.run().id(),
                    LedgerText.money(r.run().total(), r.run().currency(), getLocale())));
        } else {
            summary.setText(getTranslation(
                    "ledger.ui.billing.posted",
                    r.run().id(),
                    r.units(),
                    r.lines().size(),
                    total,
                    r.skippedUnits()));
        }
        result.add(summary);
        if (!r.lines().isEmpty()) {
            result.add(table(new BillingTable(r.lines()), r.currency()));
        }
        if (!r.preview()) {
            refreshRuns();
        }
    }

    /** Units x components, with a total column and a footer of column totals. */
    private Grid<BillingTable.Row> table(BillingTable table, String currency) {
        Grid<BillingTable.Row> grid = new Grid<>();
        grid.setId("ledger-billing-lines");
        grid.addColumn(row -> unitLabel(row.unitId()))
                .setHeader(getTranslation("ledger.ui.billing.unit"))
                .setFooter(getTranslation("ledger.ui.billing.total"))
                .setAutoWidth(true);
        for (String code : table.components()) {
            grid.addColumn(row -> LedgerText.amount(row.amounts().get(code), getLocale()))
                    .setHeader(code)
                    .setFooter(LedgerText.amount(table.columnTotal(code), getLocale()))
                    .setTextAlign(ColumnTextAlign.END);
        }
        grid.addColumn(row -> LedgerText.amount(row.total(), getLocale()))
                .setHeader(getTranslation("ledger.ui.billing.unitTotal", currency))
                .setFooter(LedgerText.amount(table.total(), getLocale()))
                .setKey("total")
                .setTextAlign(ColumnTextAlign.END);
        grid.setItems(table.rows());
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setHeight("28em");
        return grid;
    }

    /** The unit as staff know it; read only for the rows the grid shows. */
    private String unitLabel(long unitId) {
        return unitLabels.computeIfAbsent(unitId, id -> {
            try {
                Unit unit = registry.unit(subject(), id);
                Building building = buildings.computeIfAbsent(unit.buildingId(), b -> registry.building(subject(), b));
                return building.street() + " " + building.number() + " / " + unit.number();
            } catch (DomusException e) {
                return "#" + id;
            }
        });
    }

    private static Subject subject() {
        return DomusUi.requireSubject();
    }
}
