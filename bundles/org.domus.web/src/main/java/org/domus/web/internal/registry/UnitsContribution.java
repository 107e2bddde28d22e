package org.domus.web.internal.registry;

import org.domus.core.access.AccessPolicy;
import org.domus.core.registry.RegistryPermissions;
import org.domus.core.registry.RegistryService;
import org.domus.web.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The staff's units list. */
@Component(service = ViewContribution.class)
public class UnitsContribution extends RegistryContribution {

    @Activate
    public UnitsContribution(@Reference RegistryService registry, @Reference AccessPolicy policy) {
        super(
                "registry/units",
                UnitsView.class,
                "registry.menu.units",
                "BUILDING",
                GROUP,
                10,
                true,
                RegistryPermissions.READ,
                () -> new UnitsView(registry, policy));
    }
}
