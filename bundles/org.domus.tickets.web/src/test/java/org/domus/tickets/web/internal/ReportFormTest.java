package org.domus.tickets.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.domus.core.registry.FieldError;
import org.domus.core.registry.InvalidFieldsException;
import org.domus.tickets.Category;
import org.domus.tickets.ContactPreference;
import org.domus.tickets.NewTicket;
import org.domus.tickets.TicketArea;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReportFormTest {

    private static final ReportForm.Place UNIT = new ReportForm.Place(TicketArea.UNIT, 12L, 3, 1, "unit 12");
    private static final ReportForm.Place STAIRS = new ReportForm.Place(TicketArea.COMMON_AREA, null, 3, 1, "stairs");
    private static final Category WATER = new Category(7, 1, "WATER", "Water", "plumbing", true, 0);
    private static final Category LIFT = new Category(8, 1, "LIFT", "Lift", "lifts", true, 0);

    private final ReportForm form = new ReportForm((key, args) -> "[" + key + "]");
    private final List<NewTicket> sent = new ArrayList<>();

    @BeforeEach
    void setUp() {
        form.addSubmitListener(e -> sent.add(e.ticket()));
        form.places(List.of(UNIT, STAIRS));
        form.categories(List.of(WATER, LIFT));
    }

    @Test
    void aReportForTheUnitNamesTheUnitCategoryTextVisitAndContact() {
        LocalDate day = LocalDate.now().plusDays(1);
        form.category.setValue(WATER);
        form.title.setValue("  Dripping tap ");
        form.description.setValue(" The kitchen tap drips all night. ");
        form.visitDay.setValue(day);
        form.visitFrom.setValue(LocalTime.of(8, 0));
        form.visitTo.setValue(LocalTime.of(10, 30));
        form.contact.setValue(ContactPreference.PHONE);
        form.phone.setValue("+420 777 123 456");
        form.pin(new BigDecimal("50.08"), new BigDecimal("14.42"));

        assertTrue(form.submit());

        assertEquals(
                new NewTicket(
                        TicketArea.UNIT,
                        12L,
                        null,
                        7,
                        null,
                        "Dripping tap",
                        "The kitchen tap drips all night.",
                        null,
                        null,
                        "+420 777 123 456",
                        ContactPreference.PHONE,
                        new BigDecimal("50.08"),
                        new BigDecimal("14.42"),
                        LocalDateTime.of(day, LocalTime.of(8, 0)),
                        LocalDateTime.of(day, LocalTime.of(10, 30))),
                sent.get(0));
    }

    @Test
    void aCommonAreaReportNamesTheBuildingNotAUnit() {
        form.place.setValue(STAIRS);
        form.category.setValue(LIFT);
        form.description.setValue("The lift stops between floors.");

        assertTrue(form.submit());

        NewTicket ticket = sent.get(0);
        assertEquals(TicketArea.COMMON_AREA, ticket.area());
        assertNull(ticket.unitId());
        assertEquals(3L, ticket.buildingId());
        assertNull(ticket.title(), "an empty title is left to the service");
        assertEquals(ContactPreference.APP, ticket.contactPreference());
    }

    @Test
    void withoutCategoryOrDescriptionNothingIsSent() {
        form.description.setValue("   ");

        assertFalse(form.submit());

        assertTrue(form.category.isInvalid());
        assertTrue(form.description.isInvalid());
        assertTrue(sent.isEmpty());
    }

    @Test
    void aVisitEndingBeforeItStartsIsRefusedOnTheSpot() {
        form.category.setValue(WATER);
        form.description.setValue("Heating is cold.");
        form.visitDay.setValue(LocalDate.now().plusDays(2));
        form.visitFrom.setValue(LocalTime.of(14, 0));
        form.visitTo.setValue(LocalTime.of(13, 0));

        assertFalse(form.submit());

        assertEquals("[tickets.ui.report.visitOrder]", form.visitTo.getErrorMessage());
        assertTrue(sent.isEmpty());
    }

    @Test
    void aVisitTimeNeedsItsDayAndADayNeedsAStartTime() {
        form.category.setValue(WATER);
        form.description.setValue("Heating is cold.");
        form.visitFrom.setValue(LocalTime.of(9, 0));

        assertFalse(form.submit());
        assertEquals("[tickets.ui.report.visitDayNeeded]", form.visitDay.getErrorMessage());

        form.visitFrom.clear();
        form.visitDay.setValue(LocalDate.now().plusDays(1));
        assertFalse(form.submit());
        assertEquals("[tickets.ui.report.visitFromNeeded]", form.visitFrom.getErrorMessage());

        form.visitFrom.setValue(LocalTime.of(9, 0));
        assertTrue(form.submit());
        assertNull(sent.get(0).visitTo(), "an open end is the service's to accept");
    }

    @Test
    void aContactByPhoneNeedsTheNumber() {
        form.category.setValue(WATER);
        form.description.setValue("Heating is cold.");
        form.contact.setValue(ContactPreference.PHONE);

        assertFalse(form.submit());

        assertEquals("[tickets.ui.report.phoneNeeded]", form.phone.getErrorMessage());
    }

    @Test
    void aNewChoiceOfCategoriesKeepsTheChosenOneWhenStillOffered() {
        form.category.setValue(LIFT);
        form.categories(List.of(LIFT));
        assertEquals(LIFT, form.category.getValue());
    }

    @Test
    void theServicesFieldErrorsGoToTheirFieldsAndTheRestComesBack() {
        List<FieldError> rest = form.showErrors(new InvalidFieldsException(List.of(
                new FieldError("description", "tickets.description.too-long", List.of(4000)),
                new FieldError("latitude", "tickets.pin.too-far", List.of()))));

        assertTrue(form.description.isInvalid());
        assertEquals("[tickets.description.too-long]", form.description.getErrorMessage());
        assertEquals(1, rest.size());
        assertEquals("latitude", rest.get(0).field());
    }
}
