package org.domus.communications.web.internal.notify;

import org.domus.communications.NotificationService;
import org.domus.core.access.AccessPolicy;
import org.domus.core.registry.RegistryService;
import org.domus.web.StaticViewContribution;
import org.domus.web.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The notification centre, for every signed-in account (each sees only their own notifications). */
@Component(service = ViewContribution.class)
public class NotificationsContribution extends StaticViewContribution {

    @Activate
    public NotificationsContribution(
            @Reference NotificationService notifications,
            @Reference NotificationBroadcaster broadcaster,
            @Reference AccessPolicy policy,
            @Reference RegistryService registry) {
        super(
                NotificationRoutes.LIST_ROUTE,
                NotificationsView.class,
                "communications.notify.ui.menu.notifications",
                "BELL",
                NotificationRoutes.GROUP,
                90,
                true,
                null,
                null,
                () -> new NotificationsView(notifications, broadcaster, new NotificationZones(policy, registry)));
    }
}
