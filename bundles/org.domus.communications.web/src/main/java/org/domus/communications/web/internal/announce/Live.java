package org.domus.communications.web.internal.announce;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;

/** Refreshes a component through server push whenever an announcement is published, while it is attached. */
final class Live {

    private Live() {}

    static void refreshOnPublish(Component component, AnnouncementBroadcaster broadcaster, Runnable refresh) {
        Registration[] registration = new Registration[1];
        component.addAttachListener(attach -> {
            UI ui = attach.getUI();
            registration[0] = broadcaster.register(id -> {
                try {
                    ui.access(refresh::run);
                } catch (UIDetachedException e) {
                    // The page is gone; its detach listener removes the registration.
                }
            });
        });
        component.addDetachListener(detach -> {
            if (registration[0] != null) {
                registration[0].remove();
                registration[0] = null;
            }
        });
    }
}
