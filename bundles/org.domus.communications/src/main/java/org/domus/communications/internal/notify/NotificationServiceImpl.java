package org.domus.communications.internal.notify;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.domus.communications.CommunicationsEvents;
import org.domus.communications.Notification;
import org.domus.communications.NotificationChannel;
import org.domus.communications.NotificationKind;
import org.domus.communications.NotificationPreferences;
import org.domus.communications.NotificationService;
import org.domus.core.DomusException;
import org.domus.core.DomusException.Kind;
import org.domus.core.Subject;
import org.domus.core.audience.Audience;
import org.domus.core.audience.Recipient;
import org.domus.core.audit.AuditTrail;
import org.domus.core.registry.Page;
import org.domus.persistence.MigratedSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * The notification centre over COMM_NOTIFICATION and the preferences over COMM_PREFERENCE. Also the one place
 * that decides, per recipient, what a notification becomes ({@link #deliver}): used by the fan-out inside its
 * batch transactions.
 */
@Component(
        service = {NotificationService.class, NotificationServiceImpl.class},
        configurationPid = NotifySettings.PID)
public class NotificationServiceImpl implements NotificationService {

    static final String UNIT_TARGET = "(osgi.unit.name=domus.communications)";
    static final String SCHEMA_TARGET = "(" + MigratedSchema.PROPERTY + "=org.domus.communications)";

    private static final int MAX_LIMIT = 200;

    private final JpaTemplate jpa;
    private final Audience audience;
    private final Clock clock;
    private volatile NotifySettings settings;
    private volatile EventAdmin eventAdmin;

    @Activate
    public NotificationServiceImpl(
            @Reference(target = UNIT_TARGET) JpaTemplate jpa,
            @Reference(target = SCHEMA_TARGET) MigratedSchema schema,
            @Reference Audience audience,
            NotifySettings.Config config) {
        this(jpa, audience, Clock.systemDefaultZone(), NotifySettings.of(config));
    }

    /** For tests outside OSGi (a factory, so SCR sees one public constructor). */
    static NotificationServiceImpl create(JpaTemplate jpa, Audience audience, Clock clock, NotifySettings settings) {
        return new NotificationServiceImpl(jpa, audience, clock, settings);
    }

    private NotificationServiceImpl(JpaTemplate jpa, Audience audience, Clock clock, NotifySettings settings) {
        this.jpa = Objects.requireNonNull(jpa);
        this.audience = Objects.requireNonNull(audience);
        this.clock = Objects.requireNonNull(clock);
        this.settings = Objects.requireNonNull(settings);
    }

    @Modified
    void modified(NotifySettings.Config config) {
        settings = NotifySettings.of(config);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setEventAdmin(EventAdmin admin) {
        eventAdmin = admin;
    }

    void unsetEventAdmin(EventAdmin admin) {
        if (eventAdmin == admin) {
            eventAdmin = null;
        }
    }

    JpaTemplate jpa() {
        return jpa;
    }

    Audience audience() {
        return audience;
    }

    NotifySettings settings() {
        return settings;
    }

    void settings(NotifySettings newSettings) {
        settings = Objects.requireNonNull(newSettings);
    }

    Instant now() {
        return clock.instant();
    }

    Clock clock() {
        return clock;
    }

    // ---- the centre ---------------------------------------------------------------------------------

    @Override
    public Page<Notification> list(Subject subject, boolean unreadOnly, NotificationKind kind, int offset, int limit) {
        long account = subject.accountId();
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new DomusException(Kind.INVALID, "communications.notify.page-invalid", MAX_LIMIT);
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            long unread = count(em, account, kind, true);
            long total = unreadOnly ? unread : count(em, account, kind, null);
            List<Notification> items = new ArrayList<>();
            // unread first (newest first), then the read ones (newest first): two portable queries instead of
            // relying on where a database sorts NULLs
            if (offset < unread) {
                items.addAll(slice(em, account, kind, true, offset, limit));
            }
            int remaining = limit - items.size();
            if (!unreadOnly && remaining > 0) {
                int readOffset = (int) Math.max(0, offset - unread);
                items.addAll(slice(em, account, kind, false, readOffset, remaining));
            }
            return new Page<>(items, total, offset, limit);
        });
    }

    private static long count(EntityManager em, long account, NotificationKind kind, Boolean unread) {
        String jpql = "SELECT COUNT(n) FROM NotificationEntity n WHERE n.accountId = :account"
                + (kind == null ? "" : " AND n.kind = :kind")
                + (unread == null ? "" : unread ? " AND n.readAt IS NULL" : " AND n.readAt IS NOT NULL");
        TypedQuery<Long> q = em.createQuery(jpql, Long.class).setParameter("account", account);
        if (kind != null) {
            q.setParameter("kind", kind.name());
        }
        return q.getSingleResult();
    }

    private static List<Notification> slice(
            EntityManager em, long account, NotificationKind kind, boolean unread, int offset, int limit) {
        String jpql = "SELECT n FROM NotificationEntity n WHERE n.accountId = :account"
                + (kind == null ? "" : " AND n.kind = :kind")
                + (unread ? " AND n.readAt IS NULL" : " AND n.readAt IS NOT NULL")
                + " ORDER BY n.createdAt DESC, n.id DESC";
        TypedQuery<NotificationEntity> q =
                em.createQuery(jpql, NotificationEntity.class).setParameter("account", account);
        if (kind != null) {
            q.setParameter("kind", kind.name());
        }
        return q.setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                .map(NotificationEntity::toApi)
                .toList();
    }

    @Override
    public long unreadCount(Subject subject) {
        return jpa.txExpr(TransactionType.Required, em -> count(em, subject.accountId(), null, true));
    }

    @Override
    public Notification markRead(Subject subject, long notificationId) {
        boolean[] changed = {false};
        Notification n = jpa.txExpr(TransactionType.Required, em -> {
            NotificationEntity e = em.find(NotificationEntity.class, notificationId);
            if (e == null || e.accountId != subject.accountId()) {
                throw new DomusException(Kind.NOT_FOUND, "communications.notify.not-found", notificationId);
            }
            if (e.readAt == null) {
                e.readAt = now();
                changed[0] = true;
            }
            return e.toApi();
        });
        if (changed[0]) {
            changed(List.of(subject.accountId()));
        }
        return n;
    }

    @Override
    public int markAllRead(Subject subject) {
        int count = jpa.txExpr(
                TransactionType.Required, em -> em.createQuery("UPDATE NotificationEntity n SET n.readAt = :now"
                                + " WHERE n.accountId = :account AND n.readAt IS NULL")
                        .setParameter("now", now())
                        .setParameter("account", subject.accountId())
                        .executeUpdate());
        if (count > 0) {
            changed(List.of(subject.accountId()));
        }
        return count;
    }

    /** Deletes notifications older than the retention period; returns how many. */
    int purge() {
        Instant before = now().minus(settings.retentionDays(), ChronoUnit.DAYS);
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                        "DELETE FROM NotificationEntity n WHERE n.createdAt < :before")
                .setParameter("before", before)
                .executeUpdate());
    }

    /** Tells open views (the bells) that these accounts' centres changed; after the change committed. */
    void changed(Collection<Long> accountIds) {
        EventAdmin admin = eventAdmin;
        if (admin == null || accountIds.isEmpty()) {
            return;
        }
        Map<String, Object> props = new HashMap<>();
        props.put(CommunicationsEvents.ORGANISATION_ID, 0L);
        props.put(CommunicationsEvents.ACTOR_ACCOUNT_ID, 0L);
        props.put(
                CommunicationsEvents.ACCOUNT_IDS,
                accountIds.stream().mapToLong(Long::longValue).toArray());
        admin.postEvent(new Event(CommunicationsEvents.NOTIFICATIONS_CHANGED, props));
    }

    // ---- preferences --------------------------------------------------------------------------------

    @Override
    public NotificationPreferences preferences(Subject subject) {
        Map<NotificationKind, Set<NotificationChannel>> channels =
                jpa.txExpr(TransactionType.Required, em -> channels(em, List.of(subject.accountId()))
                        .get(subject.accountId()));
        return new NotificationPreferences(channels, email(subject.accountId()));
    }

    private Optional<String> email(long accountId) {
        return accountId <= 0 ? Optional.empty() : audience.account(accountId).flatMap(Recipient::email);
    }

    @Override
    public NotificationPreferences savePreferences(
            Subject subject, Map<NotificationKind, Set<NotificationChannel>> channels) {
        long account = subject.accountId();
        if (account <= 0) {
            throw new DomusException(Kind.INVALID, "communications.notify.no-account");
        }
        Objects.requireNonNull(channels, "channels");
        Map<NotificationKind, Set<NotificationChannel>> saved = jpa.txExpr(TransactionType.Required, em -> {
            Map<NotificationKind, Set<NotificationChannel>> before =
                    channels(em, List.of(account)).get(account);
            Map<NotificationKind, Set<NotificationChannel>> after = new EnumMap<>(before);
            for (Map.Entry<NotificationKind, Set<NotificationChannel>> e : channels.entrySet()) {
                if (e.getKey() == null) {
                    throw new DomusException(Kind.INVALID, "communications.notify.kind-invalid");
                }
                Set<NotificationChannel> on = EnumSet.noneOf(NotificationChannel.class);
                if (e.getValue() != null) {
                    for (NotificationChannel c : e.getValue()) {
                        if (c == null) {
                            throw new DomusException(Kind.INVALID, "communications.notify.channel-invalid");
                        }
                        on.add(c);
                    }
                }
                after.put(e.getKey(), on);
            }
            Map<String, PreferenceEntity> rows = new HashMap<>();
            for (PreferenceEntity p : em.createQuery(
                            "SELECT p FROM PreferenceEntity p WHERE p.accountId = :account", PreferenceEntity.class)
                    .setParameter("account", account)
                    .getResultList()) {
                rows.put(p.kind + ":" + p.channel, p);
            }
            for (NotificationKind kind : NotificationKind.values()) {
                for (NotificationChannel channel : NotificationChannel.values()) {
                    boolean on = after.get(kind).contains(channel);
                    PreferenceEntity row = rows.get(kind.name() + ":" + channel.name());
                    if (row == null) {
                        // an explicit row for every cell: a later change of the defaults never flips a choice
                        row = new PreferenceEntity();
                        row.accountId = account;
                        row.kind = kind.name();
                        row.channel = channel.name();
                        row.enabled = on;
                        em.persist(row);
                    } else if (row.enabled != on) {
                        row.enabled = on;
                    }
                }
            }
            if (!before.equals(after)) {
                AuditTrail.record(
                        em,
                        subject,
                        now(),
                        "communications.preferences.change",
                        "account",
                        account,
                        flat(before),
                        flat(after));
            }
            return after;
        });
        return new NotificationPreferences(saved, email(account));
    }

    private static Map<String, Object> flat(Map<NotificationKind, Set<NotificationChannel>> channels) {
        Map<String, Object> map = new TreeMap<>();
        channels.forEach(
                (k, v) -> map.put(k.name(), v.stream().map(Enum::name).sorted().toList()));
        return map;
    }

    /** Each account's channels per kind: their own rows over the defaults. */
    Map<Long, Map<NotificationKind, Set<NotificationChannel>>> channels(EntityManager em, Collection<Long> accounts) {
        NotifySettings s = settings;
        Map<Long, Map<NotificationKind, Set<NotificationChannel>>> result = new LinkedHashMap<>();
        for (Long account : accounts) {
            Map<NotificationKind, Set<NotificationChannel>> map = new EnumMap<>(NotificationKind.class);
            s.defaults().forEach((k, v) -> {
                Set<NotificationChannel> set = EnumSet.noneOf(NotificationChannel.class);
                set.addAll(v);
                map.put(k, set);
            });
            result.put(account, map);
        }
        if (accounts.isEmpty()) {
            return result;
        }
        List<Long> ids = List.copyOf(accounts);
        // IN lists stay well below every database's limit
        for (int i = 0; i < ids.size(); i += 500) {
            List<PreferenceEntity> rows = em.createQuery(
                            "SELECT p FROM PreferenceEntity p WHERE p.accountId IN :accounts", PreferenceEntity.class)
                    .setParameter("accounts", ids.subList(i, Math.min(ids.size(), i + 500)))
                    .getResultList();
            for (PreferenceEntity p : rows) {
                NotificationKind kind;
                NotificationChannel channel;
                try {
                    kind = NotificationKind.valueOf(p.kind);
                    channel = NotificationChannel.valueOf(p.channel);
                } catch (IllegalArgumentException e) {
                    continue; // a kind a later version dropped
                }
                Set<NotificationChannel> set = result.get(p.accountId).get(kind);
                if (p.enabled) {
                    set.add(channel);
                } else {
                    set.remove(channel);
                }
            }
        }
        return result;
    }
}
