package org.domus.communications.internal.messages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.domus.communications.CommunicationsEvents;
import org.domus.communications.MessageEvents;
import org.domus.core.Subject;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Posts the threads' events asynchronously when EventAdmin is there; the last ones are kept for tests. The
 * service collects events while its transaction runs and posts them after the commit, so that a rolled-back change
 * announces nothing.
 */
final class MessageEventPublisher {

    private final AtomicReference<EventAdmin> eventAdmin = new AtomicReference<>();
    private final List<Event> recent = new ArrayList<>();

    void set(EventAdmin admin) {
        eventAdmin.set(admin);
    }

    void unset(EventAdmin admin) {
        eventAdmin.compareAndSet(admin, null);
    }

    static Event threadEvent(String topic, ThreadEntity t, Subject actor, Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>();
        props.put(CommunicationsEvents.ORGANISATION_ID, t.organisationId);
        props.put(CommunicationsEvents.ACTOR_ACCOUNT_ID, actor == null ? 0L : Math.max(0L, actor.accountId()));
        props.put(CommunicationsEvents.THREAD_ID, t.id);
        props.put(MessageEvents.UNIT_ID, t.unitId);
        props.put(MessageEvents.BUILDING_ID, t.buildingId);
        props.put(MessageEvents.RESIDENT_ACCOUNT_ID, t.residentId);
        if (t.assigneeId != null) {
            props.put(MessageEvents.ASSIGNEE_ACCOUNT_ID, t.assigneeId);
        }
        props.put(MessageEvents.TOPIC, t.topic);
        props.put(MessageEvents.STATE, t.state);
        props.put(MessageEvents.SUBJECT, t.subject);
        props.putAll(extra);
        return new Event(topic, props);
    }

    static Event posted(ThreadEntity t, MessageEntity m, Subject actor) {
        Map<String, Object> extra = new HashMap<>();
        extra.put(CommunicationsEvents.MESSAGE_ID, m.id);
        extra.put(MessageEvents.AUTHOR_ACCOUNT_ID, m.authorId);
        extra.put(MessageEvents.FROM_OFFICE, m.fromOffice);
        extra.put(
                MessageEvents.RECIPIENT_ACCOUNT_IDS,
                MessageServiceImpl.recipients(t, m).stream()
                        .mapToLong(Long::longValue)
                        .toArray());
        return threadEvent(CommunicationsEvents.MESSAGE_POSTED, t, actor, extra);
    }

    static Event changed(ThreadEntity t, Subject actor, String change) {
        return threadEvent(CommunicationsEvents.THREAD_CHANGED, t, actor, Map.of(MessageEvents.CHANGE, change));
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
