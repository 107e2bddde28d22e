package org.domus.web.internal.nav;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.Permission;
import org.domus.web.HeaderItem;
import org.domus.web.HomeCard;
import org.junit.jupiter.api.Test;

class ShellItemsTest {

    private static final Permission ANNOUNCE = new Permission("communications.announce");
    private static final Subject RESIDENT =
            new Subject(7, "eva", "Eva Nováková", Set.of(Role.RESIDENT), Locale.ENGLISH, Set.of());

    private final ShellItems items = new ShellItems();

    /** A card showing a Div with the given id, optionally needing a permission. */
    private static HomeCard card(String id, int order, Permission permission) {
        return new HomeCard() {
            @Override
            public int order() {
                return order;
            }

            @Override
            public Optional<Permission> requiredPermission() {
                return Optional.ofNullable(permission);
            }

            @Override
            public Optional<Component> createCard(Subject subject) {
                return Optional.of(div(id));
            }
        };
    }

    private static HeaderItem item(String id, int order) {
        return new HeaderItem() {
            @Override
            public int order() {
                return order;
            }

            @Override
            public Optional<Component> createItem(Subject subject) {
                return Optional.of(div(id));
            }
        };
    }

    private static Div div(String id) {
        Div div = new Div();
        div.setId(id);
        return div;
    }

    private static List<String> ids(List<Component> components) {
        return components.stream().map(c -> c.getId().orElseThrow()).toList();
    }

    @Test
    void cardsComeInTheirOrderAroundTheShellsOwnCards() {
        items.addCard(card("late", 2000, null));
        items.addCard(card("second", 50, null));
        items.addCard(card("first", 10, null));
        items.addCard(card("tie", ShellItems.SHELL_CARD_ORDER, null));

        List<Component> cards = items.homeCards(RESIDENT, p -> true, List.of(div("account"), div("modules")));

        assertEquals(List.of("first", "second", "account", "modules", "tie", "late"), ids(cards));
    }

    @Test
    void cardsNeedingAPermissionTheSubjectLacksAreLeftOut() {
        items.addCard(card("feed", 10, null));
        items.addCard(card("write", 20, ANNOUNCE));

        assertEquals(List.of("feed", "account"), ids(items.homeCards(RESIDENT, p -> false, List.of(div("account")))));
        assertEquals(
                List.of("feed", "write", "account"),
                ids(items.homeCards(RESIDENT, ANNOUNCE::equals, List.of(div("account")))));
    }

    @Test
    void aCardThatFailsOrHasNothingToShowIsSkippedAndTheOthersStay() {
        items.addCard(card("before", 10, null));
        items.addCard(new HomeCard() {
            @Override
            public int order() {
                return 20;
            }

            @Override
            public Optional<Component> createCard(Subject subject) {
                throw new IllegalStateException("database gone");
            }
        });
        items.addCard(subject -> Optional.empty());
        items.addCard(card("after", 30, null));

        assertEquals(
                List.of("before", "after", "account"),
                ids(items.homeCards(RESIDENT, p -> true, List.of(div("account")))));
    }

    @Test
    void aModuleThatLeavesTakesItsCardAndItemWithIt() {
        HomeCard feed = card("feed", 10, null);
        HeaderItem bell = item("bell", 10);
        items.addCard(feed);
        items.addHeaderItem(bell);
        assertEquals(List.of("feed", "account"), ids(items.homeCards(RESIDENT, p -> true, List.of(div("account")))));
        assertEquals(List.of("bell"), ids(items.headerItems(RESIDENT)));

        items.removeCard(feed);
        items.removeHeaderItem(bell);

        assertEquals(List.of("account"), ids(items.homeCards(RESIDENT, p -> true, List.of(div("account")))));
        assertEquals(List.of(), ids(items.headerItems(RESIDENT)));
    }

    @Test
    void headerItemsComeInOrderAndAFailingOneIsSkipped() {
        items.addHeaderItem(item("search", 200));
        items.addHeaderItem(subject -> {
            throw new IllegalStateException("broken");
        });
        items.addHeaderItem(item("bell", 10));

        assertEquals(List.of("bell", "search"), ids(items.headerItems(RESIDENT)));
    }
}
