package org.domus.web.internal.privacy;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.audit.AuditEvent;
import org.domus.core.audit.AuditFilter;
import org.domus.core.audit.AuditService;
import org.domus.web.DomusUi;

/**
 * The audit log for administrators: a lazily loaded grid (offset pages along the time index, so 100,000
 * events scroll like 100), filters by actor, object, action and days, and per event its fields before and
 * after with the changed ones marked.
 */
public class AuditLogView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private final transient AuditService audit;
    private final transient Subject subject;
    private final ZoneId zone = ZoneId.systemDefault();
    final TextField actor = new TextField();
    final ComboBox<String> entityType = new ComboBox<>();
    final TextField entityId = new TextField();
    final TextField action = new TextField();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final Grid<AuditEvent> grid = new Grid<>();

    public AuditLogView(AuditService audit) {
        this.audit = audit;
        this.subject = DomusUi.requireSubject();
        addClassName("domus-page");
        setSizeFull();
        add(new H2(getTranslation("audit.title")));

        text(actor, "audit-filter-actor", "audit.filter.actor");
        entityType.setLabel(getTranslation("audit.filter.entityType"));
        entityType.setId("audit-filter-type");
        entityType.setItems(audit.entityTypes(subject));
        entityType.setClearButtonVisible(true);
        entityType.addValueChangeListener(e -> refresh());
        text(entityId, "audit-filter-id", "audit.filter.entityId");
        text(action, "audit-filter-action", "audit.filter.action");
        from.setLabel(getTranslation("audit.filter.from"));
        from.setId("audit-filter-from");
        from.setClearButtonVisible(true);
        from.addValueChangeListener(e -> refresh());
        to.setLabel(getTranslation("audit.filter.to"));
        to.setId("audit-filter-to");
        to.setClearButtonVisible(true);
        to.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(actor, entityType, entityId, action, from, to);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");

        DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(getLocale())
                .withZone(zone);
        grid.setId("audit-events");
        grid.addColumn(e -> time.format(e.occurredAt()))
                .setHeader(getTranslation("audit.time"))
                .setAutoWidth(true);
        grid.addColumn(AuditEvent::actorLogin).setHeader(getTranslation("audit.actor"));
        grid.addColumn(AuditEvent::action)
                .setHeader(getTranslation("audit.action"))
                .setFlexGrow(2);
        grid.addColumn(e -> e.entityType() + (e.entityId() == null ? "" : " #" + e.entityId()))
                .setHeader(getTranslation("audit.entity"));
        grid.setItemDetailsRenderer(new ComponentRenderer<>(e -> new AuditDiff(e.changes(), this::getTranslation)));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setPageSize(50);
        grid.setSizeFull();
        grid.setItems(
                query -> audit.events(subject, filter(), query.getOffset(), query.getLimit()).items().stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, audit.count(subject, filter())));
        add(filters, grid);
    }

    private void text(TextField field, String id, String labelKey) {
        field.setLabel(getTranslation(labelKey));
        field.setId(id);
        field.setClearButtonVisible(true);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.setValueChangeTimeout(400);
        field.addValueChangeListener(e -> refresh());
    }

    private void refresh() {
        LocalDate start = from.getValue();
        LocalDate end = to.getValue();
        if (start != null && end != null && start.isAfter(end)) {
            DomusUi.showError(new DomusException(DomusException.Kind.INVALID, "audit.range.invalid"));
            return;
        }
        grid.getDataProvider().refreshAll();
    }

    /** The filter of the fields; the "to" day is included (the query's end is the next midnight). */
    AuditFilter filter() {
        LocalDate start = from.getValue();
        LocalDate end = to.getValue();
        Instant startAt = start == null ? null : start.atStartOfDay(zone).toInstant();
        Instant endAt = end == null ? null : end.plusDays(1).atStartOfDay(zone).toInstant();
        if (startAt != null && endAt != null && startAt.isAfter(endAt)) {
            endAt = null; // refused in refresh(); show the unfiltered end meanwhile rather than fail
        }
        return new AuditFilter(
                blank(actor.getValue()),
                entityType.getValue(),
                blank(entityId.getValue()),
                blank(action.getValue()),
                startAt,
                endAt);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title") + " · Domus";
    }
}
