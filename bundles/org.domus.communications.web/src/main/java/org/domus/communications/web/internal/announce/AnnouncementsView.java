package org.domus.communications.web.internal.announce;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.domus.communications.Announcement;
import org.domus.communications.AnnouncementQuery;
import org.domus.communications.AnnouncementService;
import org.domus.communications.AnnouncementState;
import org.domus.communications.CommunicationsPermissions;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.registry.Building;
import org.domus.core.registry.BuildingFilter;
import org.domus.core.registry.RegistryService;
import org.domus.web.DomusUi;

/**
 * The office's announcements in scope, the newest first: title with an urgent badge, state, audience, publish
 * time and "read by N of M" with a bar ("will reach M" before publication). Filters by state, building and text;
 * pages through the service. A row opens the editor.
 */
public class AnnouncementsView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private final transient AnnouncementService announcements;
    private final Subject subject;
    private final TargetLabels labels;

    final Select<AnnouncementState> state = new Select<>();
    final ComboBox<Building> building = new ComboBox<>();
    final TextField text = new TextField();
    final Grid<Announcement> grid = new Grid<>();

    public AnnouncementsView(AnnouncementService announcements, RegistryService registry, AccessPolicy policy) {
        this.announcements = announcements;
        this.subject = DomusUi.requireSubject();
        this.labels = new TargetLabels(registry, subject);
        addClassName("domus-page");
        setSizeFull();
        H2 heading = new H2(getTranslation("communications.announcements.ui.list.title"));

        Button create = new Button(getTranslation("communications.announcements.ui.new"), VaadinIcon.PLUS.create());
        create.setId("communications-announcements-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> create.getUI().ifPresent(ui -> ui.navigate(AnnouncementEditorView.class)));
        create.setVisible(policy.isGranted(subject, CommunicationsPermissions.ANNOUNCE));

        state.setId("communications-announcements-state");
        state.setLabel(getTranslation("communications.announcements.ui.state"));
        state.setItems(AnnouncementState.values());
        state.setEmptySelectionAllowed(true);
        state.setEmptySelectionCaption(getTranslation("communications.announcements.ui.allStates"));
        state.setItemLabelGenerator(s -> s == null
                ? getTranslation("communications.announcements.ui.allStates")
                : getTranslation("communications.announcements.state." + s.name()));
        building.setId("communications-announcements-building");
        building.setLabel(getTranslation("communications.announcements.ui.target.BUILDING"));
        building.setItemLabelGenerator(Building::address);
        building.setClearButtonVisible(true);
        try {
            building.setItems(
                    registry.buildings(subject, BuildingFilter.NONE, 0, 1000).items());
        } catch (DomusException e) {
            building.setVisible(false);
        }
        text.setId("communications-announcements-text");
        text.setLabel(getTranslation("communications.announcements.ui.search"));
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setClearButtonVisible(true);
        HorizontalLayout filters = new HorizontalLayout(state, building, text, create);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");

        grid.setId("communications-announcements");
        grid.addComponentColumn(this::titleCell)
                .setHeader(getTranslation("communications.announcements.ui.title"))
                .setFlexGrow(3);
        grid.addColumn(a -> getTranslation(
                        "communications.announcements.state." + a.state().name()))
                .setHeader(getTranslation("communications.announcements.ui.state"))
                .setAutoWidth(true);
        grid.addColumn(a -> labels.labels(a.targets()))
                .setHeader(getTranslation("communications.announcements.ui.targets"))
                .setFlexGrow(2);
        DateTimeFormatter when =
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(DomusUi.locale());
        grid.addColumn(a ->
                        a.publishAt() == null ? "" : when.format(a.publishAt().atZone(labels.zone(a.organisationId()))))
                .setHeader(getTranslation("communications.announcements.ui.publishAt"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::receiptsCell)
                .setHeader(getTranslation("communications.announcements.ui.receipts"))
                .setAutoWidth(true);
        grid.addItemClickListener(e -> grid.getUI()
                .ifPresent(ui ->
                        ui.navigate(AnnouncementEditorView.class, e.getItem().id())));
        grid.setItems(DataProvider.fromCallbacks(q -> fetch(q.getOffset(), q.getLimit()), q -> (int) count()));
        state.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        building.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        text.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        add(heading, filters, grid);
        setFlexGrow(1, grid);
    }

    private AnnouncementQuery query(int offset, int limit) {
        return new AnnouncementQuery(
                null,
                state.getValue() == null ? Set.of() : Set.of(state.getValue()),
                building.getValue() == null ? null : building.getValue().id(),
                text.getValue(),
                offset,
                Math.min(Math.max(1, limit), AnnouncementService.MAX_PAGE));
    }

    private Stream<Announcement> fetch(int offset, int limit) {
        try {
            return announcements.list(subject, query(offset, limit)).items().stream();
        } catch (DomusException e) {
            DomusUi.showError(e);
            return Stream.empty();
        }
    }

    private long count() {
        try {
            return announcements.list(subject, query(0, 1)).total();
        } catch (DomusException e) {
            return 0;
        }
    }

    private Component titleCell(Announcement a) {
        Span title = new Span(a.title());
        if (!a.urgent()) {
            return title;
        }
        Span badge = new Span(
                VaadinIcon.WARNING.create(), new Span(getTranslation("communications.announcements.ui.urgent")));
        badge.getElement().getThemeList().add("badge error");
        badge.addClassName("communications-urgent");
        HorizontalLayout cell = new HorizontalLayout(badge, title);
        cell.setSpacing(true);
        cell.setAlignItems(FlexComponent.Alignment.CENTER);
        return cell;
    }

    private Component receiptsCell(Announcement a) {
        if (a.state().isEditable()) {
            return new Span(getTranslation("communications.announcements.ui.willReach", a.audienceCount()));
        }
        Span label =
                new Span(getTranslation("communications.announcements.ui.readBy", a.readCount(), a.audienceCount()));
        label.addClassName("communications-receipts");
        ProgressBar bar = new ProgressBar(
                0, Math.max(1, a.audienceCount()), Math.min(a.readCount(), Math.max(1, a.audienceCount())));
        bar.setWidth("8em");
        bar.getElement().setAttribute("aria-label", label.getText());
        VerticalLayout cell = new VerticalLayout(label, bar);
        cell.setPadding(false);
        cell.setSpacing(false);
        return cell;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("communications.announcements.ui.list.title");
    }

    /** Visible for tests. */
    List<Announcement> shown() {
        return fetch(0, AnnouncementService.MAX_PAGE).toList();
    }
}
