package org.domus.communications.internal.announce;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;
import javax.persistence.TypedQuery;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.domus.communications.Announcement;
import org.domus.communications.AnnouncementDelivery;
import org.domus.communications.AnnouncementInput;
import org.domus.communications.AnnouncementNews;
import org.domus.communications.AnnouncementQuery;
import org.domus.communications.AnnouncementReceipts;
import org.domus.communications.AnnouncementService;
import org.domus.communications.AnnouncementState;
import org.domus.communications.CommunicationsPermissions;
import org.domus.core.DomusException;
import org.domus.core.DomusException.Kind;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.access.RegistryLocation;
import org.domus.core.access.RegistryScope;
import org.domus.core.access.ScopeType;
import org.domus.core.audience.Audience;
import org.domus.core.audience.AudienceTarget;
import org.domus.core.audience.Recipient;
import org.domus.core.audit.AuditTrail;
import org.domus.core.calendar.Zones;
import org.domus.core.registry.Page;
import org.domus.core.registry.RegistryService;
import org.domus.persistence.MigratedSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Announcements over COMM_ANNOUNCEMENT, COMM_ANNOUNCEMENT_TARGET and COMM_ANNOUNCEMENT_READ. */
@Component(service = {AnnouncementService.class, AnnouncementServiceImpl.class})
public class AnnouncementServiceImpl implements AnnouncementService {

    static final String UNIT_TARGET = "(osgi.unit.name=domus.communications)";
    static final String SCHEMA_TARGET = "(" + MigratedSchema.PROPERTY + "=org.domus.communications)";

    /** The module reading the registry on its own behalf (never for access decisions). */
    static final Subject SYSTEM = Subject.system("communications", "Communications");

    /** Most targets of one announcement (a long list of chosen units). */
    static final int MAX_TARGETS = 500;

    private static final String NOT_FOUND = "communications.announcements.not-found";
    private static final String VISIBLE =
            "a.state = 'PUBLISHED' AND a.publishAt <= :now" + " AND (a.expiresAt IS NULL OR a.expiresAt > :now)";

    private final JpaTemplate jpa;
    private final AccessPolicy policy;
    private final Audience audience;
    private final RegistryService registry;
    private final Clock clock;
    private final AnnouncementEventPublisher events = new AnnouncementEventPublisher();

    @Activate
    public AnnouncementServiceImpl(
            @Reference(target = UNIT_TARGET) JpaTemplate jpa,
            @Reference(target = SCHEMA_TARGET) MigratedSchema schema,
            @Reference AccessPolicy policy,
            @Reference Audience audience,
            @Reference RegistryService registry) {
        this(jpa, policy, audience, registry, Clock.systemUTC());
    }

    /** For tests outside OSGi (a factory, so SCR sees one public constructor). */
    static AnnouncementServiceImpl create(
            JpaTemplate jpa, AccessPolicy policy, Audience audience, RegistryService registry, Clock clock) {
        return new AnnouncementServiceImpl(jpa, policy, audience, registry, clock);
    }

