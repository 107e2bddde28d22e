package org.domus.communications.web.internal.notify;

/** Routes of the notification views (the service's e-mails link to the settings page by this route). */
final class NotificationRoutes {

    static final String LIST_ROUTE = "communications/notifications";
    static final String SETTINGS_ROUTE = "communications/notification-settings";

    /** Next to "My home" for residents; staff find it there too. */
    static final String GROUP = "menu.group.main";

    private NotificationRoutes() {}
}
