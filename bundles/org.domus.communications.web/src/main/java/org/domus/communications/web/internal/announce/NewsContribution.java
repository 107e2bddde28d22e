package org.domus.communications.web.internal.announce;

import org.domus.communications.AnnouncementService;
import org.domus.core.access.AccessPolicy;
import org.domus.core.registry.RegistryPermissions;
import org.domus.core.registry.RegistryService;
import org.domus.web.StaticViewContribution;
import org.domus.web.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The resident's "News" next to "My home", for everyone who holds or lives in a unit
 * ({@link RegistryPermissions#HOME} follows from current tenures).
 */
@Component(service = ViewContribution.class)
public class NewsContribution extends StaticViewContribution {

    @Activate
    public NewsContribution(
            @Reference AnnouncementService announcements,
            @Reference AccessPolicy policy,
            @Reference RegistryService registry,
            @Reference AnnouncementBroadcaster broadcaster) {
        super(
                AnnouncementContributions.NEWS_ROUTE,
                NewsView.class,
                "communications.announcements.ui.menu.news",
                "NEWSPAPER",
                AnnouncementContributions.RESIDENT_GROUP,
                9,
                true,
                RegistryPermissions.HOME,
                null,
                () -> new NewsView(announcements, new NewsZones(policy, registry), broadcaster));
    }
}
