package org.domus.communications.web.internal.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.domus.communications.CommunicationsEvents;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

class ThreadBroadcasterTest {

    private static Event event(String topic, long threadId) {
        return new Event(
                topic, Map.of(CommunicationsEvents.THREAD_ID, threadId, CommunicationsEvents.ORGANISATION_ID, 1L));
    }

    @Test
    void eventsReachThePagesOfTheirThreadOnlyAndNoPageIsHeldAfterItUnregisters() {
        ThreadBroadcaster broadcaster = new ThreadBroadcaster();
        List<String> seen = new ArrayList<>();
        ThreadBroadcaster.Registration seven = broadcaster.register(7, (id, posted) -> seen.add("a" + id + posted));
        ThreadBroadcaster.Registration sevenAgain =
                broadcaster.register(7, (id, posted) -> seen.add("b" + id + posted));
        ThreadBroadcaster.Registration eight = broadcaster.register(8, (id, posted) -> seen.add("c" + id + posted));

        broadcaster.handleEvent(event(CommunicationsEvents.MESSAGE_POSTED, 7));
        broadcaster.handleEvent(event(CommunicationsEvents.THREAD_CHANGED, 8));
        broadcaster.handleEvent(event(CommunicationsEvents.MESSAGE_POSTED, 9));
        assertEquals(
                List.of("a7true", "b7true", "c8false"), seen.stream().sorted().toList());

        seven.close();
        sevenAgain.close();
        eight.close();
        assertEquals(0, broadcaster.listening(7));
        assertEquals(0, broadcaster.listening(8));
        seen.clear();
        broadcaster.handleEvent(event(CommunicationsEvents.MESSAGE_POSTED, 7));
        assertEquals(List.of(), seen);
    }

    @Test
    void eventsWithoutAThreadAreIgnored() {
        ThreadBroadcaster broadcaster = new ThreadBroadcaster();
        List<Long> seen = new ArrayList<>();
        broadcaster.register(1, (id, posted) -> seen.add(id));
        broadcaster.handleEvent(new Event(CommunicationsEvents.NOTIFICATIONS_CHANGED, Map.of()));
        assertEquals(List.of(), seen);
    }
}
