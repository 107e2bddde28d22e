package org.domus.ledger.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Keeps what the ledger posts, in order, so tests can read the events a receiver would get. */
final class RecordingEventAdmin implements EventAdmin {

    final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void postEvent(Event event) {
        events.add(event);
    }

    @Override
    public void sendEvent(Event event) {
        events.add(event);
    }

    List<Event> of(String topic) {
        return events.stream().filter(e -> e.getTopic().equals(topic)).toList();
    }
}
