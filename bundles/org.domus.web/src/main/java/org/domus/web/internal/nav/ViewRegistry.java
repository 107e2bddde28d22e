package org.domus.web.internal.nav;

import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.access.Permission;
import org.domus.web.Navigation;
import org.domus.web.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Collects the view contribution services of all module bundles. Dynamic references need bind methods,
 * so the contributions arrive through them; the static access policy comes through the constructor.
 */
@Component(service = {ViewRegistry.class, Navigation.class})
public class ViewRegistry implements Navigation {

    /** Routes of the shell's own views. */
    public static final Set<String> SHELL_ROUTES =
            Set.of("", "login", "logout", "change-password", "account/tokens", "VAADIN", "api", "offline.html");

    private final RouteBook book = new RouteBook(SHELL_ROUTES);
    private final AccessPolicy policy;
    private volatile RouteBook.RouteTarget target;
    private volatile List<Class<? extends com.vaadin.flow.component.Component>> shellViews = List.of();

    @Activate
    public ViewRegistry(@Reference AccessPolicy policy) {
        this.policy = policy;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addContribution(ViewContribution contribution) {
        book.add(contribution);
    }

    void removeContribution(ViewContribution contribution) {
        book.remove(contribution);
    }

    /**
     * The shell's own views (routes from their {@code @Route}), listed by {@link #routedViews()} also before
     * the servlet has started, which the HTTP whiteboard does at the first request.
     */
    public void shellViews(List<Class<? extends com.vaadin.flow.component.Component>> views) {
        this.shellViews = List.copyOf(views);
    }

    public void attach(RouteBook.RouteTarget target) {
        book.attach(target);
        this.target = target;
    }

    public void detach() {
        this.target = null;
        book.detach();
    }

    public List<ViewContribution> contributions() {
        return book.active();
    }

    public Optional<ViewContribution> byViewClass(Class<?> viewClass) {
        return book.byViewClass(viewClass);
    }

    @Override
    public Set<String> routes() {
        Set<String> routes = new LinkedHashSet<>();
        book.active().forEach(c -> routes.add(RouteBook.normalise(c.route())));
        return Set.copyOf(routes);
    }

    @Override
    public List<RoutedView> routedViews() {
        RouteBook.RouteTarget t = target;
        Map<String, RoutedView> views = new TreeMap<>();
        if (t != null) {
            for (RouteBook.Routed r : t.routed()) {
                String route = RouteBook.normalise(r.route());
                views.put(route, view(route, r.viewClass(), r.hasParameter(), book.byViewClass(r.viewClass())));
            }
        } else {
            for (Class<? extends com.vaadin.flow.component.Component> shell : shellViews) {
                Route annotation = shell.getAnnotation(Route.class);
                if (annotation != null) {
                    String route = RouteBook.normalise(annotation.value());
                    views.put(
                            route, view(route, shell, HasUrlParameter.class.isAssignableFrom(shell), Optional.empty()));
                }
            }
        }
        // Contributions Vaadin does not serve yet (servlet not started) are listed all the same.
        for (ViewContribution c : book.active()) {
            String route = RouteBook.normalise(c.route());
            views.computeIfAbsent(
                    route,
                    r -> view(r, c.viewClass(), HasUrlParameter.class.isAssignableFrom(c.viewClass()), Optional.of(c)));
        }
        return List.copyOf(views.values());
    }

    private static RoutedView view(
            String route, Class<?> viewClass, boolean hasParameter, Optional<ViewContribution> contribution) {
        boolean open = contribution.map(ViewContribution::isPublic).orElse(false);
        return new RoutedView(
                route,
                viewClass.getName(),
                hasParameter,
                contribution.flatMap(ViewContribution::parameterKind).orElse(null),
                // a public view's permission is ignored, and it never has a menu entry
                open
                        ? null
                        : contribution
                                .flatMap(ViewContribution::requiredPermission)
                                .map(Permission::name)
                                .orElse(null),
                !open && contribution.map(ViewContribution::inMenu).orElse(false),
                contribution.isPresent(),
                open);
    }

    @Override
    public List<String> menuRoutes(Subject subject) {
        return MenuModel.build(book.active(), permission -> policy.isGranted(subject, permission)).stream()
                .flatMap(group -> group.entries().stream())
                .map(entry -> RouteBook.normalise(entry.route()))
                .toList();
    }
}
