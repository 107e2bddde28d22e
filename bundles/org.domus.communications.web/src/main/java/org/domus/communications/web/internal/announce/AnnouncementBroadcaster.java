package org.domus.communications.web.internal.announce;

import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.domus.communications.CommunicationsEvents;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes {@link CommunicationsEvents#ANNOUNCEMENT_PUBLISHED} to the open feeds and home cards of this node, which
 * refresh themselves through server push ({@code UI.access}). Listeners are the announcement's id consumers; they
 * must not block (they only schedule work in their UI).
 */
@Component(
        service = {EventHandler.class, AnnouncementBroadcaster.class},
        property = EventConstants.EVENT_TOPIC + "=" + CommunicationsEvents.ANNOUNCEMENT_PUBLISHED)
public class AnnouncementBroadcaster implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AnnouncementBroadcaster.class);

    private final List<SerializableConsumer<Long>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void handleEvent(Event event) {
        Object id = event.getProperty(CommunicationsEvents.ANNOUNCEMENT_ID);
        if (!(id instanceof Number n)) {
            return;
        }
        for (SerializableConsumer<Long> l : listeners) {
            try {
                l.accept(n.longValue());
            } catch (RuntimeException e) {
                // One broken page must not keep the others from their update.
                LOG.warn("announcement {} not passed to an open page", n, e);
            }
        }
    }

    /** Adds a listener until the registration is removed (when its component detaches). */
    public Registration register(SerializableConsumer<Long> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    int listeners() {
        return listeners.size();
    }
}
