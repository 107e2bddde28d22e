package org.domus.communications.web.internal.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.domus.communications.ContactScope;
import org.domus.communications.ContactsOfBuilding;
import org.domus.communications.EmergencyContact;
import org.domus.communications.EmergencyKind;
import org.domus.communications.Office;
import org.domus.communications.OfficeStatus;
import org.domus.communications.OpeningHours;
import org.domus.communications.StaffContact;
import org.junit.jupiter.api.Test;

/** The resident's building card on the Contacts page, built without a running Vaadin service. */
class ContactPartsTest {

    private static final Translator KEYS = (key, args) -> key + Arrays.toString(args);

    private static List<Component> all(Component root) {
        List<Component> found = new ArrayList<>();
        found.add(root);
        root.getChildren().forEach(c -> found.addAll(all(c)));
        return found;
    }

    private static <T extends Component> Stream<T> of(Component root, Class<T> type) {
        return all(root).stream().filter(type::isInstance).map(type::cast);
    }

    @Test
    void emergencyNumbersComeFirstAsCallLinksThenTheOfficeWithItsStateThenTheStaff() {
        LocalDate today = LocalDate.of(2026, 3, 4);
        Office office = new Office(
                3,
                1,
                ContactScope.organisation(1),
                "Kancelář družstva",
                "Cejl 12, Brno",
                "+420 545 123 456",
                "kancelar@sbd.cz",
                List.of(new OpeningHours(DayOfWeek.WEDNESDAY, "08:00", "12:00")),
                List.of(),
                null,
                0);
        ContactsOfBuilding building = new ContactsOfBuilding(
                7,
                "Cejl 12, 60200 Brno",
                List.of(
                        new EmergencyContact(
                                11,
                                1,
                                ContactScope.building(7),
                                EmergencyKind.LIFT,
                                "Schindler",
                                "+420 800 100 001",
                                "nonstop",
                                0),
                        new EmergencyContact(
                                12, 1, ContactScope.organisation(1), EmergencyKind.GAS, "GasNet", "1239", null, 0)),
                List.of(new OfficeStatus(
                        office,
                        today,
                        office.hours(),
                        false,
                        null,
                        true,
                        today.atTime(12, 0),
                        today.plusDays(7).atTime(8, 0),
                        "Europe/Prague")),
                List.of(new StaffContact(
                        21, 1, ContactScope.building(7), "Eva Dvořáková", "Správce domu", null, "eva@sbd.cz", 5L, 0)));

        Div card = ContactParts.building(building, Locale.ENGLISH, KEYS);

        assertEquals("communications-contacts-building-7", card.getId().orElseThrow());
        assertEquals(
                List.of(
                        "communications.directory.emergency.title[]",
                        "communications.directory.offices.title[]",
                        "communications.directory.staff.title[]"),
                of(card, H4.class)
                        .filter(h -> h.getText().endsWith("title[]"))
                        .map(H4::getText)
                        .toList());
        List<Anchor> links = of(card, Anchor.class).toList();
        assertEquals(
                List.of(
                        "tel:+420800100001",
                        "tel:1239",
                        "tel:+420545123456",
                        "mailto:kancelar@sbd.cz",
                        "mailto:eva@sbd.cz"),
                links.stream().map(Anchor::getHref).toList());
        assertEquals("communications-emergency-7-11", links.get(0).getId().orElseThrow());
        assertEquals("+420 800 100 001", links.get(0).getText());
        Span badge = of(card, Span.class)
                .filter(s -> s.getId()
                        .filter("communications-office-3-badge"::equals)
                        .isPresent())
                .findFirst()
                .orElseThrow();
        assertEquals("communications.directory.open-now[]", badge.getText());
        assertTrue(badge.getElement().getThemeList().contains("success"));
        String text = card.getElement().getTextRecursively();
        assertTrue(text.contains("communications.directory.kind.LIFT[]"), text);
        assertTrue(text.contains("communications.directory.state.open-until[12:00]"), text);
        assertTrue(text.contains("communications.directory.today[08:00–12:00]"), text);
        assertTrue(text.contains("Správce domu"), text);
    }

    @Test
    void aBuildingWithoutEntriesSaysSoInEachSection() {
        Div card = ContactParts.building(
                new ContactsOfBuilding(8, "Lipová 3", List.of(), List.of(), List.of()), Locale.ENGLISH, KEYS);
        String text = card.getElement().getTextRecursively();
        for (String none : List.of("emergency.none", "offices.none", "staff.none")) {
            assertTrue(text.contains("communications.directory." + none + "[]"), text);
        }
        assertEquals(0, of(card, Anchor.class).count());
    }
}
