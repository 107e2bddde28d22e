package org.domus.communications.internal.notify;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.reflect.Array;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.domus.communications.NotificationChannel;
import org.domus.communications.NotificationKind;
import org.domus.communications.internal.mail.MailOutbox;
import org.domus.communications.internal.mail.MailRequest;
import org.domus.core.audience.Recipient;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns events into notifications and queued e-mails, exactly once per recipient.
 *
 * <p>How: the event handler only {@link #accept stores} the event in COMM_FANOUT under its event key (an event
 * delivered twice is stored once) - a short insert in the EventAdmin thread. The worker then
 * {@link #process processes} the row: it resolves the recipients, orders them by account id and handles them in
 * batches of {@code notify.batchSize} accounts, one transaction per batch; each batch writes its notifications,
 * queues its e-mails through {@link MailOutbox#enqueue} and moves the row's DONE_THROUGH to its last account in
 * the same transaction. A crash or a restart therefore resumes after the last committed batch; a batch that is
 * repeated anyway (two nodes, a retried commit) creates nothing twice, because a notification is unique per
 * account and source key (UQ_COMM_NOTIFICATION_SOURCE), a mail per key (the outbox), and the row's version
 * makes the second of two concurrent batch commits fail. A failed row is tried again later with a growing
 * delay, up to {@value #MAX_ATTEMPTS} times.
 */
final class Fanout {

    private static final Logger LOG = LoggerFactory.getLogger(Fanout.class);

    static final int MAX_ATTEMPTS = 12;

    /** The notification centre's settings page, linked from every e-mail. */
    static final String PREFERENCES_ROUTE = "communications/notification-settings";

    private final NotificationServiceImpl service;
    private final MailOutbox outbox;
    private final Map<String, FanoutSource> sources = new HashMap<>();

    Fanout(NotificationServiceImpl service, MailOutbox outbox, Collection<FanoutSource> sources) {
        this.service = service;
        this.outbox = outbox;
        for (FanoutSource s : sources) {
            for (String topic : s.topics()) {
                this.sources.put(topic, s);
            }
        }
    }

    Set<String> topics() {
        return new TreeSet<>(sources.keySet());
    }

    private JpaTemplate jpa() {
        return service.jpa();
    }

    /**
     * Stores the event for the worker, once per event key.
     *
     * @return the queued row's id, or empty when the event notifies nobody or was queued before
     */
    Optional<Long> accept(Event event) {
        FanoutSource source = sources.get(event.getTopic());
        if (source == null) {
            return Optional.empty();
        }
        Map<String, String> props = plain(event);
        Optional<String> key = source.eventKey(event.getTopic(), props);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            return jpa().txExpr(TransactionType.Required, em -> {
                if (!em.createQuery("SELECT f.id FROM FanoutEntity f WHERE f.eventKey = :key", Long.class)
                        .setParameter("key", key.get())
                        .getResultList()
                        .isEmpty()) {
                    return Optional.<Long>empty();
                }
                FanoutEntity f = new FanoutEntity();
                f.eventKey = key.get();
                f.topic = event.getTopic();
                f.payload = write(props);
                f.state = FanoutEntity.PENDING;
                f.createdAt = service.now();
                f.nextAttemptAt = f.createdAt;
                em.persist(f);
                em.flush();
                return Optional.of(f.id);
            });
        } catch (PersistenceException e) {
            // the same event stored at the same moment by another delivery or node (UQ_COMM_FANOUT_EVENT)
            LOG.debug("Event {} already queued: {}", key.get(), e.toString());
            return Optional.empty();
        }
    }

    /** The ids of rows whose (next) attempt is due, oldest first. */
    List<Long> due(int max) {
        return jpa().txExpr(TransactionType.Required, em -> em.createQuery(
                        "SELECT f.id FROM FanoutEntity f WHERE f.state = :state AND f.nextAttemptAt <= :now"
                                + " ORDER BY f.id",
                        Long.class)
                .setParameter("state", FanoutEntity.PENDING)
                .setParameter("now", service.now())
                .setMaxResults(max)
                .getResultList());
    }

    /** Processes every due row; returns how many were finished. */
    int processDue() {
        int done = 0;
        for (long id : due(100)) {
            if (process(id)) {
                done++;
            }
        }
        return done;
    }

    /**
     * Processes one row to its end, or records the failure for a later attempt.
     *
     * @return whether the row is done now
     */
    boolean process(long id) {
        FanoutEntity row = jpa().txExpr(TransactionType.Required, em -> em.find(FanoutEntity.class, id));
        if (row == null || !FanoutEntity.PENDING.equals(row.state)) {
            return false;
        }
        try {
            run(row);
            return true;
        } catch (RuntimeException e) {
            failed(id, e);
            return false;
        }
    }

    private void run(FanoutEntity row) {
        FanoutSource source = sources.get(row.topic);
        if (source == null) {
            throw new IllegalStateException("no source for " + row.topic);
        }
        Map<String, String> props = read(row.payload);
        LocalDate today = LocalDate.now(service.clock());
        // every delivery of an account in the same batch, accounts in id order (DONE_THROUGH is an account id)
        TreeMap<Long, List<Delivery>> byAccount = new TreeMap<>();
        for (Delivery d : source.deliveries(row.topic, props, today)) {
            if (d.recipient().accountId() > row.doneThrough) {
                byAccount
                        .computeIfAbsent(d.recipient().accountId(), a -> new ArrayList<>())
                        .add(d);
            }
        }
        int batchSize = service.settings().batchSize();
        List<Long> accounts = new ArrayList<>(byAccount.keySet());
        long expected = row.doneThrough;
        for (int i = 0; i < accounts.size(); i += batchSize) {
            List<Long> batch = accounts.subList(i, Math.min(accounts.size(), i + batchSize));
            long from = expected;
            long through = batch.get(batch.size() - 1);
            Set<Long> notified = jpa().txExpr(TransactionType.Required, em -> {
                FanoutEntity f = em.find(FanoutEntity.class, row.id);
                if (f == null || !FanoutEntity.PENDING.equals(f.state) || f.doneThrough != from) {
                    throw new IllegalStateException("fan-out " + row.id + " moved on elsewhere");
                }
                Map<Long, Map<NotificationKind, Set<NotificationChannel>>> channels = service.channels(em, batch);
                Set<Long> changed = new LinkedHashSet<>();
                for (long account : batch) {
                    for (Delivery d : byAccount.get(account)) {
                        if (deliver(em, d, channels.get(account))) {
                            changed.add(account);
                        }
                    }
                }
                f.doneThrough = through;
                if (through == accounts.get(accounts.size() - 1)) {
                    f.state = FanoutEntity.DONE;
                    f.finishedAt = service.now();
                }
                return changed;
            });
            expected = through;
            service.changed(notified);
        }
        if (accounts.isEmpty()) {
            jpa().tx(TransactionType.Required, em -> {
                FanoutEntity f = em.find(FanoutEntity.class, row.id);
                if (f != null && FanoutEntity.PENDING.equals(f.state)) {
                    f.state = FanoutEntity.DONE;
                    f.finishedAt = service.now();
                }
            });
        }
    }

    /**
     * One recipient's notification and e-mail, as their channels allow, in the batch's transaction.
     *
     * @return whether a notification was added to the recipient's centre
     */
    boolean deliver(EntityManager em, Delivery d, Map<NotificationKind, Set<NotificationChannel>> channels) {
        Set<NotificationChannel> on = channels.get(d.kind());
        Recipient r = d.recipient();
        boolean inApp = on.contains(NotificationChannel.IN_APP);
        boolean email = on.contains(NotificationChannel.EMAIL) && r.email().isPresent();
        if (!inApp && !email) {
            return false;
        }
        Delivery.Content content = d.content().apply(NotifyCatalog.of(r.locale()));
        boolean added = false;
        if (inApp
                && em.createQuery(
                                "SELECT n.id FROM NotificationEntity n"
                                        + " WHERE n.accountId = :account AND n.sourceKey = :key",
                                Long.class)
                        .setParameter("account", r.accountId())
                        .setParameter("key", d.sourceKey())
                        .getResultList()
                        .isEmpty()) {
            NotificationEntity n = new NotificationEntity();
            n.accountId = r.accountId();
            n.kind = d.kind().name();
            n.title = limit(content.title(), 300);
            n.body = limit(content.text(), 2000);
            n.link = limit(d.link(), 300);
            n.sourceKey = d.sourceKey();
            n.createdAt = service.now();
            em.persist(n);
            added = true;
        }
        if (email) {
            String base = service.settings().publicUrl();
            Map<String, String> values = new HashMap<>(content.values());
            values.put("name", r.displayName());
            values.put("link", d.link() == null ? base + "/" : base + "/" + d.link());
            values.put("preferencesLink", base + "/" + PREFERENCES_ROUTE);
            outbox.enqueue(
                    em,
                    new MailRequest(
                            "notify:" + d.sourceKey() + ":" + r.accountId(),
                            r.accountId(),
                            r.email().get(),
                            NotifyCatalog.of(r.locale()).locale(),
                            content.template(),
                            values));
        }
        return added;
    }

    private void failed(long id, RuntimeException e) {
        LOG.warn("Notifications for event {} not (all) made yet: {}", id, e.toString());
        try {
            jpa().tx(TransactionType.Required, em -> {
                FanoutEntity f = em.find(FanoutEntity.class, id);
                if (f == null || !FanoutEntity.PENDING.equals(f.state)) {
                    return;
                }
                f.attempts++;
                f.lastError = limit(e.toString(), 1000);
                if (f.attempts >= MAX_ATTEMPTS) {
                    f.state = FanoutEntity.FAILED;
                    f.finishedAt = service.now();
                    LOG.error("Notifications for event {} ({}) given up after {} attempts", id, f.eventKey, f.attempts);
                } else {
                    // 1, 2, 4 ... minutes, at most an hour
                    long minutes = Math.min(60, 1L << Math.min(6, f.attempts - 1));
                    f.nextAttemptAt = service.now().plus(Duration.ofMinutes(minutes));
                }
            });
        } catch (RuntimeException again) {
            LOG.warn("Fan-out {}: failure not recorded: {}", id, again.toString());
        }
    }

    /** Deletes finished rows older than the notifications' retention; returns how many. */
    int purge() {
        Instant before = service.now().minus(Duration.ofDays(service.settings().retentionDays()));
        return jpa().txExpr(TransactionType.Required, em -> em.createQuery(
                        "DELETE FROM FanoutEntity f WHERE f.state <> :pending AND f.createdAt < :before")
                .setParameter("pending", FanoutEntity.PENDING)
                .setParameter("before", before)
                .executeUpdate());
    }

    // ---- event properties as plain strings -------------------------------------------------------------

    /** The event's properties as strings: numbers as decimals, arrays comma-separated. */
    static Map<String, String> plain(Event event) {
        Map<String, String> map = new TreeMap<>();
        for (String name : event.getPropertyNames()) {
            if (EventConstants.EVENT_TOPIC.equals(name)) {
                continue;
            }
            Object value = event.getProperty(name);
            if (value == null) {
                continue;
            }
            if (value.getClass().isArray()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < Array.getLength(value); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    sb.append(Array.get(value, i));
                }
                map.put(name, sb.toString());
            } else if (value instanceof Collection<?> c) {
                map.put(name, String.join(",", c.stream().map(String::valueOf).toList()));
            } else {
                map.put(name, value.toString());
            }
        }
        return map;
    }

    static String write(Map<String, String> props) {
        Properties p = new Properties();
        p.putAll(props);
        StringWriter w = new StringWriter();
        try {
            p.store(w, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    static Map<String, String> read(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> map = new TreeMap<>();
        p.forEach((k, v) -> map.put(k.toString(), v.toString()));
        return map;
    }

    private static String limit(String s, int max) {
        if (s == null) {
            return null;
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
