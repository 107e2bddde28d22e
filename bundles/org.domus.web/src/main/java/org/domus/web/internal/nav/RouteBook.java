package org.domus.web.internal.nav;

import com.vaadin.flow.component.Component;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.domus.web.ViewContribution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which contributed route is live. Contributions may arrive before the Vaadin servlet exists and may
 * outlive it, so the book remembers them and replays them to whichever route target is attached. When
 * two contributions claim one route the first keeps it and the second waits until the first leaves.
 */
public final class RouteBook {

    /** Where routes end up; in production Vaadin's application route registry. */
    public interface RouteTarget {
        void setRoute(String route, Class<? extends Component> viewClass);

        void removeRoute(String route);

        /** Every route the target serves now, the shell's own included. */
        default List<Routed> routed() {
            return List.of();
        }
    }

    /**
     * A route as the target serves it.
     *
     * @param route the path without its parameter
     * @param hasParameter whether the view takes a URL parameter
     */
    public record Routed(String route, Class<?> viewClass, boolean hasParameter) {}

    private static final Logger LOG = LoggerFactory.getLogger(RouteBook.class);

    private final Set<String> reserved;
    /** Every known contribution in arrival order, including those waiting for a taken route. */
    private final List<ViewContribution> known = new ArrayList<>();
    /** The contribution that owns each live route. */
    private final Map<String, ViewContribution> live = new LinkedHashMap<>();

    private RouteTarget target;

    /** @param reserved routes of the shell itself that no module may take */
    public RouteBook(Set<String> reserved) {
        this.reserved = Set.copyOf(reserved);
    }

    public synchronized void add(ViewContribution contribution) {
        String route = normalise(contribution.route());
        if (reserved.contains(route)) {
            LOG.warn("View contribution {} ignored: route '{}' belongs to the shell", contribution, route);
            return;
        }
        known.add(contribution);
        if (live.containsKey(route)) {
            LOG.warn("Route '{}' is already taken by {}; {} waits", route, live.get(route), contribution);
            return;
        }
        live.put(route, contribution);
        if (target != null) {
            target.setRoute(route, contribution.viewClass());
        }
    }

    public synchronized void remove(ViewContribution contribution) {
        // Identity, not equals: two services may well be equal objects from different bundles.
        if (!known.removeIf(c -> c == contribution)) {
            return;
        }
        String route = normalise(contribution.route());
        if (live.get(route) != contribution) {
            return;
        }
        live.remove(route);
        if (target != null) {
            target.removeRoute(route);
        }
        // A contribution that waited for this route takes it over.
        known.stream()
                .filter(c -> normalise(c.route()).equals(route))
                .findFirst()
                .ifPresent(next -> {
                    live.put(route, next);
                    if (target != null) {
                        target.setRoute(route, next.viewClass());
                    }
                });
    }

    /** Connects the book to a route registry and registers every live route there. */
    public synchronized void attach(RouteTarget newTarget) {
        this.target = newTarget;
        live.forEach((route, contribution) -> newTarget.setRoute(route, contribution.viewClass()));
    }

    /** Forgets the registry (it dies with the servlet); the contributions stay known. */
    public synchronized void detach() {
        this.target = null;
    }

    /** Contributions owning a live route, in arrival order. */
    public synchronized List<ViewContribution> active() {
        return List.copyOf(live.values());
    }

    /** The contribution whose view class is shown at a live route. */
    public synchronized Optional<ViewContribution> byViewClass(Class<?> viewClass) {
        return live.values().stream().filter(c -> c.viewClass() == viewClass).findFirst();
    }

    static String normalise(String route) {
        String r = route == null ? "" : route.trim();
        while (r.startsWith("/")) {
            r = r.substring(1);
        }
        while (r.endsWith("/")) {
            r = r.substring(0, r.length() - 1);
        }
        return r;
    }
}
