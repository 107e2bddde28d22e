package org.domus.web.internal.nav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
