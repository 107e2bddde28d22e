package org.domus.communications.web.internal.notify;

import org.domus.communications.NotificationService;
import org.domus.web.StaticViewContribution;
import org.domus.web.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The notification settings, for every signed-in account; reached from the bell, the centre and e-mails. */
@Component(service = ViewContribution.class)
public class NotificationSettingsContribution extends StaticViewContribution {

    @Activate
    public NotificationSettingsContribution(@Reference NotificationService notifications) {
        super(
                NotificationRoutes.SETTINGS_ROUTE,
                NotificationSettingsView.class,
                "communications.notify.ui.menu.settings",
                "COG",
                NotificationRoutes.GROUP,
                8,
                false,
                null,
                null,
                () -> new NotificationSettingsView(notifications));
    }
}
