package org.domus.web.internal.nav;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
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

    public void attach(RouteBook.RouteTarget target) {
        book.attach(target);
    }

    public void detach() {
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
    public List<String> menuRoutes(Subject subject) {
        return MenuModel.build(book.active(), permission -> policy.isGranted(subject, permission)).stream()
                .flatMap(group -> group.entries().stream())
                .map(entry -> RouteBook.normalise(entry.route()))
                .toList();
    }
}
