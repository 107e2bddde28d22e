package org.domus.communications.web.internal.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.vaadin.flow.shared.Registration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.domus.communications.CommunicationsEvents;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

class NotificationBroadcasterTest {

    private static Event changed(long... accounts) {
        return new Event(
                CommunicationsEvents.NOTIFICATIONS_CHANGED,
                Map.of(
                        CommunicationsEvents.ACCOUNT_IDS, accounts,
                        CommunicationsEvents.ORGANISATION_ID, 0L,
                        CommunicationsEvents.ACTOR_ACCOUNT_ID, 0L));
    }

    @Test
    void onlyTheListenersOfTheAccountsConcernedRefreshAndDetachedOnesNoMore() {
        NotificationBroadcaster broadcaster = new NotificationBroadcaster();
        AtomicInteger jana = new AtomicInteger();
        AtomicInteger piotr = new AtomicInteger();
        Registration janasBell = broadcaster.register(7, jana::incrementAndGet);
        broadcaster.register(8, piotr::incrementAndGet);

        broadcaster.handleEvent(changed(7, 9));
        broadcaster.handleEvent(changed(8));
        broadcaster.handleEvent(changed(7, 8));
        assertEquals(2, jana.get());
        assertEquals(2, piotr.get());

        janasBell.remove();
        broadcaster.handleEvent(changed(7));
        assertEquals(2, jana.get());
        assertEquals(1, broadcaster.listeners());
    }
}
