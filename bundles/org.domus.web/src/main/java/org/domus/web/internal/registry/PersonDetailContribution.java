package org.domus.web.internal.registry;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import org.domus.core.access.AccessPolicy;
import org.domus.core.access.Permission;
import org.domus.core.registry.RegistryPermissions;
import org.domus.core.registry.RegistryService;
import org.domus.web.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;

/** A person's card, reached from the lists at {@code registry/person/<id>}; no menu entry. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
public class PersonDetailContribution implements ViewContribution {

    private final RegistryService registry;
    private final AccessPolicy policy;

    @Activate
    public PersonDetailContribution(@Reference RegistryService registry, @Reference AccessPolicy policy) {
        this.registry = registry;
        this.policy = policy;
    }

    @Override
    public String route() {
        return "registry/person";
    }

    @Override
    public Class<? extends Component> viewClass() {
        return PersonDetailView.class;
    }

    @Override
    public String labelKey() {
        return "registry.person.title";
    }

    @Override
    public String icon() {
        return "USER";
    }

    @Override
    public String group() {
        return "menu.group.registry";
    }

    @Override
    public int order() {
        return 21;
    }

    @Override
    public boolean inMenu() {
        return false;
    }

    @Override
    public Optional<Permission> requiredPermission() {
        return Optional.of(RegistryPermissions.READ);
    }

    @Override
    public Component createView() {
        return new PersonDetailView(registry, policy);
    }
}
