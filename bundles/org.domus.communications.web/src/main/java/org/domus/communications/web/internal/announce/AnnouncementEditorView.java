package org.domus.communications.web.internal.announce;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.RouterLink;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import org.domus.communications.Announcement;
import org.domus.communications.AnnouncementInput;
import org.domus.communications.AnnouncementService;
import org.domus.communications.AnnouncementState;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.audience.Audience;
import org.domus.core.calendar.Zones;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.RegistryService;
import org.domus.web.DomusUi;

/**
 * Writes a new announcement ({@code communications/announcement}) or shows one
 * ({@code communications/announcement/<id>}): title, rich text with a preview of what will be stored, targets,
 * publish and expiry times in the organisation's zone, urgency; saves a draft, publishes now, schedules or
 * withdraws. Drafts and scheduled announcements can be changed; others only withdrawn.
 */
public class AnnouncementEditorView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private final transient AnnouncementService announcements;
    private final transient RegistryService registry;
    private final Subject subject;
    private final TargetLabels labels;

    private final H2 heading = new H2();
    private final Span state = new Span();
    private final Span reach = new Span();
    final ComboBox<Organisation> organisation = new ComboBox<>();
    final TextField title = new TextField();
    final RichTextEditor body = new RichTextEditor("communications-announcement-body");
    final TargetPicker targets;
    final DatePicker publishDay = new DatePicker();
    final TimePicker publishTime = new TimePicker();
    final DatePicker expiresDay = new DatePicker();
    final TimePicker expiresTime = new TimePicker();
    final Checkbox urgent = new Checkbox();
    final Button preview = new Button();
    final Button saveDraft = new Button();
    final Button publishNow = new Button();
    final Button schedule = new Button();
    final Button withdraw = new Button();
    private final Div previewArea = new Div();
    private final Paragraph error = new Paragraph();

    private Announcement current;

    public AnnouncementEditorView(
            AnnouncementService announcements, RegistryService registry, AccessPolicy policy, Audience audience) {
        this.announcements = announcements;
        this.registry = registry;
        this.subject = DomusUi.requireSubject();
        this.labels = new TargetLabels(registry, subject);
        this.targets = new TargetPicker(registry, policy, audience, subject, labels);
        addClassName("domus-page");
        setMaxWidth("60em");

        RouterLink back =
                new RouterLink(getTranslation("communications.announcements.ui.back"), AnnouncementsView.class);
        back.setId("communications-announcement-back");
        heading.setId("communications-announcement-heading");
        state.setId("communications-announcement-state");
        state.getElement().getThemeList().add("badge");
        reach.setId("communications-announcement-reach");

        organisation.setId("communications-announcement-organisation");
        organisation.setLabel(getTranslation("communications.announcements.ui.organisation"));
        organisation.setItemLabelGenerator(Organisation::name);
        organisation.setWidthFull();
        List<Organisation> organisations = List.of();
        try {
            organisations = registry.organisations(subject);
        } catch (DomusException e) {
            DomusUi.showError(e);
        }
        organisation.setItems(organisations);
        organisation.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                targets.organisation(e.getValue().id());
                updateReach();
            }
        });

        title.setId("communications-announcement-title");
        title.setLabel(getTranslation("communications.announcements.ui.title"));
        title.setMaxLength(AnnouncementService.MAX_TITLE);
        title.setRequiredIndicatorVisible(true);
        title.setWidthFull();

        Span bodyLabel = new Span(getTranslation("communications.announcements.ui.body"));
        bodyLabel
                .getStyle()
                .set("font-size", "var(--lumo-font-size-s)")
                .set("color", "var(--lumo-secondary-text-color)");

        targets.addChangeListener(this::updateReach);

        publishDay.setId("communications-announcement-publish-day");
        publishDay.setLabel(getTranslation("communications.announcements.ui.publishAt"));
        publishDay.setHelperText(getTranslation("communications.announcements.ui.publishAtHelp"));
        publishTime.setId("communications-announcement-publish-time");
        publishTime.setLabel(getTranslation("communications.announcements.ui.time"));
        expiresDay.setId("communications-announcement-expires-day");
        expiresDay.setLabel(getTranslation("communications.announcements.ui.expiresAt"));
        expiresTime.setId("communications-announcement-expires-time");
        expiresTime.setLabel(getTranslation("communications.announcements.ui.time"));
        urgent.setId("communications-announcement-urgent");
        urgent.setLabel(getTranslation("communications.announcements.ui.urgent"));

        preview.setId("communications-announcement-preview");
        preview.setText(getTranslation("communications.announcements.ui.preview"));
        preview.setIcon(VaadinIcon.EYE.create());
        preview.addClickListener(e -> body.read(this::showPreview));
        saveDraft.setId("communications-announcement-save");
        saveDraft.setText(getTranslation("communications.announcements.ui.saveDraft"));
        saveDraft.addClickListener(e -> save(false, a -> {
            DomusUi.showSuccess("communications.announcements.ui.saved");
            show(a);
        }));
        publishNow.setId("communications-announcement-publish");
        publishNow.setText(getTranslation("communications.announcements.ui.publishNow"));
        publishNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        publishNow.addClickListener(e -> save(true, a -> publish(a)));
        schedule.setId("communications-announcement-schedule");
        schedule.setText(getTranslation("communications.announcements.ui.schedule"));
        schedule.addClickListener(e -> {
            LocalDateTime at = when(publishDay, publishTime);
            if (at == null || !instant(at).isAfter(Instant.now())) {
                showError(getTranslation("communications.announcements.ui.scheduleNeedsTime"));
                return;
            }
            save(false, this::publish);
        });
        withdraw.setId("communications-announcement-withdraw");
        withdraw.setText(getTranslation("communications.announcements.ui.withdraw"));
        withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR);
        withdraw.addClickListener(e -> {
            try {
                show(announcements.withdraw(subject, current.id(), current.version()));
                DomusUi.showSuccess("communications.announcements.ui.withdrawn");
            } catch (DomusException ex) {
                refused(ex);
            }
        });

        error.setId("communications-announcement-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        previewArea.setId("communications-announcement-preview-area");
        previewArea.addClassName("communications-announcement-body");
        previewArea.setVisible(false);

        HorizontalLayout times = new HorizontalLayout(publishDay, publishTime, expiresDay, expiresTime);
        times.getStyle().set("flex-wrap", "wrap");
        HorizontalLayout buttons = new HorizontalLayout(preview, saveDraft, schedule, publishNow, withdraw);
        buttons.getStyle().set("flex-wrap", "wrap");
        H3 targetsHeading = new H3(getTranslation("communications.announcements.ui.targets"));
        add(
                back,
                heading,
                new HorizontalLayout(state, reach),
                organisation,
                title,
                bodyLabel,
                body,
                targetsHeading,
                targets,
                times,
                urgent,
                error,
                buttons,
                previewArea);
        if (organisations.size() == 1) {
            organisation.setValue(organisations.get(0));
        }
        show(null);
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter Long id) {
        if (id == null || id <= 0) {
            show(null);
            return;
        }
        try {
            show(announcements.get(subject, id));
        } catch (DomusException e) {
            DomusUi.showRefusal(event, e);
        }
    }

    @Override
    public String getPageTitle() {
        return current == null
                ? getTranslation("communications.announcements.ui.new")
                : getTranslation("communications.announcements.ui.edit", current.title());
    }

    /** A day and an optional time (midnight when none) as a local date-time; null without a day. */
    static LocalDateTime when(DatePicker day, TimePicker time) {
        return day.getValue() == null
                ? null
                : day.getValue().atTime(time.getValue() == null ? LocalTime.MIDNIGHT : time.getValue());
    }

    private static void show(DatePicker day, TimePicker time, LocalDateTime value) {
        day.setValue(value == null ? null : value.toLocalDate());
        time.setValue(value == null ? null : value.toLocalTime());
    }

    private ZoneId zone() {
        Organisation o = organisation.getValue();
        return Zones.ofCountry(o == null ? null : o.country(), ZoneOffset.UTC);
    }

    private Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(zone()).toInstant();
    }

    private LocalDateTime local(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, zone());
    }

    /** Shows an announcement (or an empty form for null) and enables what may be done with it now. */
    void show(Announcement a) {
        current = a;
        error.setVisible(false);
        if (a != null) {
            organisation
                    .getListDataView()
                    .getItems()
                    .filter(o -> o.id() == a.organisationId())
                    .findFirst()
                    .ifPresent(organisation::setValue);
            title.setValue(a.title());
            body.setValue(a.body());
            targets.setValue(a.targets());
            show(publishDay, publishTime, local(a.publishAt()));
            show(expiresDay, expiresTime, local(a.expiresAt()));
            urgent.setValue(a.urgent());
        }
        boolean editable = a == null || a.state().isEditable();
        heading.setText(
                a == null
                        ? getTranslation("communications.announcements.ui.new")
                        : getTranslation("communications.announcements.ui.edit", a.title()));
        state.setText(
                a == null
                        ? getTranslation("communications.announcements.state.DRAFT")
                        : getTranslation("communications.announcements.state."
                                + a.state().name()));
        organisation.setReadOnly(a != null);
        title.setReadOnly(!editable);
        body.content.getElement().setAttribute("contenteditable", editable ? "true" : "false");
        targets.setEnabled(editable);
        publishDay.setReadOnly(!editable);
        publishTime.setReadOnly(!editable);
        expiresDay.setReadOnly(!editable);
        expiresTime.setReadOnly(!editable);
        urgent.setReadOnly(!editable);
        saveDraft.setVisible(editable);
        schedule.setVisible(a == null || a.state() == AnnouncementState.DRAFT);
        publishNow.setVisible(a == null || a.state() == AnnouncementState.DRAFT);
        withdraw.setVisible(a != null && a.state() != AnnouncementState.WITHDRAWN);
        if (a != null && !a.state().isEditable()) {
            reach.setText(getTranslation("communications.announcements.ui.readBy", a.readCount(), a.audienceCount()));
        } else {
            updateReach();
        }
    }

    private void updateReach() {
        Organisation o = organisation.getValue();
        if (o == null
                || targets.value().isEmpty()
                || (current != null && !current.state().isEditable())) {
            reach.setText("");
            return;
        }
        try {
            reach.setText(getTranslation(
                    "communications.announcements.ui.willReach",
                    announcements.reach(subject, o.id(), targets.value())));
        } catch (DomusException e) {
            reach.setText("");
        }
    }

    private void showPreview(String html) {
        try {
            previewArea.getElement().setProperty("innerHTML", announcements.sanitise(html));
            previewArea.setVisible(true);
            error.setVisible(false);
        } catch (DomusException e) {
            refused(e);
        }
    }

    /** Reads the editor's text and saves (creates or changes); {@code now} publishes without a publish time. */
    private void save(boolean now, Consumer<Announcement> then) {
        Organisation o = organisation.getValue();
        if (o == null) {
            showError(getTranslation("communications.announcements.ui.organisationRequired"));
            return;
        }
        body.read(html -> {
            AnnouncementInput in = new AnnouncementInput(
                    o.id(),
                    title.getValue(),
                    html,
                    targets.value(),
                    now ? null : instant(when(publishDay, publishTime)),
                    instant(when(expiresDay, expiresTime)),
                    urgent.getValue(),
                    current == null ? 0 : current.version());
            try {
                Announcement saved = current == null
                        ? announcements.create(subject, in)
                        : announcements.update(subject, current.id(), in);
                current = saved;
                then.accept(saved);
            } catch (DomusException e) {
                refused(e);
            }
        });
    }

    private void publish(Announcement a) {
        try {
            Announcement published = announcements.publish(subject, a.id(), a.version());
            DomusUi.showSuccess(
                    published.state() == AnnouncementState.SCHEDULED
                            ? "communications.announcements.ui.scheduled"
                            : "communications.announcements.ui.published");
            getUI().ifPresent(ui -> ui.navigate(AnnouncementsView.class));
        } catch (DomusException e) {
            show(a);
            refused(e);
        }
    }

    private void refused(DomusException e) {
        DomusUi.showError(e);
        showError(DomusUi.translate(e.messageKey(), e.arguments().toArray()));
    }

    private void showError(String text) {
        error.setText(text);
        error.setVisible(true);
    }
}
