package org.domus.web.internal.nav;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.domus.core.access.Permission;
import org.domus.web.ViewContribution;

/**
 * The drawer menu as data: contributions the subject may open, grouped by group key and sorted by order.
 * Kept free of Vaadin components so that grouping and filtering are tested without a UI.
 */
public final class MenuModel {

    /** The group that always comes first; other groups follow by their lowest entry order, then key. */
    public static final String MAIN_GROUP = "menu.group.main";

    /** One menu entry. */
    public record Entry(String route, String labelKey, String icon, int order) {}

    /** A titled block of entries. */
    public record Group(String key, List<Entry> entries) {}

    private MenuModel() {}

    /**
     * Builds the menu.
     *
     * @param contributions every registered contribution
     * @param granted answers whether the subject holds a permission
     */
    public static List<Group> build(List<? extends ViewContribution> contributions, Predicate<Permission> granted) {
        Map<String, List<ViewContribution>> byGroup = new LinkedHashMap<>();
        for (ViewContribution contribution : contributions) {
            // Public views (an anonymous form reached from a printed code) are never menu entries.
            boolean allowed = contribution.inMenu()
                    && !contribution.isPublic()
                    && contribution.requiredPermission().map(granted::test).orElse(true);
            if (allowed) {
                byGroup.computeIfAbsent(contribution.group(), g -> new ArrayList<>())
                        .add(contribution);
            }
        }
        Comparator<ViewContribution> byOrder =
                Comparator.comparingInt(ViewContribution::order).thenComparing(ViewContribution::route);
        List<Group> groups = new ArrayList<>();
        byGroup.forEach((key, members) -> {
            members.sort(byOrder);
            groups.add(new Group(
                    key,
                    members.stream()
                            .map(c -> new Entry(c.route(), c.labelKey(), c.icon(), c.order()))
                            .toList()));
        });
        groups.sort(Comparator.comparing((Group g) -> !MAIN_GROUP.equals(g.key()))
                .thenComparingInt(g -> g.entries().get(0).order())
                .thenComparing(Group::key));
        return List.copyOf(groups);
    }
}
