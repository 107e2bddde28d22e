package org.domus.web.internal.nav;

import com.vaadin.flow.component.Component;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;
import org.domus.core.Subject;
import org.domus.core.access.Permission;
import org.domus.web.HeaderItem;
import org.domus.web.HomeCard;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the start page cards and top bar items of the installed modules. The start page and the top bar
 * ask for fresh components on every visit, so a module that comes or goes shows (or stops showing) at the next
 * navigation. A module's card or item that fails is logged and left out: one broken module must not take the
 * start page of every user with it.
 */
@org.osgi.service.component.annotations.Component(service = ShellItems.class)
public class ShellItems {

    /** The order of the shell's own cards (account, modules). */
    public static final int SHELL_CARD_ORDER = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(ShellItems.class);

    private final List<HomeCard> cards = new CopyOnWriteArrayList<>();
    private final List<HeaderItem> headerItems = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addCard(HomeCard card) {
        cards.add(card);
    }

    public void removeCard(HomeCard card) {
        cards.remove(card);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addHeaderItem(HeaderItem item) {
        headerItems.add(item);
    }

    public void removeHeaderItem(HeaderItem item) {
        headerItems.remove(item);
    }

    /**
     * The start page's cards for the subject: the modules' cards it may see and the shell's own cards (at
     * {@link #SHELL_CARD_ORDER}, ahead of module cards of the same order), lowest order first.
     *
     * @param granted whether the subject holds a permission
     * @param shellCards the shell's own cards, in their order
     */
    public List<Component> homeCards(Subject subject, Predicate<Permission> granted, List<Component> shellCards) {
        List<Placed> placed = new ArrayList<>();
        for (Component card : shellCards) {
            placed.add(new Placed(SHELL_CARD_ORDER, 0, placed.size(), card));
        }
        List<HomeCard> sorted = sorted(cards, HomeCard::order);
        for (HomeCard card : sorted) {
            create(
                            card,
                            c -> c.requiredPermission()
                                            .filter(p -> !granted.test(p))
                                            .isPresent()
                                    ? Optional.empty()
                                    : c.createCard(subject))
                    .ifPresent(component -> placed.add(new Placed(card.order(), 1, placed.size(), component)));
        }
        return placed.stream()
                .sorted(Comparator.comparingInt(Placed::order)
                        .thenComparingInt(Placed::source)
                        .thenComparingInt(Placed::position))
                .map(Placed::component)
                .toList();
    }

    /** The top bar items for the subject, lowest order first. */
    public List<Component> headerItems(Subject subject) {
        List<Component> items = new ArrayList<>();
        for (HeaderItem item : sorted(headerItems, HeaderItem::order)) {
            create(item, i -> i.createItem(subject)).ifPresent(items::add);
        }
        return items;
    }

    /** By order, then by class name so that equal orders come out the same on every visit. */
    private static <T> List<T> sorted(List<T> services, Function<T, Integer> order) {
        List<T> list = new ArrayList<>(services);
        list.sort(Comparator.comparing(order).thenComparing(s -> s.getClass().getName()));
        return list;
    }

    private static <T> Optional<Component> create(T service, Function<T, Optional<Component>> factory) {
        try {
            Optional<Component> component = factory.apply(service);
            return component == null ? Optional.empty() : component;
        } catch (RuntimeException | LinkageError e) {
            // A module being stopped can leave its service half gone; either way the page goes on without it.
            LOG.warn("{} failed; left out of the page", service.getClass().getName(), e);
            return Optional.empty();
        }
    }

    /** A card with its place: source 0 = the shell, 1 = a module; position keeps equal cards stable. */
    private record Placed(int order, int source, int position, Component component) {}
}
