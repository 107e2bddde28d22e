package org.domus.web.internal.registry;

import org.domus.core.access.AccessPolicy;
import org.domus.core.registry.RegistryPermissions;
import org.domus.core.registry.RegistryService;
import org.domus.web.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The organisations and their bank details (read by staff, changed by administrators). */
@Component(service = ViewContribution.class)
public class OrganisationsContribution extends RegistryContribution {

    @Activate
    public OrganisationsContribution(@Reference RegistryService registry, @Reference AccessPolicy policy) {
        super(
                "registry/organisations",
                OrganisationsView.class,
                "registry.menu.organisations",
                "INSTITUTION",
                GROUP,
                40,
                true,
                RegistryPermissions.READ,
                () -> new OrganisationsView(registry, policy));
    }
}
