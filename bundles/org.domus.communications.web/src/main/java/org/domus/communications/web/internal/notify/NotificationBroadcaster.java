package org.domus.communications.web.internal.notify;

import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.domus.communications.CommunicationsEvents;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Passes {@link CommunicationsEvents#NOTIFICATIONS_CHANGED} to the open bells and notification pages of this node
 * whose account is concerned; they refresh themselves through server push ({@code UI.access}). Listeners must not
 * block (they only schedule work in their UI).
 */
@Component(
        service = {EventHandler.class, NotificationBroadcaster.class},
        property = EventConstants.EVENT_TOPIC + "=" + CommunicationsEvents.NOTIFICATIONS_CHANGED)
public class NotificationBroadcaster implements EventHandler {

    private record Listener(long accountId, Runnable action) {}

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void handleEvent(Event event) {
        Object ids = event.getProperty(CommunicationsEvents.ACCOUNT_IDS);
        if (!(ids instanceof long[] accounts)) {
            return;
        }
        for (Listener l : listeners) {
            for (long account : accounts) {
                if (account == l.accountId()) {
                    l.action().run();
                    break;
                }
            }
        }
    }

    /** Runs {@code action} whenever the account's notifications change, until the registration is removed. */
    public Registration register(long accountId, Runnable action) {
        Listener l = new Listener(accountId, action);
        listeners.add(l);
        return () -> listeners.remove(l);
    }

    int listeners() {
        return listeners.size();
    }
}
