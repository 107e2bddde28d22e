package org.domus.web.internal.nav;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.domus.web.ViewContribution;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Collects the view contribution services of all module bundles. Dynamic references need bind methods,
 * so this is the one component here without constructor injection.
 */
@Component(service = ViewRegistry.class)
public class ViewRegistry {

    /** Routes of the shell's own views. */
    public static final Set<String> SHELL_ROUTES =
            Set.of("", "login", "logout", "change-password", "account/tokens", "VAADIN", "api", "offline.html");

    private final RouteBook book = new RouteBook(SHELL_ROUTES);

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
}
