package org.domus.tickets.web.internal;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.domus.core.registry.FieldError;
import org.domus.core.registry.InvalidFieldsException;
import org.domus.tickets.Category;
import org.domus.tickets.ContactPreference;
import org.domus.tickets.NewTicket;
import org.domus.tickets.TicketArea;

/**
 * A resident's report of a problem: where (one of their units, one of their buildings or its common areas),
 * category, a short title, what is wrong, when a visit suits them and how to reach them; the pin on the
 * building's map comes from the view. Checks what it can before asking the service (which checks everything
 * again) and fires {@link SubmitEvent} with the ticket to submit.
 */
class ReportForm extends FormLayout {

    private static final long serialVersionUID = 1L;

    /** Longest description the service takes. */
    static final int MAX_DESCRIPTION = 4000;

    /** Longest title the service takes. */
    static final int MAX_TITLE = 200;

    /**
     * A place the resident may report about.
     *
     * @param unitId the unit for {@link TicketArea#UNIT}, else null
     * @param organisationId whose categories apply
     */
    record Place(TicketArea area, Long unitId, long buildingId, long organisationId, String label) {}

    static final class SubmitEvent extends ComponentEvent<ReportForm> {
        private static final long serialVersionUID = 1L;
        private final transient NewTicket ticket;

        SubmitEvent(ReportForm source, NewTicket ticket) {
            super(source, false);
            this.ticket = ticket;
        }

        NewTicket ticket() {
            return ticket;
        }
    }

    static final class Draft {
        Place place;
        Category category;
        String title = "";
        String description = "";
        LocalDate visitDay;
        LocalTime visitFrom;
        LocalTime visitTo;
        ContactPreference contact = ContactPreference.APP;
        String email = "";
        String phone = "";
    }

    final Select<Place> place = new Select<>();
    final Select<Category> category = new Select<>();
    final TextField title = new TextField();
    final TextArea description = new TextArea();
    final DatePicker visitDay = new DatePicker();
    final TimePicker visitFrom = new TimePicker();
    final TimePicker visitTo = new TimePicker();
    final Select<ContactPreference> contact = new Select<>();
    final TextField email = new TextField();
    final TextField phone = new TextField();

    private final transient Translator t;
    private final Binder<Draft> binder = new Binder<>();
    private BigDecimal latitude;
    private BigDecimal longitude;

    ReportForm(Translator translator) {
        this.t = translator;
        addClassName("domus-form");
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("600px", 2));
        String required = t.translate("tickets.ui.report.required");

        place.setId("tickets-report-place");
        place.setLabel(t.translate("tickets.ui.report.place"));
        place.setItemLabelGenerator(Place::label);
        // Not asRequired on the selects: vaadin-select 23.3 then puts aria-required on its value button, which
        // axe refuses (aria-allowed-attr); the validators say the same.
        binder.forField(place).withValidator(Objects::nonNull, required).bind(d -> d.place, (d, v) -> d.place = v);
        category.setId("tickets-report-category");
        category.setLabel(t.translate("tickets.ui.report.category"));
        category.setItemLabelGenerator(Category::name);
        binder.forField(category)
                .withValidator(Objects::nonNull, required)
                .bind(d -> d.category, (d, v) -> d.category = v);
        title.setId("tickets-report-title");
        title.setLabel(t.translate("tickets.ui.report.subject"));
        title.setMaxLength(MAX_TITLE);
        binder.forField(title).bind(d -> d.title, (d, v) -> d.title = v);
        description.setId("tickets-report-description");
        description.setLabel(t.translate("tickets.ui.report.description"));
        description.setHelperText(t.translate("tickets.ui.report.description.help"));
        description.setMaxLength(MAX_DESCRIPTION);
        description.setMinHeight("8em");
        binder.forField(description)
                .asRequired(required)
                .withValidator(v -> !v.isBlank(), required)
                .bind(d -> d.description, (d, v) -> d.description = v);
        // A visit window on one day: labelled date and time fields (vaadin-date-time-picker's inner fields have
        // no accessible names in 23.3).
        visitDay.setId("tickets-report-visit-day");
        visitDay.setLabel(t.translate("tickets.ui.report.visitDay"));
        visitDay.setMin(LocalDate.now());
        binder.forField(visitDay)
                .withValidator(
                        v -> v == null || !v.isBefore(LocalDate.now()), t.translate("tickets.ui.report.visitPast"))
                .withValidator(
                        v -> v != null || (visitFrom.getValue() == null && visitTo.getValue() == null),
                        t.translate("tickets.ui.report.visitDayNeeded"))
                .bind(d -> d.visitDay, (d, v) -> d.visitDay = v);
        visitFrom.setId("tickets-report-visit-from");
        visitFrom.setLabel(t.translate("tickets.ui.report.visitFrom"));
        binder.forField(visitFrom)
                .withValidator(
                        v -> v != null || (visitDay.getValue() == null && visitTo.getValue() == null),
                        t.translate("tickets.ui.report.visitFromNeeded"))
                .withValidator(
                        v -> v == null
                                || visitDay.getValue() == null
                                || !LocalDateTime.of(visitDay.getValue(), v)
                                        .isBefore(LocalDateTime.now().minusMinutes(5)),
                        t.translate("tickets.ui.report.visitPast"))
                .bind(d -> d.visitFrom, (d, v) -> d.visitFrom = v);
        visitTo.setId("tickets-report-visit-to");
        visitTo.setLabel(t.translate("tickets.ui.report.visitTo"));
        binder.forField(visitTo)
                .withValidator(
                        v -> v == null || visitFrom.getValue() == null || v.isAfter(visitFrom.getValue()),
                        t.translate("tickets.ui.report.visitOrder"))
                .bind(d -> d.visitTo, (d, v) -> d.visitTo = v);
        contact.setId("tickets-report-contact");
        contact.setLabel(t.translate("tickets.ui.report.contact"));
        contact.setItems(ContactPreference.values());
        contact.setItemLabelGenerator(c -> t.translate("tickets.ui.contact." + c.name()));
        binder.forField(contact)
                .withValidator(Objects::nonNull, required)
                .bind(d -> d.contact, (d, v) -> d.contact = v);
        email.setId("tickets-report-email");
        email.setLabel(t.translate("tickets.ui.report.email"));
        binder.forField(email)
                .withValidator(
                        v -> contact.getValue() != ContactPreference.EMAIL || !v.isBlank(),
                        t.translate("tickets.ui.report.emailNeeded"))
                .bind(d -> d.email, (d, v) -> d.email = v);
        phone.setId("tickets-report-phone");
        phone.setLabel(t.translate("tickets.ui.report.phone"));
        binder.forField(phone)
                .withValidator(
                        v -> contact.getValue() != ContactPreference.PHONE || !v.isBlank(),
                        t.translate("tickets.ui.report.phoneNeeded"))
                .bind(d -> d.phone, (d, v) -> d.phone = v);
        contact.addValueChangeListener(e -> {
            email.setRequiredIndicatorVisible(e.getValue() == ContactPreference.EMAIL);
            phone.setRequiredIndicatorVisible(e.getValue() == ContactPreference.PHONE);
        });

