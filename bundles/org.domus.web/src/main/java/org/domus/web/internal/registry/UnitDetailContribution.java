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

/** A unit's card, reached from the lists at {@code registry/unit/<id>}; no menu entry. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
public class UnitDetailContribution implements ViewContribution {

    private final RegistryService registry;
    private final AccessPolicy policy;

    @Activate
    public UnitDetailContribution(@Reference RegistryService registry, @Reference AccessPolicy policy) {
        this.registry = registry;
        this.policy = policy;
    }

    @Override
    public String route() {
        return "registry/unit";
    }

    @Override
    public Class<? extends Component> viewClass() {
        return UnitDetailView.class;
    }

    @Override
    public String labelKey() {
        return "registry.unit.title";
    }

    @Override
    public String icon() {
        return "BUILDING";
    }

    @Override
    public String group() {
        return "menu.group.registry";
    }

    @Override
    public int order() {
        return 11;
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
        return new UnitDetailView(registry, policy);
    }
}
