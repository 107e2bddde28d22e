package org.domus.web.internal.nav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import java.util.List;
import org.domus.web.ViewContribution;
import org.junit.jupiter.api.Test;

class MenuModelTest {

    @Test
    void entriesAreGroupedAndSortedByOrderWithTheMainGroupFirst() {
        List<MenuModel.Group> menu = MenuModel.build(
                List.of(
                        TestContribution.of("ledger/balance", "menu.group.finance", 20),
                        TestContribution.of("tickets", MenuModel.MAIN_GROUP, 50),
                        TestContribution.of("ledger/postings", "menu.group.finance", 10),
                        TestContribution.of("documents", MenuModel.MAIN_GROUP, 40)),
                p -> true);

        assertEquals(
                List.of(MenuModel.MAIN_GROUP, "menu.group.finance"),
                menu.stream().map(MenuModel.Group::key).toList());
        assertEquals(List.of("documents", "tickets"), routes(menu.get(0)));
        assertEquals(List.of("ledger/postings", "ledger/balance"), routes(menu.get(1)));
    }

    @Test
    void entriesWhosePermissionIsNotGrantedAreLeftOutAndEmptyGroupsVanish() {
        List<MenuModel.Group> menu = MenuModel.build(
                List.of(
                        TestContribution.of("admin/users", "menu.group.administration", 1)
                                .requiring("platform.accounts.manage"),
                        TestContribution.of("ledger/balance", "menu.group.finance", 1)
                                .requiring("ledger.read"),
                        TestContribution.of("tickets", MenuModel.MAIN_GROUP, 1)),
                p -> p.name().equals("ledger.read"));

        assertEquals(
                List.of(MenuModel.MAIN_GROUP, "menu.group.finance"),
                menu.stream().map(MenuModel.Group::key).toList());
    }

    @Test
    void contributionsOutsideTheMenuGetNoEntry() {
        ViewContribution detail = new ViewContribution() {
            @Override
            public String route() {
                return "registry/unit";
            }

            @Override
            public Class<? extends Component> viewClass() {
                return Div.class;
            }

            @Override
            public String labelKey() {
                return "label.unit";
            }

            @Override
            public String icon() {
                return "HOME";
            }

            @Override
            public String group() {
                return "menu.group.registry";
            }

            @Override
            public boolean inMenu() {
                return false;
            }
        };

        List<MenuModel.Group> menu = MenuModel.build(
                List.of(detail, TestContribution.of("registry/units", "menu.group.registry", 2)), p -> true);

        assertEquals(1, menu.size());
        assertEquals(List.of("registry/units"), routes(menu.get(0)));
    }

    @Test
    void publicViewsNeverGetAMenuEntry() {
        List<MenuModel.Group> menu = MenuModel.build(
                List.of(
                        TestContribution.of("tickets/report", MenuModel.MAIN_GROUP, 1)
                                .publicly(),
                        TestContribution.of("tickets/mine", MenuModel.MAIN_GROUP, 2)),
                p -> true);

        assertEquals(1, menu.size());
        assertEquals(List.of("tickets/mine"), routes(menu.get(0)));
    }

    @Test
    void otherGroupsFollowTheirLowestOrderThenTheirKey() {
        List<MenuModel.Group> menu = MenuModel.build(
                List.of(
                        TestContribution.of("z", "menu.group.z", 5),
                        TestContribution.of("b", "menu.group.b", 5),
                        TestContribution.of("a", "menu.group.a", 9)),
                p -> true);

        assertEquals(
                List.of("menu.group.b", "menu.group.z", "menu.group.a"),
                menu.stream().map(MenuModel.Group::key).toList());
    }

    @Test
    void noContributionsGiveAnEmptyMenu() {
        assertTrue(MenuModel.build(List.of(), p -> true).isEmpty());
    }

    private static List<String> routes(MenuModel.Group group) {
        return group.entries().stream().map(MenuModel.Entry::route).toList();
    }
}
