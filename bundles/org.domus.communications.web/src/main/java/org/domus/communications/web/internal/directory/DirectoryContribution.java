package org.domus.communications.web.internal.directory;

import org.domus.communications.CommunicationsPermissions;
import org.domus.communications.ContactDirectory;
import org.domus.core.access.AccessPolicy;
import org.domus.core.registry.RegistryService;
import org.domus.web.StaticViewContribution;
import org.domus.web.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The staff's "Contact directory" in the community group, for staff who read communications. */
@Component(service = ViewContribution.class)
public class DirectoryContribution extends StaticViewContribution {

    static final String ROUTE = "communications/directory";

    @Activate
    public DirectoryContribution(
            @Reference ContactDirectory directory,
            @Reference RegistryService registry,
            @Reference AccessPolicy policy) {
        super(
                ROUTE,
                DirectoryView.class,
                "communications.directory.menu",
                "PHONE",
                "menu.group.community",
                40,
                true,
                CommunicationsPermissions.READ,
                null,
                () -> new DirectoryView(directory, registry, policy));
    }
}
