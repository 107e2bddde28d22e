package org.domus.ledger.web.internal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.component.upload.receivers.MemoryBuffer;
import com.vaadin.flow.router.HasDynamicTitle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.access.RegistryLocation;
import org.domus.core.access.RegistryScope;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.RegistryService;
import org.domus.ledger.LedgerPermissions;
import org.domus.ledger.imports.ImportLine;
import org.domus.ledger.imports.ImportLineStatus;
import org.domus.ledger.imports.ImportReport;
import org.domus.ledger.imports.PaymentImportService;
import org.domus.ledger.imports.StatementFormat;
import org.domus.web.DomusUi;

/**
 * Bank statement import for accountants: the organisation (those where the subject may post payments), the
 * statement file and its format (recognised, or chosen), a preview of every line with the unit it pays and
 * what importing it does, the totals, and applying it: the matched lines are posted as payments in one
 * transaction. Importing the same file again adds nothing, and the page says so.
 *
 * <p>The file is kept in memory between preview and apply (at most {@link PaymentImportService#MAX_BYTES});
 * apply reads it again, so what is posted is what the ledger finds at that moment, not the preview's state.
 */
public class PaymentImportView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private final transient PaymentImportService imports;
    private final Select<Organisation> organisation = new Select<>();
    private final Select<StatementFormat> format = new Select<>();
    private final MemoryBuffer buffer = new MemoryBuffer();
    private final Upload upload = new Upload(buffer);
    private final Span fileName = new Span();
    private final Paragraph totals = new Paragraph();
    private final Paragraph before = new Paragraph();
    private final Paragraph error = new Paragraph();
    private final Paragraph result = new Paragraph();
    private final Checkbox onlyMatched = new Checkbox();
    private final Button apply = new Button();
    private final Grid<ImportLine> lines = new Grid<>();
    private byte[] file;

    public PaymentImportView(PaymentImportService imports, RegistryService registry, AccessPolicy policy) {
        this.imports = imports;
        addClassName("domus-page");
        add(new H2(getTranslation("ledger.ui.import.title")), new Paragraph(getTranslation("ledger.ui.import.intro")));

        Subject me = subject();
        RegistryScope allowed = policy.registryScope(me, LedgerPermissions.POST);
        List<Organisation> organisations = registry.organisations(me).stream()
                .filter(o -> allowed.covers(new RegistryLocation(o.id(), null, null, null)))
                .toList();
        organisation.setId("ledger-import-organisation");
        organisation.setLabel(getTranslation("ledger.ui.import.organisation"));
        organisation.setItems(organisations);
        organisation.setItemLabelGenerator(Organisation::name);
        organisation.setWidth("24em");
        if (!organisations.isEmpty()) {
            organisation.setValue(organisations.get(0));
        }
        organisation.addValueChangeListener(e -> preview());

        format.setId("ledger-import-format");
        format.setLabel(getTranslation("ledger.ui.import.format"));
        format.setItems(StatementFormat.values());
        format.setEmptySelectionAllowed(true);
        format.setEmptySelectionCaption(getTranslation("ledger.ui.import.format.auto"));
        format.setItemLabelGenerator(f -> f == null
                ? getTranslation("ledger.ui.import.format.auto")
                : getTranslation("ledger.ui.import.format." + f.name()));
        format.addValueChangeListener(e -> preview());

        upload.setId("ledger-import-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(PaymentImportService.MAX_BYTES);
        upload.setUploadButton(new Button(getTranslation("ledger.ui.import.upload")));
        Span drop = new Span(getTranslation("ledger.ui.import.drop"));
        // the theme greys the label below the contrast WCAG asks for
        drop.getStyle().set("color", "var(--lumo-body-text-color)");
        upload.setDropLabel(drop);
        upload.setI18n(uploadTexts());
        upload.addSucceededListener(e -> {
            file = read(buffer.getInputStream());
            fileName.setText(getTranslation("ledger.ui.import.file", e.getFileName()));
            result.setText("");
            preview();
        });
        upload.addFileRejectedListener(e -> refused(new DomusException(
                DomusException.Kind.INVALID,
                "ledger.import.too-large",
                PaymentImportService.MAX_BYTES / (1024 * 1024))));
        fileName.setId("ledger-import-file");

        totals.setId("ledger-import-totals");
        before.setId("ledger-import-before");
        before.setVisible(false);
        error.setId("ledger-import-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        result.setId("ledger-import-result");
        result.getElement().setAttribute("aria-live", "polite");
        onlyMatched.setId("ledger-import-only-matched");
        onlyMatched.setLabel(getTranslation("ledger.ui.import.onlyMatched"));
        apply.setId("ledger-import-apply");
        apply.setText(getTranslation("ledger.ui.import.apply"));
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setEnabled(false);
        apply.addClickListener(e -> apply());

        HorizontalLayout options = new HorizontalLayout(organisation, format);
        options.getStyle().set("flex-wrap", "wrap");
        HorizontalLayout actions = new HorizontalLayout(onlyMatched, apply);
        actions.setAlignItems(Alignment.BASELINE);
        add(options, upload, fileName, error, totals, before, actions, result, grid());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("ledger.ui.import.title");
    }

    private Grid<ImportLine> grid() {
        lines.setId("ledger-import-lines");
        lines.setAllRowsVisible(true);
        lines.addColumn(ImportLine::line)
                .setHeader(getTranslation("ledger.ui.import.line"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        lines.addColumn(l -> LedgerText.date(l.date(), getLocale()))
                .setHeader(getTranslation("ledger.ui.import.date"))
                .setAutoWidth(true);
        lines.addColumn(l -> LedgerText.amount(l.amount(), getLocale()))
                .setHeader(getTranslation("ledger.ui.import.amount"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        lines.addColumn(ImportLine::counterAccount)
                .setHeader(getTranslation("ledger.ui.import.counterAccount"))
                .setAutoWidth(true);
        lines.addColumn(ImportLine::reference)
                .setHeader(getTranslation("ledger.ui.import.reference"))
                .setAutoWidth(true);
        lines.addColumn(ImportLine::unit)
                .setHeader(getTranslation("ledger.ui.import.unit"))
                .setAutoWidth(true);
        lines.addColumn(l ->
                        getTranslation("ledger.ui.import.status." + l.status().name()))
                .setHeader(getTranslation("ledger.ui.import.status"))
                .setAutoWidth(true);
        lines.addColumn(this::reason)
                .setHeader(getTranslation("ledger.ui.import.reason"))
                .setWidth("18em")
                .setFlexGrow(3);
        lines.setClassNameGenerator(
                l -> l.status() == ImportLineStatus.INVALID || l.status() == ImportLineStatus.UNMATCHED
                        ? "domus-import-error"
                        : null);
        lines.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        lines.setVisible(false);
        return lines;
    }

    /** Why the line is (not) imported: the ledger's own translated problems, else what its status means. */
    String reason(ImportLine line) {
        if (!line.problems().isEmpty()) {
            return line.problems().stream()
                    .map(p -> getTranslation(p.messageKey(), p.arguments().toArray()))
                    .collect(Collectors.joining(" · "));
        }
        return getTranslation("ledger.ui.import.reason." + line.status().name());
    }

    private void preview() {
        error.setVisible(false);
        if (file == null || organisation.getValue() == null) {
            return;
        }
        try {
            show(imports.preview(subject(), organisation.getValue().id(), file, format.getValue()));
        } catch (DomusException e) {
            show(null);
            refused(e);
        }
    }

    private void apply() {
        error.setVisible(false);
        if (file == null || organisation.getValue() == null) {
            return;
        }
        try {
            ImportReport report = imports.apply(
                    subject(), organisation.getValue().id(), file, format.getValue(), onlyMatched.getValue());
            show(report);
            result.setText(outcome(report));
            DomusUi.showSuccess("ledger.ui.import.done");
        } catch (DomusException e) {
            refused(e);
        }
    }

    /** What applying did: payments posted, or why nothing was. */
    String outcome(ImportReport report) {
        if (report.applied() && report.matched() > 0) {
            return getTranslation(
                    "ledger.ui.import.posted",
                    report.matched(),
                    LedgerText.money(report.total(), report.currency(), getLocale()));
        }
        if (!report.previousImports().isEmpty() || report.duplicates() > 0) {
            return getTranslation("ledger.ui.import.importedBefore");
        }
        return getTranslation("ledger.ui.import.nothing");
    }

    private void show(ImportReport report) {
        if (report == null) {
            lines.setItems(List.of());
            lines.setVisible(false);
            totals.setText("");
            before.setVisible(false);
            apply.setEnabled(false);
            return;
        }
        lines.setItems(report.lines());
        lines.setVisible(true);
        totals.setText(getTranslation(
                "ledger.ui.import.totals",
                getTranslation("ledger.ui.import.format." + report.format().name()),
                report.matched(),
                LedgerText.money(report.total(), report.currency(), getLocale()),
                report.duplicates(),
                report.unmatched(),
                report.debits(),
                report.invalid()));
        before.setVisible(!report.previousImports().isEmpty());
        if (!report.previousImports().isEmpty()) {
            ImportReport.PreviousImport first = report.previousImports().get(0);
            before.setText(getTranslation(
                    "ledger.ui.import.before",
                    first.by(),
                    LedgerText.date(
                            first.at().atZone(java.time.ZoneId.systemDefault()).toLocalDate(), getLocale()),
                    first.payments()));
        }
        apply.setEnabled(!report.applied());
    }

    /** A refusal: shown on the page and as a notification, each problem translated; nothing was written. */
    private void refused(DomusException e) {
        error.setText(DomusUi.translate(e.messageKey(), e.arguments().toArray()));
        error.setVisible(true);
        Refusals.show(e);
    }

    private UploadI18N uploadTexts() {
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles()
                .setOne(getTranslation("ledger.ui.import.upload"))
                .setMany(getTranslation("ledger.ui.import.upload")));
        i18n.setDropFiles(new UploadI18N.DropFiles()
                .setOne(getTranslation("ledger.ui.import.drop"))
                .setMany(getTranslation("ledger.ui.import.drop")));
        i18n.setError(new UploadI18N.Error()
                .setTooManyFiles(getTranslation("ledger.ui.import.upload.tooMany"))
                .setFileIsTooBig(
                        getTranslation("ledger.import.too-large", PaymentImportService.MAX_BYTES / (1024 * 1024)))
                .setIncorrectFileType(getTranslation("ledger.ui.import.upload.type")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status()
                        .setConnecting(getTranslation("ledger.ui.import.upload.connecting"))
                        .setStalled(getTranslation("ledger.ui.import.upload.stalled"))
                        .setProcessing(getTranslation("ledger.ui.import.upload.processing"))
                        .setHeld(getTranslation("ledger.ui.import.upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(getTranslation("ledger.ui.import.upload.remaining"))
                        .setUnknown(getTranslation("ledger.ui.import.upload.remainingUnknown")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(getTranslation("ledger.ui.import.upload.failed"))
                        .setUnexpectedServerError(getTranslation("ledger.ui.import.upload.failed"))
                        .setForbidden(getTranslation("ledger.ui.import.upload.failed"))));
        i18n.setUnits(new UploadI18N.Units(List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB")));
        return i18n;
    }

    private static byte[] read(InputStream in) {
        try (InputStream stream = in) {
            return stream.readNBytes(PaymentImportService.MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Subject subject() {
        return DomusUi.requireSubject();
    }
}
