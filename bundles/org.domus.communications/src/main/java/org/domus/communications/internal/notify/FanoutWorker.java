package org.domus.communications.internal.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.domus.communications.AnnouncementService;
import org.domus.communications.CommunicationsEvents;
import org.domus.communications.MessageService;
import org.domus.communications.internal.mail.MailOutbox;
import org.domus.core.Subject;
import org.domus.core.audience.Audience;
import org.domus.core.registry.Building;
import org.domus.core.registry.RegistryService;
import org.domus.core.registry.Unit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives the events that notify people (tickets, ledger, announcements, messages) and hands them to the
 * {@link Fanout}: the EventAdmin thread only stores the event, one worker thread makes the notifications and
 * e-mails (see {@link Fanout} for how it stays exactly-once). The worker also looks for due rows every
 * {@value #POLL_SECONDS} seconds (retries, rows left by a restart or stored by another node) and deletes
 * notifications past their retention once a day.
 */
@Component(
        service = EventHandler.class,
        property = {
            EventConstants.EVENT_TOPIC + "=" + TicketSource.STATUS_CHANGED,
            EventConstants.EVENT_TOPIC + "=" + TicketSource.COMMENTED,
            EventConstants.EVENT_TOPIC + "=" + TicketSource.FEEDBACK,
            EventConstants.EVENT_TOPIC + "=" + LedgerSource.BILLING_RUN_POSTED,
            EventConstants.EVENT_TOPIC + "=" + LedgerSource.PAYMENT_DUE,
            EventConstants.EVENT_TOPIC + "=" + LedgerSource.PAYMENT_OVERDUE,
            EventConstants.EVENT_TOPIC + "=" + CommunicationsEvents.MESSAGE_POSTED,
            EventConstants.EVENT_TOPIC + "=" + CommunicationsEvents.ANNOUNCEMENT_PUBLISHED
        })
public class FanoutWorker implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FanoutWorker.class);
    static final int POLL_SECONDS = 30;

    /** The module reading the registry on its own behalf (unit labels), never for access decisions. */
    private static final Subject SYSTEM = Subject.system("communications", "Communications");

    private final NotificationServiceImpl service;
    private final Fanout fanout;
    private final ScheduledExecutorService executor;
    private volatile MessageService messages;
    private volatile AnnouncementService announcements;
    private volatile Instant lastPurge = Instant.EPOCH;

    @Activate
    public FanoutWorker(
            @Reference NotificationServiceImpl service,
            @Reference MailOutbox outbox,
            @Reference Audience audience,
            @Reference RegistryService registry) {
        this.service = service;
        this.fanout = new Fanout(
                service,
                outbox,
                List.of(
                        new TicketSource(audience),
                        new LedgerSource(audience, id -> unitLabel(registry, id)),
                        new MessageSource(audience, () -> messages),
                        new AnnouncementSource(audience, () -> announcements)));
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "domus-notifications");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::drain, 1, POLL_SECONDS, TimeUnit.SECONDS);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setMessageService(MessageService service) {
        messages = service;
    }

    void unsetMessageService(MessageService service) {
        if (messages == service) {
            messages = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setAnnouncementService(AnnouncementService service) {
        announcements = service;
    }

    void unsetAnnouncementService(AnnouncementService service) {
        if (announcements == service) {
            announcements = null;
        }
    }

    static String unitLabel(RegistryService registry, long unitId) {
        Unit unit = registry.unit(SYSTEM, unitId);
        Building b = registry.building(SYSTEM, unit.buildingId());
        return b.street() + " " + b.number() + ", " + unit.number();
    }

    @Override
    public void handleEvent(Event event) {
        try {
            Optional<Long> queued = fanout.accept(event);
            if (queued.isPresent()) {
                executor.execute(this::drain);
            }
        } catch (RuntimeException e) {
            // EventAdmin blacklists handlers that throw; the event is lost for notifications, so say so loudly
            LOG.error("Event {} not queued for notifications: {}", event.getTopic(), e.toString(), e);
        }
    }

    private void drain() {
        try {
            while (fanout.processDue() > 0) {
                // more may have become due while the batch ran
            }
            Instant now = service.now();
            if (Duration.between(lastPurge, now).toHours() >= 24) {
                lastPurge = now;
                int notifications = service.purge();
                int rows = fanout.purge();
                if (notifications + rows > 0) {
                    LOG.info(
                            "Deleted {} notifications and {} handled events past their retention", notifications, rows);
                }
            }
        } catch (RuntimeException e) {
            // never end the periodic task: the next round tries again
            LOG.error("Notification worker round failed: {}", e.toString(), e);
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(30, TimeUnit.SECONDS);
    }
}
