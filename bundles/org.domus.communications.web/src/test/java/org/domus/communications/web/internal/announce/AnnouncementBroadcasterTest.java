package org.domus.communications.web.internal.announce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.domus.communications.CommunicationsEvents;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

class AnnouncementBroadcasterTest {

    private final AnnouncementBroadcaster broadcaster = new AnnouncementBroadcaster();

    private static Event published(Object id) {
        return new Event(
                CommunicationsEvents.ANNOUNCEMENT_PUBLISHED,
                Map.of(CommunicationsEvents.ANNOUNCEMENT_ID, id, CommunicationsEvents.ORGANISATION_ID, 1L));
    }

    @Test
    void passesPublishedAnnouncementsToOpenPagesUntilTheyDetach() {
        List<Long> first = new ArrayList<>();
        List<Long> second = new ArrayList<>();
        Registration one = broadcaster.register(first::add);
        broadcaster.register(second::add);
        broadcaster.handleEvent(published(7L));
        one.remove();
        broadcaster.handleEvent(published(8L));
        assertEquals(List.of(7L), first);
        assertEquals(List.of(7L, 8L), second);
        assertEquals(1, broadcaster.listeners());
    }

    @Test
    void aFailingPageDoesNotStopTheOthers() {
        List<Long> seen = new ArrayList<>();
        broadcaster.register(id -> {
            throw new IllegalStateException("closed");
        });
        broadcaster.register(seen::add);
        broadcaster.handleEvent(published(9L));
        assertEquals(List.of(9L), seen);
    }

    @Test
    void ignoresAnEventWithoutAnAnnouncementId() {
        List<Long> seen = new ArrayList<>();
        broadcaster.register(seen::add);
        broadcaster.handleEvent(new Event(CommunicationsEvents.ANNOUNCEMENT_PUBLISHED, Map.of()));
        broadcaster.handleEvent(published("x"));
        assertEquals(List.of(), seen);
    }
}