    private AnnouncementServiceImpl(
            JpaTemplate jpa, AccessPolicy policy, Audience audience, RegistryService registry, Clock clock) {
        this.jpa = Objects.requireNonNull(jpa);
        this.policy = Objects.requireNonNull(policy);
        this.audience = Objects.requireNonNull(audience);
        this.registry = Objects.requireNonNull(registry);
        this.clock = Objects.requireNonNull(clock);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setEventAdmin(EventAdmin eventAdmin) {
        events.set(eventAdmin);
    }

    void unsetEventAdmin(EventAdmin eventAdmin) {
        events.unset(eventAdmin);
    }

    AnnouncementEventPublisher events() {
        return events;
    }

    private Instant now() {
        return clock.instant();
    }

    /** Today in the organisation's zone: whose tenure is current is a question of its calendar. */
    private LocalDate today(long organisationId) {
        String country = registry.organisation(SYSTEM, organisationId).country();
        return LocalDate.ofInstant(now(), Zones.ofCountry(country, ZoneOffset.UTC));
    }

    // ---- staff: writing ---------------------------------------------------------------------------------

    @Override
    public Announcement create(Subject subject, AnnouncementInput input) {
        policy.require(subject, CommunicationsPermissions.ANNOUNCE);
        Checked in = check(subject, input);
        Announcement created = write(() -> jpa.txExpr(TransactionType.Required, em -> {
            Instant now = now();
            AnnouncementEntity a = new AnnouncementEntity();
            a.organisationId = input.organisationId();
            a.state = AnnouncementEntity.DRAFT;
            a.authorId = subject.accountId() > 0 ? subject.accountId() : null;
            a.authorName = limit(subject.displayName(), 200);
            a.createdAt = now;
            apply(a, in, now);
            em.persist(a);
            em.flush();
            replaceTargets(em, a.id, in.targets());
            AuditTrail.record(
                    em,
                    subject,
                    now,
                    "communications.announcement.create",
                    "communications-announcement",
                    a.id,
                    null,
                    audit(a, in.targets()));
            return view(em, a);
        }));
        return created;
    }

    @Override
    public Announcement update(Subject subject, long id, AnnouncementInput input) {
        policy.require(subject, CommunicationsPermissions.ANNOUNCE);
        return write(() -> jpa.txExpr(TransactionType.Required, em -> {
            AnnouncementEntity a = loadStaff(em, subject, id, true);
            if (a.organisationId != input.organisationId()) {
                throw new DomusException(Kind.INVALID, "communications.announcements.organisation.fixed");
            }
            expectVersion(a, input.version());
            Instant now = now();
            if (!state(a, now).isEditable()) {
                throw new DomusException(Kind.CONFLICT, "communications.announcements.not-editable");
            }
            Checked in = check(subject, input);
            Map<String, Object> before = audit(a, targets(em, a.id));
            apply(a, in, now);
            if (AnnouncementEntity.PUBLISHED.equals(a.state) && (a.publishAt == null || !a.publishAt.isAfter(now))) {
                // A scheduled one moved to a time already past: it is published now, like "publish now".
                throw new DomusException(Kind.INVALID, "communications.announcements.publish-at.past");
            }
            replaceTargets(em, a.id, in.targets());
            AuditTrail.record(
                    em,
                    subject,
                    now,
                    "communications.announcement.update",
                    "communications-announcement",
                    a.id,
                    before,
                    audit(a, in.targets()));
            return view(em, a);
        }));
    }

    @Override
    public Announcement publish(Subject subject, long id, long version) {
        policy.require(subject, CommunicationsPermissions.ANNOUNCE);
        List<Event> posted = new ArrayList<>();
        Announcement done = write(() -> jpa.txExpr(TransactionType.Required, em -> {
            AnnouncementEntity a = loadStaff(em, subject, id, true);
            expectVersion(a, version);
            if (!AnnouncementEntity.DRAFT.equals(a.state)) {
                throw new DomusException(Kind.CONFLICT, "communications.announcements.not-draft");
            }
            Instant now = now();
            List<AudienceTarget> targets = targets(em, a.id).stream()
                    .map(AnnouncementServiceImpl::target)
                    .toList();
            a.state = AnnouncementEntity.PUBLISHED;
            a.updatedAt = now;
            if (a.publishAt == null || !a.publishAt.isAfter(now)) {
                a.publishAt = now;
                if (a.expiresAt != null && !a.expiresAt.isAfter(now)) {
                    throw new DomusException(Kind.INVALID, "communications.announcements.expiry.invalid");
                }
                // Claimed in the publishing transaction: the periodic check never posts it again.
                a.publishedEventAt = now;
                a.audienceCount = audience.countResidents(targets, today(a.organisationId), Set.of());
                posted.add(
                        AnnouncementEventPublisher.published(a.id, a.organisationId, Math.max(0, subject.accountId())));
            }
            Map<String, Object> after = auditOf(a, targets);
            AuditTrail.record(
                    em,
                    subject,
                    now,
                    "communications.announcement.publish",
                    "communications-announcement",
                    a.id,
                    Map.of("state", AnnouncementEntity.DRAFT),
                    after);
            return view(em, a);
        }));
        events.post(posted);
        return done;
    }

    @Override
    public Announcement withdraw(Subject subject, long id, long version) {
        policy.require(subject, CommunicationsPermissions.ANNOUNCE);
        return write(() -> jpa.txExpr(TransactionType.Required, em -> {
            AnnouncementEntity a = loadStaff(em, subject, id, true);
            expectVersion(a, version);
            if (AnnouncementEntity.WITHDRAWN.equals(a.state)) {
                throw new DomusException(Kind.CONFLICT, "communications.announcements.withdrawn");
            }
            Instant now = now();
            String before = state(a, now).name();
            a.state = AnnouncementEntity.WITHDRAWN;
            a.withdrawnAt = now;
            a.updatedAt = now;
            AuditTrail.record(
                    em,
                    subject,
                    now,
                    "communications.announcement.withdraw",
                    "communications-announcement",
                    a.id,
                    Map.of("state", before),
                    Map.of("state", AnnouncementEntity.WITHDRAWN));
            return view(em, a);
        }));
    }

    /**
     * Posts {@code ANNOUNCEMENT_PUBLISHED} for scheduled announcements whose publish time has come. Each is
     * claimed by a conditional UPDATE ({@code PUBLISHED_EVENT_AT IS NULL}), so that with several nodes running
     * this check exactly one posts it.
     *
     * @return how many this call claimed
     */
    int publishDue() {
        Instant now = now();
        List<Object[]> due = jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                        "SELECT a.id, a.organisationId FROM AnnouncementEntity a WHERE " + VISIBLE
                                + " AND a.publishedEventAt IS NULL ORDER BY a.publishAt",
                        Object[].class)
                .setParameter("now", now)
                .setMaxResults(100)
                .getResultList());
        int claimed = 0;
        for (Object[] row : due) {
            long id = ((Number) row[0]).longValue();
            long organisationId = ((Number) row[1]).longValue();
            List<AudienceTarget> targets = jpa.txExpr(TransactionType.Required, em -> targets(em, id)).stream()
                    .map(AnnouncementServiceImpl::target)
                    .toList();
            long reach = audience.countResidents(targets, today(organisationId), Set.of());
            int updated = jpa.txExpr(TransactionType.Required, em -> em.createNativeQuery(
                            "UPDATE COMM_ANNOUNCEMENT SET PUBLISHED_EVENT_AT = ?1,"
                                    + " AUDIENCE_COUNT = ?2, VERSION = VERSION + 1 WHERE ID = ?3"
                                    + " AND PUBLISHED_EVENT_AT IS NULL AND STATE = 'PUBLISHED'")
                    .setParameter(1, Timestamp.valueOf(LocalDateTime.ofInstant(now, ZoneOffset.UTC)))
                    .setParameter(2, reach)
                    .setParameter(3, id)
                    .executeUpdate());
            if (updated == 1) {
                claimed++;
                events.post(List.of(AnnouncementEventPublisher.published(id, organisationId, 0L)));
            }
        }
        return claimed;
    }

    // ---- staff: reading ---------------------------------------------------------------------------------

    @Override
    public Announcement get(Subject subject, long id) {
        return jpa.txExpr(TransactionType.Required, em -> view(em, loadStaff(em, subject, id, false)));
    }

    @Override
    public Page<Announcement> list(Subject subject, AnnouncementQuery query) {
        AnnouncementQuery q = query == null ? AnnouncementQuery.all() : query;
        int offset = Math.max(0, q.offset());
        int limit = Math.min(Math.max(1, q.limit()), MAX_PAGE);
        StaffScope scope = StaffScope.of(policy, policy.registryScope(subject, CommunicationsPermissions.READ));
        if (scope.isEmpty()) {
            if (subject.roles().stream().anyMatch(Role::isStaff)) {
                throw new DomusException(Kind.FORBIDDEN, "error.forbidden", CommunicationsPermissions.READ.name());
            }
            return new Page<>(List.of(), 0, offset, limit);
        }
        StringBuilder where = new StringBuilder(" WHERE 1 = 1").append(scope.where());
        Map<String, Object> params = new HashMap<>();
        if (q.organisationId() != null) {
            where.append(" AND a.organisationId = :org");
            params.put("org", q.organisationId());
        }
        if (!q.states().isEmpty()) {
            List<String> ors = new ArrayList<>();
            for (AnnouncementState s : q.states()) {
                ors.add(
                        switch (s) {
                            case DRAFT -> "a.state = 'DRAFT'";
                            case WITHDRAWN -> "a.state = 'WITHDRAWN'";
                            case SCHEDULED -> "(a.state = 'PUBLISHED' AND a.publishAt > :now)";
                            case PUBLISHED -> "(" + VISIBLE + ")";
                            case EXPIRED -> "(a.state = 'PUBLISHED' AND a.expiresAt <= :now)";
                        });
            }
            where.append(" AND (").append(String.join(" OR ", ors)).append(')');
            if (q.states().stream().anyMatch(s -> s != AnnouncementState.DRAFT && s != AnnouncementState.WITHDRAWN)) {
                params.put("now", now());
            }
        }
        if (q.buildingId() != null) {
            RegistryLocation b =
                    policy.locate(ScopeType.BUILDING, q.buildingId()).orElse(new RegistryLocation(-1, -1L, -1L, null));
            where.append(" AND EXISTS (SELECT bt.id FROM AnnouncementTargetEntity bt WHERE bt.announcementId = a.id"
                    + " AND (bt.buildingId = :building OR (bt.kind = 'ESTATE' AND bt.estateId = :buildingEstate)"
                    + " OR (bt.kind = 'ORGANISATION' AND bt.organisationId = :buildingOrg)))");
            params.put("building", b.buildingId());
            params.put("buildingEstate", b.estateId());
            params.put("buildingOrg", b.organisationId());
        }
        if (q.text() != null && !q.text().isBlank()) {
            where.append(" AND LOWER(a.title) LIKE :text ESCAPE '\\'");
            params.put("text", "%" + like(q.text().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(a) FROM AnnouncementEntity a" + where, Long.class);
            TypedQuery<AnnouncementEntity> select = em.createQuery(
                    "SELECT a FROM AnnouncementEntity a" + where + " ORDER BY a.createdAt DESC, a.id DESC",
                    AnnouncementEntity.class);
            scope.bind(count);
            scope.bind(select);
            params.forEach(count::setParameter);
            params.forEach(select::setParameter);
            long total = count.getSingleResult();
            List<AnnouncementEntity> rows =
                    select.setFirstResult(offset).setMaxResults(limit).getResultList();
            Map<Long, Long> reads = readCounts(em, rows.stream().map(a -> a.id).toList());
            Map<Long, List<AnnouncementTargetEntity>> targets =
                    targets(em, rows.stream().map(a -> a.id).toList());
            List<Announcement> items = rows.stream()
                    .map(a -> view(a, targets.getOrDefault(a.id, List.of()), reads.getOrDefault(a.id, 0L)))
                    .toList();
            return new Page<>(items, total, offset, limit);
        });
    }

    @Override
    public AnnouncementReceipts receipts(Subject subject, long id) {
        return jpa.txExpr(TransactionType.Required, em -> {
            AnnouncementEntity a = loadStaff(em, subject, id, false);
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT ACCOUNT_ID, READ_AT FROM COMM_ANNOUNCEMENT_READ"
                            + " WHERE ANNOUNCEMENT_ID = ?1 ORDER BY READ_AT, ACCOUNT_ID")
                    .setParameter(1, a.id)
                    .getResultList();
            List<AnnouncementReceipts.Reader> readers = new ArrayList<>();
            for (Object[] r : rows) {
                long account = ((Number) r[0]).longValue();
                Instant at = ((Timestamp) r[1]).toLocalDateTime().toInstant(ZoneOffset.UTC);
                String name =
                        audience.account(account).map(Recipient::displayName).orElse("");
                readers.add(new AnnouncementReceipts.Reader(account, name, at));
            }
            return new AnnouncementReceipts(a.id, readers.size(), audienceCount(em, a), readers);
        });
    }

    @Override
    public long reach(Subject subject, long organisationId, Collection<AudienceTarget> targets) {
        policy.require(subject, CommunicationsPermissions.ANNOUNCE);
        List<AudienceTarget> checked = checkTargets(subject, organisationId, targets).stream()
                .map(AnnouncementServiceImpl::target)
                .toList();
        return audience.countResidents(checked, today(organisationId), Set.of());
    }

    @Override
    public String sanitise(String body) {
        return Sanitiser.body(body).html();
    }

    // ---- residents --------------------------------------------------------------------------------------

    /** The places a resident holds a unit in today, at every level. */
    private record Holdings(Set<Long> units, Set<Long> buildings, Set<Long> estates, Set<Long> organisations) {

        boolean isEmpty() {
            return units.isEmpty();
        }
    }

    private Holdings holdings(Subject subject) {
        Set<Long> units = new HashSet<>();
        Set<Long> buildings = new HashSet<>();
        Set<Long> estates = new HashSet<>();
        Set<Long> organisations = new HashSet<>();
        for (long unit : policy.residentScope(subject).unitIds()) {
            policy.locate(null, unit).ifPresent(l -> {
                units.add(unit);
                buildings.add(l.buildingId());
                estates.add(l.estateId());
                organisations.add(l.organisationId());
            });
        }
        return new Holdings(units, buildings, estates, organisations);
    }

    /**
     * Whether the announcement is addressed to a unit the resident holds: directly, or through its building,
     * estate or organisation; a staircase target asks the audience whether one of the resident's units is on it.
     */
    private boolean addressed(Subject subject, Holdings h, long organisationId, List<AnnouncementTargetEntity> ts) {
        List<AudienceTarget> staircases = new ArrayList<>();
        for (AnnouncementTargetEntity t : ts) {
            boolean hit =
                    switch (AudienceTarget.Kind.valueOf(t.kind)) {
                        case ORGANISATION -> h.organisations().contains(t.targetId);
                        case ESTATE -> h.estates().contains(t.targetId);
                        case BUILDING -> h.buildings().contains(t.targetId);
                        case UNIT -> h.units().contains(t.targetId);
                        case STAIRCASE -> {
                            if (h.buildings().contains(t.targetId)) {
                                staircases.add(target(t));
                            }
                            yield false;
                        }
                    };
            if (hit) {
                return true;
            }
        }
        return !staircases.isEmpty() && audience.reaches(subject.accountId(), staircases, today(organisationId));
    }

    @Override
    public List<AnnouncementNews> feed(Subject subject, int limit) {
        int max = Math.min(Math.max(1, limit), MAX_PAGE);
        Holdings h = holdings(subject);
        if (h.isEmpty() || subject.accountId() <= 0) {
            return List.of();
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            List<AnnouncementEntity> candidates = em.createQuery(
                            "SELECT a FROM AnnouncementEntity a WHERE " + VISIBLE
                                    + " AND EXISTS (SELECT t.id FROM AnnouncementTargetEntity t"
                                    + " WHERE t.announcementId = a.id AND ("
                                    + "(t.kind = 'UNIT' AND t.targetId IN :units)"
                                    + " OR (t.kind IN ('BUILDING', 'STAIRCASE') AND t.targetId IN :buildings)"
                                    + " OR (t.kind = 'ESTATE' AND t.targetId IN :estates)"
                                    + " OR (t.kind = 'ORGANISATION' AND t.targetId IN :orgs)))"
                                    + " ORDER BY a.urgent DESC, a.publishAt DESC, a.id DESC",
                            AnnouncementEntity.class)
                    .setParameter("now", now())
                    .setParameter("units", h.units())
                    .setParameter("buildings", h.buildings())
                    .setParameter("estates", h.estates())
                    .setParameter("orgs", h.organisations())
                    .setMaxResults(MAX_PAGE * 2)
                    .getResultList();
            Map<Long, List<AnnouncementTargetEntity>> targets =
                    targets(em, candidates.stream().map(a -> a.id).toList());
            List<AnnouncementEntity> mine = new ArrayList<>();
            for (AnnouncementEntity a : candidates) {
                if (mine.size() >= max) {
                    break;
                }
                if (addressed(subject, h, a.organisationId, targets.getOrDefault(a.id, List.of()))) {
                    mine.add(a);
                }
            }
            Set<Long> read =
                    readBy(em, subject.accountId(), mine.stream().map(a -> a.id).toList());
            return mine.stream().map(a -> news(a, read.contains(a.id))).toList();
        });
    }

    @Override
    public long unread(Subject subject) {
        return feed(subject, MAX_PAGE).stream().filter(n -> !n.read()).count();
    }

    @Override
    public AnnouncementNews open(Subject subject, long id) {
        AnnouncementEntity a = jpa.txExpr(TransactionType.Required, em -> loadResident(em, subject, id));
        recordRead(subject.accountId(), a.id);
        return news(a, true);
    }

    @Override
    public void markRead(Subject subject, long id) {
        AnnouncementEntity a = jpa.txExpr(TransactionType.Required, em -> loadResident(em, subject, id));
        recordRead(subject.accountId(), a.id);
    }

    private AnnouncementEntity loadResident(EntityManager em, Subject subject, long id) {
        AnnouncementEntity a = em.find(AnnouncementEntity.class, id);
        Instant now = now();
        if (a == null || subject.accountId() <= 0 || state(a, now) != AnnouncementState.PUBLISHED) {
            throw new DomusException(Kind.NOT_FOUND, NOT_FOUND);
        }
        Holdings h = holdings(subject);
        if (h.isEmpty() || !addressed(subject, h, a.organisationId, targets(em, a.id))) {
            throw new DomusException(Kind.NOT_FOUND, NOT_FOUND);
        }
        return a;
    }

    /** One row per account and announcement; a second open (or a race of two) changes nothing. */
    private void recordRead(long accountId, long announcementId) {
        try {
            jpa.tx(TransactionType.Required, em -> {
                Number seen = (Number) em.createNativeQuery("SELECT COUNT(*) FROM COMM_ANNOUNCEMENT_READ"
                                + " WHERE ANNOUNCEMENT_ID = ?1 AND ACCOUNT_ID = ?2")
                        .setParameter(1, announcementId)
                        .setParameter(2, accountId)
                        .getSingleResult();
                if (seen.longValue() == 0) {
                    em.createNativeQuery("INSERT INTO COMM_ANNOUNCEMENT_READ (ANNOUNCEMENT_ID, ACCOUNT_ID, READ_AT)"
                                    + " VALUES (?1, ?2, ?3)")
                            .setParameter(1, announcementId)
                            .setParameter(2, accountId)
                            .setParameter(3, Timestamp.valueOf(LocalDateTime.ofInstant(now(), ZoneOffset.UTC)))
                            .executeUpdate();
                }
            });
        } catch (PersistenceException e) {
            // Another request of the same account inserted the row first: it is read, which is all we record.
            boolean recorded = jpa.txExpr(
                    TransactionType.Required,
                    em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM COMM_ANNOUNCEMENT_READ"
                                                    + " WHERE ANNOUNCEMENT_ID = ?1 AND ACCOUNT_ID = ?2")
                                            .setParameter(1, announcementId)
                                            .setParameter(2, accountId)
                                            .getSingleResult())
                                    .longValue()
                            > 0);
            if (!recorded) {
                throw e;
            }
        }
    }

    // ---- delivery ---------------------------------------------------------------------------------------

    @Override
    public Optional<AnnouncementDelivery> forDelivery(long id) {
        return jpa.txExpr(TransactionType.Required, em -> {
            AnnouncementEntity a = em.find(AnnouncementEntity.class, id);
            if (a == null || state(a, now()) != AnnouncementState.PUBLISHED) {
                return Optional.empty();
            }
            List<AudienceTarget> targets = targets(em, a.id).stream()
                    .map(AnnouncementServiceImpl::target)
                    .toList();
            return Optional.of(new AnnouncementDelivery(
                    a.id, a.organisationId, a.title, a.body, a.bodyText, a.urgent, targets, a.publishAt, a.expiresAt));
        });
    }

    // ---- shared -----------------------------------------------------------------------------------------

    static AnnouncementState state(AnnouncementEntity a, Instant now) {
        return switch (a.state) {
            case AnnouncementEntity.DRAFT -> AnnouncementState.DRAFT;
            case AnnouncementEntity.WITHDRAWN -> AnnouncementState.WITHDRAWN;
            default -> {
                if (a.publishAt != null && a.publishAt.isAfter(now)) {
                    yield AnnouncementState.SCHEDULED;
                }
                if (a.expiresAt != null && !a.expiresAt.isAfter(now)) {
                    yield AnnouncementState.EXPIRED;
                }
                yield AnnouncementState.PUBLISHED;
            }
        };
    }

    /** Validated input: title, sanitised body, resolved targets. */
    private record Checked(
            String title,
            Sanitiser.Body body,
            List<AnnouncementTargetEntity> targets,
            Instant publishAt,
            Instant expiresAt,
            boolean urgent) {}

    private Checked check(Subject subject, AnnouncementInput input) {
        if (input == null) {
            throw new DomusException(Kind.INVALID, "communications.announcements.input.required");
        }
        String title = input.title() == null ? "" : input.title().strip();
        if (title.isEmpty() || title.length() > MAX_TITLE || title.chars().anyMatch(Character::isISOControl)) {
            throw new DomusException(Kind.INVALID, "communications.announcements.title.invalid", MAX_TITLE);
        }
        Sanitiser.Body body = Sanitiser.body(input.body());
        Instant start = input.publishAt() == null ? now() : input.publishAt();
        if (input.expiresAt() != null && !input.expiresAt().isAfter(start)) {
            throw new DomusException(Kind.INVALID, "communications.announcements.expiry.invalid");
        }
        List<AnnouncementTargetEntity> targets = checkTargets(subject, input.organisationId(), input.targets());
        return new Checked(title, body, targets, input.publishAt(), input.expiresAt(), input.urgent());
    }

    /**
     * Resolves the targets: each exists, lies in the organisation and inside the subject's
     * {@link CommunicationsPermissions#ANNOUNCE} scope (FORBIDDEN otherwise: a building's manager cannot address
     * the whole organisation or another building).
     */
    private List<AnnouncementTargetEntity> checkTargets(
            Subject subject, long organisationId, Collection<AudienceTarget> targets) {
        if (targets == null || targets.isEmpty()) {
            throw new DomusException(Kind.INVALID, "communications.announcements.targets.required");
        }
        Set<AudienceTarget> distinct = new LinkedHashSet<>(targets);
        if (distinct.size() > MAX_TARGETS) {
            throw new DomusException(Kind.INVALID, "communications.announcements.targets.too-many", MAX_TARGETS);
        }
        RegistryScope scope = policy.registryScope(subject, CommunicationsPermissions.ANNOUNCE);
        List<AnnouncementTargetEntity> resolved = new ArrayList<>();
        for (AudienceTarget t : distinct) {
            if (t == null) {
                throw new DomusException(Kind.INVALID, "communications.announcements.targets.required");
            }
            Optional<RegistryLocation> where =
                    switch (t.kind()) {
                        case ORGANISATION -> policy.locate(ScopeType.ORGANISATION, t.id());
                        case ESTATE -> policy.locate(ScopeType.ESTATE, t.id());
                        case BUILDING, STAIRCASE -> policy.locate(ScopeType.BUILDING, t.id());
                        case UNIT -> policy.locate(null, t.id());
                    };
            if (where.isEmpty() || where.get().organisationId() != organisationId) {
                throw new DomusException(Kind.INVALID, "communications.announcements.target.unknown", t.toString());
            }
            RegistryLocation l = where.get();
            if (t.kind() == AudienceTarget.Kind.STAIRCASE
                    && (t.staircase().length() > 32
                            || !audience.staircases(t.id()).contains(t.staircase()))) {
                throw new DomusException(Kind.INVALID, "communications.announcements.target.unknown", t.toString());
            }
            if (!scope.covers(l)) {
                throw new DomusException(Kind.FORBIDDEN, "error.forbidden", CommunicationsPermissions.ANNOUNCE.name());
            }
            AnnouncementTargetEntity e = new AnnouncementTargetEntity();
            e.kind = t.kind().name();
            e.targetId = t.id();
            e.staircase = t.staircase();
            e.organisationId = l.organisationId();
            e.estateId = l.estateId();
            e.buildingId = l.buildingId();
            resolved.add(e);
        }
        return resolved;
    }

    private static void apply(AnnouncementEntity a, Checked in, Instant now) {
        a.title = in.title();
        a.body = in.body().html();
        a.bodyText = in.body().text();
        a.urgent = in.urgent();
        a.publishAt = in.publishAt();
        a.expiresAt = in.expiresAt();
        a.updatedAt = now;
    }

    private static void replaceTargets(EntityManager em, long announcementId, List<AnnouncementTargetEntity> targets) {
        em.createQuery("DELETE FROM AnnouncementTargetEntity t WHERE t.announcementId = :a")
                .setParameter("a", announcementId)
                .executeUpdate();
        for (AnnouncementTargetEntity t : targets) {
            AnnouncementTargetEntity copy = new AnnouncementTargetEntity();
            copy.announcementId = announcementId;
            copy.kind = t.kind;
            copy.targetId = t.targetId;
            copy.staircase = t.staircase;
            copy.organisationId = t.organisationId;
            copy.estateId = t.estateId;
            copy.buildingId = t.buildingId;
            em.persist(copy);
        }
        em.flush();
    }

    /**
     * The announcement for staff holding READ over it (and ANNOUNCE over every target when {@code write});
     * NOT_FOUND to others, FORBIDDEN to staff outside their scope.
     */
    private AnnouncementEntity loadStaff(EntityManager em, Subject subject, long id, boolean write) {
        AnnouncementEntity a = em.find(AnnouncementEntity.class, id);
        if (a == null) {
            throw new DomusException(Kind.NOT_FOUND, NOT_FOUND);
        }
        List<AnnouncementTargetEntity> targets = targets(em, id);
        StaffScope read = StaffScope.of(policy, policy.registryScope(subject, CommunicationsPermissions.READ));
        boolean staff = subject.roles().stream().anyMatch(Role::isStaff);
        if (!read.sees(targets)) {
            if (staff && !read.isEmpty()) {
                throw new DomusException(Kind.FORBIDDEN, "error.forbidden", CommunicationsPermissions.READ.name());
            }
            throw new DomusException(Kind.NOT_FOUND, NOT_FOUND);
        }
        if (write) {
            RegistryScope scope = policy.registryScope(subject, CommunicationsPermissions.ANNOUNCE);
            for (AnnouncementTargetEntity t : targets) {
                RegistryLocation l = new RegistryLocation(
                        t.organisationId,
                        t.estateId,
                        t.buildingId,
                        AudienceTarget.Kind.UNIT.name().equals(t.kind) ? t.targetId : null);
                if (!scope.covers(l)) {
                    throw new DomusException(
                            Kind.FORBIDDEN, "error.forbidden", CommunicationsPermissions.ANNOUNCE.name());
                }
            }
        }
        return a;
    }

    private static void expectVersion(AnnouncementEntity a, long version) {
        if (a.version != version) {
            throw new DomusException(Kind.CONFLICT, "communications.announcements.changed");
        }
    }

    /** Runs a change; a concurrent change of the same announcement is a CONFLICT. */
    private static <T> T write(java.util.function.Supplier<T> change) {
        try {
            return change.get();
        } catch (PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof OptimisticLockException) {
                    throw new DomusException(Kind.CONFLICT, "communications.announcements.changed");
                }
            }
            throw e;
        }
    }

    private static List<AnnouncementTargetEntity> targets(EntityManager em, long announcementId) {
        return em.createQuery(
                        "SELECT t FROM AnnouncementTargetEntity t WHERE t.announcementId = :a ORDER BY t.id",
                        AnnouncementTargetEntity.class)
                .setParameter("a", announcementId)
                .getResultList();
    }

    private static Map<Long, List<AnnouncementTargetEntity>> targets(EntityManager em, List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em
                .createQuery(
                        "SELECT t FROM AnnouncementTargetEntity t WHERE t.announcementId IN :ids ORDER BY t.id",
                        AnnouncementTargetEntity.class)
                .setParameter("ids", ids)
                .getResultList()
                .stream()
                .collect(Collectors.groupingBy(t -> t.announcementId, LinkedHashMap::new, Collectors.toList()));
    }

    static AudienceTarget target(AnnouncementTargetEntity t) {
        return new AudienceTarget(AudienceTarget.Kind.valueOf(t.kind), t.targetId, t.staircase);
    }

    private static Map<Long, Long> readCounts(EntityManager em, List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT ANNOUNCEMENT_ID, COUNT(*) FROM COMM_ANNOUNCEMENT_READ"
                        + " WHERE ANNOUNCEMENT_ID IN (" + in + ") GROUP BY ANNOUNCEMENT_ID")
                .getResultList();
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] r : rows) {
            counts.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
        }
        return counts;
    }

    private static Set<Long> readBy(EntityManager em, long accountId, List<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT ANNOUNCEMENT_ID FROM COMM_ANNOUNCEMENT_READ"
                        + " WHERE ACCOUNT_ID = ?1 AND ANNOUNCEMENT_ID IN (" + in + ")")
                .setParameter(1, accountId)
                .getResultList();
        return rows.stream().map(r -> ((Number) r).longValue()).collect(Collectors.toSet());
    }

    /** M: stored at publication; for a draft or a scheduled one, who it would reach today. */
    private long audienceCount(AnnouncementEntity a, List<AnnouncementTargetEntity> targets) {
        if (a.audienceCount != null) {
            return a.audienceCount;
        }
        AnnouncementState s = state(a, now());
        if (!s.isEditable()) {
            return 0;
        }
        return audience.countResidents(
                targets.stream().map(AnnouncementServiceImpl::target).toList(), today(a.organisationId), Set.of());
    }

    private long audienceCount(EntityManager em, AnnouncementEntity a) {
        return audienceCount(a, targets(em, a.id));
    }

    private Announcement view(EntityManager em, AnnouncementEntity a) {
        return view(a, targets(em, a.id), readCounts(em, List.of(a.id)).getOrDefault(a.id, 0L));
    }

    private Announcement view(AnnouncementEntity a, List<AnnouncementTargetEntity> targets, long reads) {
        return new Announcement(
                a.id,
                a.organisationId,
                a.title,
                a.body,
                a.bodyText,
                targets.stream().map(AnnouncementServiceImpl::target).toList(),
                a.publishAt,
                a.expiresAt,
                a.urgent,
                state(a, now()),
                a.authorId,
                a.authorName,
                a.createdAt,
                a.updatedAt,
                audienceCount(a, targets),
                reads,
                a.version);
    }

    private static AnnouncementNews news(AnnouncementEntity a, boolean read) {
        return new AnnouncementNews(a.id, a.title, a.body, a.bodyText, a.urgent, a.publishAt, a.expiresAt, read);
    }

    private static Map<String, Object> audit(AnnouncementEntity a, List<AnnouncementTargetEntity> targets) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("organisationId", a.organisationId);
        m.put("title", a.title);
        m.put("state", a.state);
        m.put("urgent", a.urgent);
        m.put("publishAt", a.publishAt == null ? "" : a.publishAt.toString());
        m.put("expiresAt", a.expiresAt == null ? "" : a.expiresAt.toString());
        m.put("targets", targets.stream().map(t -> target(t).toString()).toList());
        return m;
    }

    private static Map<String, Object> auditOf(AnnouncementEntity a, Collection<AudienceTarget> targets) {
        Map<String, Object> m = audit(a, List.<AnnouncementTargetEntity>of());
        m.put("targets", targets.stream().map(AudienceTarget::toString).toList());
        return m;
    }

    private static String limit(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }

    private static String like(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
