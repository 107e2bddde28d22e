package org.domus.communications.internal.notify;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.apache.aries.jpa.template.JpaTemplate;
import org.domus.communications.AnnouncementService;
import org.domus.communications.internal.mail.MailOutbox;
import org.domus.core.audience.Audience;
import org.osgi.service.event.Event;

/**
 * The notification benchmark's way in (bench/ only, never shipped): the notification service and the fan-out built
 * outside OSGi with the package-private factories the module's unit tests use, so that no product class widens its
 * API for a benchmark. It lives in the module's package on the benchmark's class path, which only works outside
 * OSGi.
 */
public final class FanoutBenchAccess {

    private final NotificationServiceImpl service;
    private final Fanout fanout;

    /**
     * The notification centre with the standard settings ({@code notify.batchSize} 500) and a fan-out that turns
     * published announcements into notifications and queued mails.
     */
    public FanoutBenchAccess(
            JpaTemplate jpa, Audience audience, Clock clock, MailOutbox outbox, AnnouncementService announcements) {
        service = NotificationServiceImpl.create(jpa, audience, clock, NotifySettings.standard());
        fanout = new Fanout(service, outbox, List.of(new AnnouncementSource(audience, () -> announcements)));
    }

    public NotificationServiceImpl notifications() {
        return service;
    }

    /** Recipients per fan-out transaction. */
    public int batchSize() {
        return service.settings().batchSize();
    }

    /** What the worker's event handler does: stores the event for the worker. */
    public Optional<Long> accept(Event event) {
        return fanout.accept(event);
    }

    /** One round of the worker: every due event to its end, batch after batch; how many were finished. */
    public int processDue() {
        return fanout.processDue();
    }
}
