package org.domus.communications.web.internal.notify;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;

/** Refreshes a component through server push whenever its account's notifications change, while attached. */
final class LiveNotifications {

    private LiveNotifications() {}

    static void refreshOnChange(
            Component component, NotificationBroadcaster broadcaster, long accountId, Runnable refresh) {
        Registration[] registration = new Registration[1];
        component.addAttachListener(attach -> {
            UI ui = attach.getUI();
            registration[0] = broadcaster.register(accountId, () -> ui.access(refresh::run));
        });
        component.addDetachListener(detach -> {
            if (registration[0] != null) {
                registration[0].remove();
                registration[0] = null;
            }
        });
    }
}