        FormLayout visit = new FormLayout(visitDay, visitFrom, visitTo);
        visit.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("450px", 3));
        add(place, category, title, description, visit, contact, email, phone);
        setColspan(title, 2);
        setColspan(description, 2);
        setColspan(visit, 2);
        binder.setBean(new Draft());
    }

    /** The places the resident may choose from; the first is chosen. */
    void places(List<Place> places) {
        place.setItems(places);
        if (!places.isEmpty()) {
            place.setValue(places.get(0));
        }
    }

    /** The categories of the chosen place's organisation; the current choice is kept when still offered. */
    void categories(List<Category> categories) {
        Category chosen = category.getValue();
        category.setItems(categories);
        if (chosen != null) {
            categories.stream().filter(c -> c.id() == chosen.id()).findFirst().ifPresent(category::setValue);
        }
    }

    /** The pin on the building's map, or none. */
    void pin(BigDecimal lat, BigDecimal lon) {
        this.latitude = lat;
        this.longitude = lon;
    }

    Registration addSubmitListener(ComponentEventListener<SubmitEvent> listener) {
        return addListener(SubmitEvent.class, listener);
    }

    /** Validates and, when valid, fires {@link SubmitEvent}; returns whether it fired. */
    boolean submit() {
        if (!binder.validate().isOk()) {
            return false;
        }
        Draft d = binder.getBean();
        boolean unit = d.place.area() == TicketArea.UNIT;
        fireEvent(new SubmitEvent(
                this,
                new NewTicket(
                        d.place.area(),
                        unit ? d.place.unitId() : null,
                        unit ? null : d.place.buildingId(),
                        d.category.id(),
                        null,
                        blankToNull(d.title),
                        d.description.strip(),
                        null,
                        blankToNull(d.email),
                        blankToNull(d.phone),
                        d.contact,
                        latitude,
                        longitude,
                        d.visitDay == null || d.visitFrom == null ? null : LocalDateTime.of(d.visitDay, d.visitFrom),
                        d.visitDay == null || d.visitTo == null ? null : LocalDateTime.of(d.visitDay, d.visitTo))));
        return true;
    }

    /** @return errors that no field of this form shows */
    List<FieldError> showErrors(InvalidFieldsException error) {
        Map<String, HasValidation> fields = Map.ofEntries(
                Map.entry("area", place),
                Map.entry("unitId", place),
                Map.entry("buildingId", place),
                Map.entry("categoryId", category),
                Map.entry("title", title),
                Map.entry("description", description),
                Map.entry("visitFrom", visitFrom),
                Map.entry("visitTo", visitTo),
                Map.entry("contactPreference", contact),
                Map.entry("contactEmail", email),
                Map.entry("contactPhone", phone));
        List<FieldError> rest = new ArrayList<>();
        for (FieldError e : error.errors()) {
            HasValidation field = fields.get(e.field());
            if (field == null) {
                rest.add(e);
            } else {
                field.setErrorMessage(t.translate(e.messageKey(), e.arguments().toArray()));
                field.setInvalid(true);
            }
        }
        return rest;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
