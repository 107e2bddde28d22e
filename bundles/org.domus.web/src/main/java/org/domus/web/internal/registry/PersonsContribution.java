package org.domus.web.internal.registry;

import org.domus.core.access.AccessPolicy;
import org.domus.core.registry.RegistryPermissions;
import org.domus.core.registry.RegistryService;
import org.domus.web.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The staff's persons list. */
@Component(service = ViewContribution.class)
public class PersonsContribution extends RegistryContribution {

    @Activate
    public PersonsContribution(@Reference RegistryService registry, @Reference AccessPolicy policy) {
        super(
                "registry/persons",
                PersonsView.class,
                "registry.menu.persons",
                "USERS",
                GROUP,
                20,
                true,
                RegistryPermissions.READ,
                () -> new PersonsView(registry, policy));
    }
}
