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

/** One announcement of the resident's feed at {@code communications/news-item/<id>}, reached from News. */
@Component(service = ViewContribution.class)
public class NewsItemContribution extends StaticViewContribution {

    @Activate
    public NewsItemContribution(
            @Reference AnnouncementService announcements,
            @Reference AccessPolicy policy,
            @Reference RegistryService registry) {
        super(
                AnnouncementContributions.NEWS_ITEM_ROUTE,
                NewsItemView.class,
                "communications.announcements.ui.news.title",
                "NEWSPAPER",
                AnnouncementContributions.RESIDENT_GROUP,
                10,
                false,
                RegistryPermissions.HOME,
                AnnouncementContributions.PARAMETER_ANNOUNCEMENT,
                () -> new NewsItemView(announcements, new NewsZones(policy, registry)));
    }
}
