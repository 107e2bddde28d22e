package org.domus.communications.internal.announce;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces scheduled announcements when their publish time comes: every {@value #PERIOD_SECONDS} seconds it
 * lets the service claim and post the due ones. Visibility itself does not wait for it (queries compare with
 * now); only the {@code ANNOUNCEMENT_PUBLISHED} event (notifications, e-mail, open pages) does. Every node runs
 * it; the claim in the database makes one of them post each event.
 */
@Component(immediate = true, service = AnnouncementScheduler.class)
public class AnnouncementScheduler {

    static final long PERIOD_SECONDS = 15;

    private static final Logger LOG = LoggerFactory.getLogger(AnnouncementScheduler.class);

    private final AnnouncementServiceImpl announcements;
    private final ScheduledExecutorService executor;

    @Activate
    public AnnouncementScheduler(@Reference AnnouncementServiceImpl announcements) {
        this.announcements = announcements;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "domus-announcements");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::run, 5, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    private void run() {
        try {
            announcements.publishDue();
        } catch (RuntimeException e) {
            // The next round tries again; nothing was claimed by a failed round.
            LOG.warn("publishing due announcements failed", e);
        }
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }
}
