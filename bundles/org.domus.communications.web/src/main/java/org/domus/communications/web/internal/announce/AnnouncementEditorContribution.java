package org.domus.communications.web.internal.announce;

import org.domus.communications.AnnouncementService;
import org.domus.communications.CommunicationsPermissions;
import org.domus.core.access.AccessPolicy;
import org.domus.core.audience.Audience;
import org.domus.core.registry.RegistryService;
import org.domus.web.StaticViewContribution;
import org.domus.web.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The announcement editor at {@code communications/announcement[/<id>]}, for staff who write announcements. */
@Component(service = ViewContribution.class)
public class AnnouncementEditorContribution extends StaticViewContribution {

    @Activate
    public AnnouncementEditorContribution(
            @Reference AnnouncementService announcements,
            @Reference RegistryService registry,
            @Reference AccessPolicy policy,
            @Reference Audience audience) {
        super(
                AnnouncementContributions.EDITOR_ROUTE,
                AnnouncementEditorView.class,
                "communications.announcements.ui.new",
                "EDIT",
                AnnouncementContributions.GROUP,
                11,
                false,
                CommunicationsPermissions.ANNOUNCE,
                AnnouncementContributions.PARAMETER_ANNOUNCEMENT,
                () -> new AnnouncementEditorView(announcements, registry, policy, audience));
    }
}
