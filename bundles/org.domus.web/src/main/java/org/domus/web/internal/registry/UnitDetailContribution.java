package org.domus.web.internal.registry;

import org.domus.core.access.AccessPolicy;
import org.domus.core.registry.RegistryPermissions;
import org.domus.core.registry.RegistryService;
import org.domus.web.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** A unit's card, reached from the lists at {@code registry/unit/<id>}; no menu entry. */
@Component(service = ViewContribution.class)
public class UnitDetailContribution extends RegistryContribution {

    @Activate
    public UnitDetailContribution(@Reference RegistryService registry, @Reference AccessPolicy policy) {
        super(
                "registry/unit",
                UnitDetailView.class,
                "registry.unit.title",
                "BUILDING",
                GROUP,
                11,
                false,
                RegistryPermissions.READ,
                ViewContribution.PARAMETER_UNIT,
                () -> new UnitDetailView(registry, policy));
    }
}
