package org.domus.communications.web.internal.messages;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import org.domus.communications.CommunicationsEvents;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Forwards the threads' events to the thread pages open on this node. Pages register when attached and unregister
 * when detached (the registry never holds a page, or its UI, after that); each listener pushes the change into its
 * own UI. Pages on other nodes of a cluster never see this node's events: they also check now and then.
 */
@Component(
        service = {EventHandler.class, ThreadBroadcaster.class},
        property = {
            EventConstants.EVENT_TOPIC + "=" + CommunicationsEvents.MESSAGE_POSTED,
            EventConstants.EVENT_TOPIC + "=" + CommunicationsEvents.THREAD_CHANGED
        })
public class ThreadBroadcaster implements EventHandler {

    /** What an open page does with a change of its thread (it must not block: push into its UI and return). */
    @FunctionalInterface
    public interface Listener {
        /** @param newMessage a message was posted (otherwise the thread was assigned, closed or reopened) */
        void threadChanged(long threadId, boolean newMessage);
    }

    /** Unregisters the listener. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private final Map<Long, Set<Listener>> listeners = new ConcurrentHashMap<>();

    /** Listens to changes of the thread until the registration is closed. */
    public Registration register(long threadId, Listener listener) {
        listeners.computeIfAbsent(threadId, id -> new CopyOnWriteArraySet<>()).add(listener);
        return () -> listeners.computeIfPresent(threadId, (id, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    /** How many pages listen to the thread (for tests). */
    int listening(long threadId) {
        Set<Listener> set = listeners.get(threadId);
        return set == null ? 0 : set.size();
    }

    @Override
    public void handleEvent(Event event) {
        Object id = event.getProperty(CommunicationsEvents.THREAD_ID);
        if (!(id instanceof Long threadId)) {
            return;
        }
        Set<Listener> set = listeners.get(threadId);
        if (set == null) {
            return;
        }
        boolean posted = CommunicationsEvents.MESSAGE_POSTED.equals(event.getTopic());
        for (Listener l : set) {
            l.threadChanged(threadId, posted);
        }
    }
}
