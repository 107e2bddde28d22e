package org.domus.web.internal.registry;

import org.domus.core.access.AccessPolicy;
import org.domus.core.privacy.PersonalDataService;
import org.domus.core.registry.RegistryPermissions;
import org.domus.core.registry.RegistryService;
import org.domus.web.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** A person's card, reached from the lists at {@code registry/person/<id>}; no menu entry. */
@Component(service = ViewContribution.class)
public class PersonDetailContribution extends RegistryContribution {

    @Activate
    public PersonDetailContribution(
            @Reference RegistryService registry,
            @Reference AccessPolicy policy,
            @Reference PersonalDataService privacy) {
        super(
                "registry/person",
                PersonDetailView.class,
                "registry.person.title",
                "USER",
                GROUP,
                21,
                false,
                RegistryPermissions.READ,
                ViewContribution.PARAMETER_PERSON,
                () -> new PersonDetailView(registry, policy, privacy));
    }
}
