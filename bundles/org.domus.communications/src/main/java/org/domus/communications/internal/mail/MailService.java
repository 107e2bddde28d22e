package org.domus.communications.internal.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.domus.core.Subject;
import org.domus.core.audit.AuditTrail;
import org.domus.persistence.ClusterNode;
import org.domus.persistence.MigratedSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The e-mail outbox and this node's delivery worker, configured by PID {@value MailSettings#PID}. Mails are
 * rendered and stored when queued; the worker delivers them every {@code delivery.intervalSeconds} and shortly
 * after a mail is queued on this node. Every node of a cluster runs a worker; the claims in the database keep them
 * from sending the same mail.
 *
 * <p>With {@code mail.enabled = false} (the default) mails are queued but not delivered until an operator enables
 * SMTP: nothing is lost, the log stays quiet (one line at activation), and mails older than
 * {@code delivery.maxAgeHours} are given up instead of being sent late. A bad value in the configuration is logged
 * once, naming its key, and likewise leaves delivery off while queueing goes on.
 *
 * <p>Deactivation (bundle stop, Karaf shutdown, a configuration change) lets the worker finish the mail it is
 * sending and hands the rest of its batch back to the queue, so a restart sends every mail once.
 */
@Component(
        service = {MailOutbox.class, MailQueue.class},
        immediate = true,
        configurationPid = MailSettings.PID)
public class MailService implements MailOutbox, MailQueue {

    static final String UNIT_TARGET = "(osgi.unit.name=domus.communications)";
    static final String SCHEMA_TARGET = "(" + MigratedSchema.PROPERTY + "=org.domus.communications)";
    /** Where links point when the configuration is unusable. */
    private static final String FALLBACK_URL = "http://localhost:8181";

    private static final Logger LOG = LoggerFactory.getLogger(MailService.class);

    private final JpaTemplate jpa;
    private final Clock clock;
    private final MailSettings settings;
    private final String problem;
    private final MailRenderer renderer;
    private final DeliveryWorker worker;
    private final ScheduledExecutorService executor;
    private final AtomicBoolean wakePending = new AtomicBoolean();

    @Activate
    public MailService(
            @Reference(target = UNIT_TARGET) JpaTemplate jpa,
            @Reference(target = SCHEMA_TARGET) MigratedSchema schema,
            MailSettings.Config config) {
        this(jpa, config, Clock.systemUTC(), ClusterNode.newName(), true);
    }

    /** @param schedule whether to deliver on a schedule (tests call {@link #deliver()} themselves) */
    MailService(JpaTemplate jpa, MailSettings.Config config, Clock clock, String node, boolean schedule) {
        this.jpa = jpa;
        this.clock = clock;
        MailSettings s = null;
        String why = null;
        try {
            s = MailSettings.of(config);
        } catch (IllegalArgumentException e) {
            why = e.getMessage();
            LOG.error(
                    "E-mail delivery is off: {} in etc/{}.cfg; mails are queued and wait for a valid configuration",
                    why,
                    MailSettings.PID);
        }
        this.settings = s;
        this.renderer = new MailRenderer(s == null ? FALLBACK_URL : s.publicUrl());
        if (s != null && !s.enabled()) {
            why = "mail.enabled = false";
        }
        this.problem = why;
        if (s != null && s.enabled()) {
            this.worker = new DeliveryWorker(jpa, s, new SmtpSender(s), clock, node);
            if (schedule) {
                ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(1, r -> {
                    Thread t = new Thread(r, "domus-mail-delivery");
                    t.setDaemon(true);
                    return t;
                });
                ex.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
                ex.scheduleWithFixedDelay(
                        this::deliverQuietly, 1000, s.interval().toMillis(), TimeUnit.MILLISECONDS);
                this.executor = ex;
            } else {
                this.executor = null;
            }
            LOG.info(
                    "E-mail delivery on: {}, every {} s, node {}",
                    s,
                    s.interval().toSeconds(),
                    node);
        } else {
            this.worker = null;
            this.executor = null;
            if (s != null) {
                long waiting = counts().getOrDefault(MailState.QUEUED, 0L);
                LOG.info(
                        "E-mail delivery is off (mail.enabled = false in etc/{}.cfg); {} mails wait in the queue",
                        MailSettings.PID,
                        waiting);
            }
        }
    }

