package org.domus.tickets.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.domus.core.Subject;
import org.domus.tickets.TicketEvents;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Posts {@link TicketEvents} asynchronously when EventAdmin is there; without it (tests) the events are only
 * kept in {@link #sent} for inspection. Services collect events while their transaction runs and post them
 * once it has committed, so that a rolled-back change announces nothing.
 */
final class TicketEventPublisher {

    private final AtomicReference<EventAdmin> eventAdmin = new AtomicReference<>();
    private final List<Event> recent = new ArrayList<>();

    void set(EventAdmin admin) {
        eventAdmin.set(admin);
    }

    void unset(EventAdmin admin) {
        eventAdmin.compareAndSet(admin, null);
    }

    /** An event about the ticket (its base properties from the entity as it is now). */
    static Event event(String topic, TicketEntity t, Subject actor, Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>();
        props.put(TicketEvents.TICKET_ID, t.id);
        props.put(TicketEvents.REFERENCE, t.reference);
        props.put(TicketEvents.ORGANISATION_ID, t.organisationId);
        props.put(TicketEvents.BUILDING_ID, t.buildingId);
        props.put(TicketEvents.STATUS, t.status);
        props.put(TicketEvents.SUMMARY, t.title);
        props.put(TicketEvents.ACTOR_ACCOUNT_ID, actor == null ? 0L : actor.accountId());
        if (t.unitId != null) {
            props.put(TicketEvents.UNIT_ID, t.unitId);
        }
        if (t.requesterId != null) {
            props.put(TicketEvents.REQUESTER_ACCOUNT_ID, t.requesterId);
        }
        if (t.companyId != null) {
            props.put(TicketEvents.COMPANY_ID, t.companyId);
        }
        if (t.workerId != null) {
            props.put(TicketEvents.WORKER_ID, t.workerId);
        }
        props.putAll(extra);
        return new Event(topic, props);
    }

    /** Posts events of a committed transaction. */
    void post(List<Event> events) {
        EventAdmin admin = eventAdmin.get();
        synchronized (recent) {
            recent.addAll(events);
            while (recent.size() > 100) {
                recent.remove(0);
            }
        }
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
