package org.domus.web.internal.registry;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.MemoryBuffer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.server.StreamResource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Collectors;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.registry.FieldError;
import org.domus.core.registry.InvalidFieldsException;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.RegistryService;
import org.domus.core.registry.imports.ImportKind;
import org.domus.core.registry.imports.ImportOptions;
import org.domus.core.registry.imports.ImportProblem;
import org.domus.core.registry.imports.ImportRefusedException;
import org.domus.core.registry.imports.ImportReport;
import org.domus.core.registry.imports.ImportRow;
import org.domus.core.registry.imports.RegistryImport;
import org.domus.core.registry.imports.RowStatus;
import org.domus.web.DomusUi;

/**
 * Import of buildings, units, persons or tenures from a CSV file: the upload is previewed at once (a row
 * by row grid with what each row would do and why a row is refused), and only the buttons write. The
 * service decides everything; the view never writes a row itself.
 */
public class ImportView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;
    private static final String AUTO = "auto";
    private static final String TAB = "tab";

    private final transient RegistryImport imports;
    private final transient Subject subject;
    final Select<ImportKind> kind = new Select<>();
    final Select<String> encoding = new Select<>();
    final Select<String> separator = new Select<>();
    final ComboBox<Organisation> organisation = new ComboBox<>();
    final Paragraph columns = new Paragraph();
    final Anchor template = new Anchor();
    final Upload upload;
    final Span summary = new Span();
    final Paragraph fileErrors = new Paragraph();
    final Grid<ImportRow> grid = new Grid<>();
    final Button apply = new Button();
    final Button applyValid = new Button();
    private final MemoryBuffer buffer = new MemoryBuffer();
    private byte[] file;
    private String fileName;

    public ImportView(RegistryImport imports, RegistryService registry) {
        this.imports = imports;
        this.subject = DomusUi.requireSubject();
        addClassName("domus-page");
        setSizeFull();

        kind.setLabel(getTranslation("registry.import.kind"));
        kind.setId("registry-import-kind");
        kind.setItems(ImportKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("registry.import.kind." + k.name()));
        kind.setValue(ImportKind.UNITS);

        encoding.setLabel(getTranslation("registry.import.encoding"));
        encoding.setId("registry-import-encoding");
        encoding.setItems(AUTO, "UTF-8", "windows-1250");
        encoding.setItemLabelGenerator(e -> e.equals(AUTO) ? getTranslation("registry.import.auto") : e);
        encoding.setValue(AUTO);

        separator.setLabel(getTranslation("registry.import.separator"));
        separator.setId("registry-import-separator");
        separator.setItems(AUTO, ";", ",", TAB);
        separator.setItemLabelGenerator(s -> switch (s) {
            case AUTO -> getTranslation("registry.import.auto");
            case TAB -> getTranslation("registry.import.separator.tab");
            default -> s;
        });
        separator.setValue(AUTO);

        organisation.setLabel(getTranslation("registry.import.organisation"));
        organisation.setId("registry-import-organisation");
        organisation.setItemLabelGenerator(Organisation::name);
        List<Organisation> organisations = registry.organisations(subject);
        organisation.setItems(organisations);
        organisation.setVisible(organisations.size() > 1);

        template.setId("registry-import-template");
        template.setText(getTranslation("registry.import.template"));
        template.getElement().setAttribute("download", true);
        columns.setId("registry-import-columns");

        upload = new Upload(buffer);
        upload.setId("registry-import-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(RegistryImport.MAX_BYTES);
        upload.setAcceptedFileTypes(".csv", ".txt", "text/csv", "text/plain");
        upload.setUploadButton(new Button(getTranslation("registry.import.upload")));
        upload.setDropLabel(new Span(getTranslation("registry.import.drop")));
        upload.addSucceededListener(e -> {
            fileName = e.getFileName();
            file = read(buffer.getInputStream());
            preview();
        });
        upload.addFileRejectedListener(e ->
                DomusUi.showError(new DomusException(DomusException.Kind.INVALID, "registry.import.upload.too-large")));

        kind.addValueChangeListener(e -> {
            describe();
            preview();
        });
        encoding.addValueChangeListener(e -> preview());
        separator.addValueChangeListener(e -> preview());
        organisation.addValueChangeListener(e -> preview());

        apply.setText(getTranslation("registry.import.apply"));
        apply.setId("registry-import-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.addClickListener(e -> apply(false));
        applyValid.setText(getTranslation("registry.import.apply-valid"));
        applyValid.setId("registry-import-apply-valid");
        applyValid.addClickListener(e -> apply(true));

        summary.setId("registry-import-summary");
        fileErrors.setId("registry-import-file-errors");
        fileErrors.getStyle().set("color", "var(--lumo-error-text-color)");
        fileErrors.setVisible(false);

        HorizontalLayout options = new HorizontalLayout(kind, organisation, encoding, separator);
        options.getStyle().set("flex-wrap", "wrap");
        HorizontalLayout actions = new HorizontalLayout(summary, apply, applyValid);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(
                new H2(getTranslation("registry.import.title")),
                new Paragraph(getTranslation("registry.import.intro")),
                options,
                columns,
                template,
                upload,
                fileErrors,
                actions,
                grid());
        describe();
        show(null);
    }

    private Grid<ImportRow> grid() {
        grid.setId("registry-import-rows");
        grid.addColumn(ImportRow::line)
                .setHeader(getTranslation("registry.import.line"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(ImportRow::label)
                .setHeader(getTranslation("registry.import.row"))
                .setFlexGrow(2);
        grid.addColumn(r ->
                        getTranslation("registry.import.status." + r.status().name()))
                .setHeader(getTranslation("registry.import.status"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> problems(r.problems()))
                .setHeader(getTranslation("registry.import.problems"))
                .setFlexGrow(3);
        grid.setClassNameGenerator(r -> r.status() == RowStatus.ERROR ? "domus-import-error" : null);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSizeFull();
        return grid;
    }

    String problems(List<ImportProblem> problems) {
        return problems.stream()
                .map(p -> (p.column() == null ? "" : p.column() + ": ")
                        + getTranslation(p.messageKey(), p.arguments().toArray()))
                .collect(Collectors.joining(" · "));
    }

    /** The chosen kind's columns and its template. */
    private void describe() {
        ImportKind k = kind.getValue();
        columns.setText(getTranslation("registry.import.columns", columnList(k)));
        template.setHref(new StreamResource(
                "domus-" + k.path() + ".csv", () -> new ByteArrayInputStream(imports.template(subject, k))));
    }

    private ImportOptions options(boolean onlyValid) {
        String enc = AUTO.equals(encoding.getValue()) ? null : encoding.getValue();
        Character sep =
                switch (separator.getValue()) {
                    case AUTO -> null;
                    case TAB -> '\t';
                    default -> separator.getValue().charAt(0);
                };
        Long org =
                organisation.getValue() == null ? null : organisation.getValue().id();
        return new ImportOptions(enc, sep, org, onlyValid);
    }

    private void preview() {
        if (file == null) {
            return;
        }
        try {
            show(imports.preview(subject, kind.getValue(), file, options(false)));
        } catch (InvalidFieldsException e) {
            fileRefused(e);
        } catch (DomusException e) {
            show(null);
            DomusUi.showError(e);
        }
    }

    private void apply(boolean onlyValid) {
        if (file == null) {
            return;
        }
        try {
            ImportReport report = imports.apply(subject, kind.getValue(), file, options(onlyValid));
            show(report);
            apply.setEnabled(false);
            applyValid.setEnabled(false);
            DomusUi.showSuccess("registry.import.done", report.created(), report.unchanged(), report.invalid());
        } catch (ImportRefusedException e) {
            show(e.report());
            DomusUi.showError(new DomusException(
                    DomusException.Kind.INVALID,
                    "registry.import.refused",
                    e.report().invalid()));
        } catch (InvalidFieldsException e) {
            fileRefused(e);
        } catch (DomusException e) {
            DomusUi.showError(e);
        }
    }

    private void fileRefused(InvalidFieldsException e) {
        show(null);
        String reasons = e.errors().stream().map(this::fileError).collect(Collectors.joining(" "));
        fileErrors.setText(getTranslation("registry.import.file-error", reasons));
        fileErrors.setVisible(true);
    }

    private String fileError(FieldError f) {
        String message = getTranslation(f.messageKey(), f.arguments().toArray());
        return f.field().equals("header") ? getTranslation("registry.import.header") + ": " + message : message;
    }

    /** Shows a report, or clears the page for none. */
    void show(ImportReport report) {
        fileErrors.setVisible(false);
        if (report == null) {
            grid.setItems(List.of());
            summary.setText("");
            apply.setEnabled(false);
            applyValid.setEnabled(false);
            return;
        }
        grid.setItems(report.rows());
        String sep =
                report.separator().equals("\t") ? getTranslation("registry.import.separator.tab") : report.separator();
        summary.setText(getTranslation("registry.import.file", fileName == null ? "" : fileName, report.encoding(), sep)
                + " · "
                + getTranslation("registry.import.counts", report.created(), report.unchanged(), report.invalid()));
        apply.setEnabled(!report.applied() && report.invalid() == 0 && report.created() > 0);
        applyValid.setEnabled(!report.applied() && report.invalid() > 0 && report.created() > 0);
    }

    private static byte[] read(InputStream in) {
        try (InputStream stream = in) {
            return stream.readNBytes(RegistryImport.MAX_BYTES + 1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The column names of a kind, the required ones starred. */
    static String columnList(ImportKind kind) {
        return kind.columns().stream()
                .map(c -> c.name() + (c.required() ? "*" : ""))
                .collect(Collectors.joining(", "));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("registry.import.title") + " · Domus";
    }
}
