package org.domus.communications.web.internal.announce;

import org.domus.communications.AnnouncementService;
import org.domus.communications.CommunicationsPermissions;
import org.domus.core.access.AccessPolicy;
import org.domus.core.registry.RegistryService;
import org.domus.web.StaticViewContribution;
import org.domus.web.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The office's announcements list, for staff who read announcements. */
@Component(service = ViewContribution.class)
public class AnnouncementsContribution extends StaticViewContribution {

    @Activate
    public AnnouncementsContribution(
            @Reference AnnouncementService announcements,
            @Reference RegistryService registry,
            @Reference AccessPolicy policy) {
        super(
                AnnouncementContributions.LIST_ROUTE,
                AnnouncementsView.class,
                "communications.announcements.ui.menu.list",
                "MEGAPHONE",
                AnnouncementContributions.GROUP,
                10,
                true,
                CommunicationsPermissions.READ,
                null,
                () -> new AnnouncementsView(announcements, registry, policy));
    }
}