    @Override
    public boolean enqueue(EntityManager em, MailRequest request) {
        if (OutboxStore.exists(em, request.key())) {
            return false;
        }
        RenderedMail mail = renderer.render(request.template(), request.locale(), request.values());
        String messageId =
                "<" + UUID.randomUUID() + ".domus@" + (settings == null ? "localhost" : settings.domain()) + ">";
        boolean queued = OutboxStore.insert(em, request, mail, messageId, clock.instant())
                .isPresent();
        if (queued) {
            // the caller's transaction has not committed yet: look shortly after (the schedule covers a slow one)
            wakeLater(300);
        }
        return queued;
    }

    @Override
    public boolean deliveryEnabled() {
        return worker != null;
    }

    @Override
    public String describeSettings() {
        return worker != null ? settings.toString() : "delivery off: " + problem;
    }

    @Override
    public Map<MailState, Long> counts() {
        return jpa.txExpr(TransactionType.Required, OutboxStore::counts);
    }

    @Override
    public List<QueuedMail> lastErrors(int limit) {
        return jpa.txExpr(TransactionType.Required, em -> OutboxStore.lastErrors(em, limit));
    }

    @Override
    public Optional<QueuedMail> find(long id) {
        return jpa.txExpr(TransactionType.Required, em -> OutboxStore.find(em, id));
    }

    @Override
    public long queueTest(Subject actor, String address, Locale locale) {
        try {
            new InternetAddress(address, true).validate();
        } catch (AddressException e) {
            throw new IllegalArgumentException("not an e-mail address: " + address);
        }
        String key = "test:" + UUID.randomUUID();
        Instant now = clock.instant();
        long id = jpa.txExpr(TransactionType.Required, em -> {
            MailRequest request = new MailRequest(
                    key,
                    0,
                    address,
                    locale,
                    MailTemplates.TEST,
                    Map.of(MailTemplates.NAME, actor.displayName(), MailTemplates.LINK, "/"));
            if (!enqueue(em, request)) {
                throw new IllegalStateException("test mail key taken: " + key);
            }
            long queued = OutboxStore.idOf(em, key);
            AuditTrail.record(
                    em,
                    actor,
                    now,
                    "communications.mail.test",
                    "mail",
                    queued,
                    null,
                    Map.of("address", address, "language", locale.getLanguage()));
            return queued;
        });
        wake();
        return id;
    }

    @Override
    public boolean retry(Subject actor, long id) {
        Instant now = clock.instant();
        boolean requeued = jpa.txExpr(TransactionType.Required, em -> {
            Optional<QueuedMail> before = OutboxStore.find(em, id);
            if (before.isEmpty() || !OutboxStore.requeue(em, id, now)) {
                return false;
            }
            AuditTrail.record(
                    em,
                    actor,
                    now,
                    "communications.mail.retry",
                    "mail",
                    id,
                    Map.of(
                            "state",
                            before.get().state().name(),
                            "attempts",
                            before.get().attempts()),
                    Map.of("state", MailState.QUEUED.name(), "attempts", 0));
            return true;
        });
        if (requeued) {
            wake();
        }
        return requeued;
    }

    @Override
    public void wake() {
        wakeLater(0);
    }

    private void wakeLater(long millis) {
        if (executor == null || executor.isShutdown() || !wakePending.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.schedule(
                    () -> {
                        wakePending.set(false);
                        deliverQuietly();
                    },
                    millis,
                    TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            wakePending.set(false); // shutting down
        }
    }

    /** One delivery run on the calling thread (tests; the schedule calls it on the worker thread). */
    DeliveryWorker.Result deliver() {
        if (worker == null) {
            return new DeliveryWorker.Result(0, 0, 0, 0);
        }
        return worker.run();
    }

    private void deliverQuietly() {
        try {
            deliver();
        } catch (RuntimeException e) {
            // never end the periodic task: the next run tries again
            LOG.error("E-mail delivery run failed: {}", e.toString(), e);
        }
    }

    DeliveryWorker worker() {
        return worker;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (worker == null) {
            return;
        }
        worker.stop();
        // the mail in flight is finished (at most the SMTP timeout for connect and data), the rest released
        Duration wait = settings.timeout().multipliedBy(2).plusSeconds(5);
        if (executor != null) {
            executor.shutdown();
        }
        if (!worker.awaitIdle(wait)) {
            // releasing now could hand a mail in flight to another node: its claim expires instead
            LOG.warn("E-mail delivery did not stop within {} s; its claimed mails wait for their lease", wait);
            if (executor != null) {
                executor.shutdownNow();
            }
            return;
        }
        try {
            worker.release();
        } catch (RuntimeException e) {
            LOG.warn("Claimed mails could not be released ({}); they are sent once their claim expires", e.toString());
        }
    }
}
