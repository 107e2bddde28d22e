package org.domus.communications.internal.announce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.domus.communications.CommunicationsEvents;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Posts {@link CommunicationsEvents#ANNOUNCEMENT_PUBLISHED} asynchronously when EventAdmin is there; without it
 * (tests) the events are only kept for inspection. Callers post only after their transaction has committed.
 */
final class AnnouncementEventPublisher {

    private final AtomicReference<EventAdmin> eventAdmin = new AtomicReference<>();
    private final List<Event> recent = new ArrayList<>();

    void set(EventAdmin admin) {
        eventAdmin.set(admin);
    }

    void unset(EventAdmin admin) {
        eventAdmin.compareAndSet(admin, null);
    }

    static Event published(long announcementId, long organisationId, long actorAccountId) {
        return new Event(
                CommunicationsEvents.ANNOUNCEMENT_PUBLISHED,
                Map.of(
                        CommunicationsEvents.ANNOUNCEMENT_ID, announcementId,
                        CommunicationsEvents.ORGANISATION_ID, organisationId,
                        CommunicationsEvents.ACTOR_ACCOUNT_ID, actorAccountId));
    }

    void post(List<Event> events) {
        synchronized (recent) {
            recent.addAll(events);
            while (recent.size() > 100) {
                recent.remove(0);
            }
        }
        EventAdmin admin = eventAdmin.get();
        if (admin != null) {
            events.forEach(admin::postEvent);
        }
    }

    /** The last events posted (at most 100), for tests. */
    List<Event> sent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }
}
