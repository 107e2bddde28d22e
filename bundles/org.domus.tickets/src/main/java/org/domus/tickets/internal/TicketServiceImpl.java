package org.domus.tickets.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.domus.core.DomusException;
import org.domus.core.DomusException.Kind;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.access.RegistryLocation;
import org.domus.core.access.RegistryScope;
import org.domus.core.access.RoleGrant;
import org.domus.core.access.ScopeType;
import org.domus.core.audit.AuditTrail;
import org.domus.core.calendar.WorkingCalendar;
import org.domus.core.export.Table;
import org.domus.core.registry.Building;
import org.domus.core.registry.FieldError;
import org.domus.core.registry.InvalidFieldsException;
import org.domus.core.registry.Page;
import org.domus.core.registry.RegistryService;
import org.domus.persistence.MigratedSchema;
import org.domus.tickets.BulkResult;
import org.domus.tickets.ContactPreference;
import org.domus.tickets.DeadlineRule;
import org.domus.tickets.NewTicket;
import org.domus.tickets.StatisticsCount;
import org.domus.tickets.Ticket;
import org.domus.tickets.TicketActor;
import org.domus.tickets.TicketArea;
import org.domus.tickets.TicketEvents;
import org.domus.tickets.TicketHistory;
import org.domus.tickets.TicketPriority;
import org.domus.tickets.TicketQuery;
import org.domus.tickets.TicketService;
import org.domus.tickets.TicketSource;
import org.domus.tickets.TicketStatistics;
import org.domus.tickets.TicketStatus;
import org.domus.tickets.TicketTransition;
import org.domus.tickets.TicketsPermissions;
import org.domus.tickets.TimelineEntry;
import org.domus.tickets.TimelineKind;
import org.domus.tickets.TransitionRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;

/** Tickets, their workflow and timeline over TICKETS_TICKET and TICKETS_TIMELINE. */
@Component(
        service = {TicketService.class, TicketHistory.class, TicketServiceImpl.class},
        configurationPid = TicketsSettings.PID)
@Designate(ocd = TicketsSettings.Config.class)
public class TicketServiceImpl implements TicketService, TicketHistory {

    static final String UNIT_TARGET = "(osgi.unit.name=domus.tickets)";
    static final String SCHEMA_TARGET = "(" + MigratedSchema.PROPERTY + "=org.domus.tickets)";

    /** The module reading the registry on its own behalf (never for access decisions). */
    static final Subject SYSTEM = Subject.system("tickets", "Tickets");

    private final JpaTemplate jpa;
    private final AccessPolicy policy;
    private final RegistryService registry;
    private final Clock clock;
    /** Recorded history's publisher is never bound to EventAdmin: history posts no events. */
    private final TicketEventPublisher events = new TicketEventPublisher();
    /** Whether this instance records history at its clock's fixed instant (see {@link TicketHistory}). */
    private final boolean history;

    private volatile TicketsSettings settings;

    @Activate
    public TicketServiceImpl(
            @Reference(target = UNIT_TARGET) JpaTemplate jpa,
            @Reference(target = SCHEMA_TARGET) MigratedSchema schema,
            @Reference AccessPolicy policy,
            @Reference RegistryService registry,
            TicketsSettings.Config config) {
        this(jpa, policy, registry, Clock.systemUTC(), TicketsSettings.of(config), false);
    }

    /** For tests outside OSGi (a factory, so SCR sees one public constructor). */
    static TicketServiceImpl create(
            JpaTemplate jpa, AccessPolicy policy, RegistryService registry, Clock clock, TicketsSettings settings) {
        return new TicketServiceImpl(jpa, policy, registry, clock, settings, false);
    }

    private TicketServiceImpl(
            JpaTemplate jpa,
            AccessPolicy policy,
            RegistryService registry,
            Clock clock,
            TicketsSettings settings,
            boolean history) {
        this.jpa = Objects.requireNonNull(jpa);
        this.policy = Objects.requireNonNull(policy);
        this.registry = Objects.requireNonNull(registry);
        this.clock = Objects.requireNonNull(clock);
        this.settings = Objects.requireNonNull(settings);
        this.history = history;
    }

    @Override
    public TicketService at(Subject system, Instant at) {
        if (system == null || system.accountId() != 0 || !system.grants().contains(RoleGrant.everywhere(Role.ADMIN))) {
            throw new DomusException(Kind.FORBIDDEN, "error.forbidden", "tickets.history");
        }
        Objects.requireNonNull(at, "at");
        if (at.isAfter(now())) {
            throw new DomusException(Kind.INVALID, "tickets.history.future", at.toString());
        }
        return new TicketServiceImpl(jpa, policy, registry, Clock.fixed(at, ZoneOffset.UTC), settings, true);
    }

    /**
     * Recorded history never goes backwards within a ticket (a live change is stamped now, whatever a clock
     * step did). Called by every change before it writes.
     */
    private void notBeforeLastChange(TicketEntity t) {
        if (history && t.updatedAt != null && now().isBefore(t.updatedAt)) {
            throw new DomusException(Kind.INVALID, "tickets.history.backwards", t.updatedAt.toString());
        }
    }

    @Modified
    void modified(TicketsSettings.Config config) {
        settings = TicketsSettings.of(config);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setEventAdmin(EventAdmin eventAdmin) {
        events.set(eventAdmin);
    }

    void unsetEventAdmin(EventAdmin eventAdmin) {
        events.unset(eventAdmin);
    }

    // ---- shared with the other services of the bundle ------------------------------------------------

    JpaTemplate jpa() {
        return jpa;
    }

    AccessPolicy policy() {
        return policy;
    }

    RegistryService registry() {
        return registry;
    }

    Instant now() {
        return clock.instant();
    }

    Clock clock() {
        return clock;
    }

    TicketsSettings settings() {
        return settings;
    }

    void settings(TicketsSettings newSettings) {
        settings = Objects.requireNonNull(newSettings);
    }

    TicketEventPublisher events() {
        return events;
    }

    /**
     * Working day by the country's calendar ({@link WorkingCalendar}: weekends and public holidays) and the
     * configured extra holidays.
     */
    boolean isWorkingDay(String country, java.time.LocalDate day) {
        return WorkingCalendar.forCountry(country)
                .withExtraHolidays(settings.holidays())
                .isWorkingDay(day);
    }

    /** What the subject may see; reads the subject's worker records in the caller's transaction. */
    Visibility visibility(EntityManager em, Subject s) {
        RegistryScope staff = policy.registryScope(s, TicketsPermissions.READ);
        RegistryScope manage = policy.registryScope(s, TicketsPermissions.MANAGE);
        Set<Long> companies = Set.of();
        Set<Long> workers = Set.of();
        List<Visibility.Worker> queue = List.of();
        if (s.accountId() > 0
                && (s.hasRole(Role.CONTRACTOR) || s.hasRole(Role.TECHNICIAN))
                && policy.isGranted(s, TicketsPermissions.WORK)) {
            List<WorkerEntity> mine = em.createQuery(
                            "SELECT w FROM WorkerEntity w WHERE w.accountId = :a AND w.active = :yes",
                            WorkerEntity.class)
                    .setParameter("a", s.accountId())
                    .setParameter("yes", true)
                    .getResultList();
            companies = mine.stream().map(w -> w.companyId).collect(Collectors.toSet());
            workers = mine.stream().map(w -> w.id).collect(Collectors.toSet());
            queue = mine.stream()
                    .map(w -> new Visibility.Worker(w.companyId, w.id, Groups.parse(w.groups)))
                    .toList();
        }
        Set<Long> units = policy.residentScope(s).unitIds();
        Set<Long> buildings = settings.residentsSeeBuildingTickets() ? buildingsOf(units) : Set.of();
        return new Visibility(
                staff, manage, companies, workers, s.accountId() > 0 ? s.accountId() : -1, units, buildings, queue);
    }

    private Set<Long> buildingsOf(Set<Long> units) {
        return units.stream()
                .map(u -> policy.locate(null, u))
                .flatMap(Optional::stream)
                .map(RegistryLocation::buildingId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }

    /** The ticket and how the subject sees it; NOT_FOUND (or FORBIDDEN to staff outside scope) otherwise. */
    Seen load(EntityManager em, Subject s, long ticketId, boolean lock) {
        TicketEntity t = em.find(TicketEntity.class, ticketId);
        if (t == null) {
            throw new DomusException(Kind.NOT_FOUND, "tickets.ticket.not-found");
        }
        Visibility v = visibility(em, s);
        Visibility.View view = v.sees(t);
        if (view == Visibility.View.NONE) {
            if (v.isStaff() && s.roles().stream().anyMatch(Role::isStaff)) {
                throw new DomusException(Kind.FORBIDDEN, "error.forbidden", TicketsPermissions.READ.name());
            }
            throw new DomusException(Kind.NOT_FOUND, "tickets.ticket.not-found");
        }
        if (lock) {
            em.lock(t, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        }
        return new Seen(t, view, v.actors(t), v);
    }

    /** A ticket as one subject sees it. */
    record Seen(TicketEntity ticket, Visibility.View view, Set<TicketActor> actors, Visibility visibility) {
        boolean full() {
            return view == Visibility.View.FULL;
        }

        /** A neighbour reading a building-wide ticket learns nothing of who filed it, entries and files included. */
        boolean hidesAuthor(Long authorId) {
            return view == Visibility.View.NEIGHBOUR && authorId != null && authorId.equals(ticket.requesterId);
        }
    }

    Ticket view(EntityManager em, TicketEntity t, Visibility.View view) {
        CategoryEntity c = em.find(CategoryEntity.class, t.categoryId);
        CompanyEntity company = t.companyId == null ? null : em.find(CompanyEntity.class, t.companyId);
        WorkerEntity worker = t.workerId == null ? null : em.find(WorkerEntity.class, t.workerId);
        boolean hide = view == Visibility.View.NEIGHBOUR;
        Instant now = now();
        TicketStatus status = TicketStatus.valueOf(t.status);
        boolean responseOverdue = t.respondedAt == null && !status.isFinal() && now.isAfter(t.responseDue);
        boolean resolutionOverdue = status.isOpen() && now.isAfter(t.resolutionDue);
        return new Ticket(
                t.id,
                t.reference,
                t.organisationId,
                t.estateId,
                t.buildingId,
                t.unitId,
                t.address,
                t.street,
                TicketArea.valueOf(t.area),
                t.categoryId,
                c == null ? null : c.name,
                c == null ? null : c.tradeGroup,
                TicketPriority.valueOf(t.priority),
                t.title,
                t.description,
                status,
                TicketSource.valueOf(t.source),
                hide ? null : t.requesterId,
                hide ? null : t.requesterName,
                hide ? null : t.contactEmail,
                hide ? null : t.contactPhone,
                ContactPreference.valueOf(t.contactPreference),
                hide ? null : t.latitude,
                hide ? null : t.longitude,
                t.visitFrom,
                t.visitTo,
                t.companyId,
                company == null ? null : company.name,
                t.workerId,
                worker == null ? null : worker.name,
                t.assignedAt,
                t.assignmentAcceptedAt,
                t.responseDue,
                t.resolutionDue,
                t.respondedAt,
                t.resolvedAt,
                t.confirmedAt,
                t.createdAt,
                t.updatedAt,
                responseOverdue,
                resolutionOverdue,
                t.doneOnTime,
                t.minutesSpent,
                t.rating,
                t.ratingComment,
                t.version);
    }

    TimelineEntity timeline(
            EntityManager em,
            TicketEntity t,
            Subject author,
            TimelineKind kind,
            String text,
            boolean internal,
            Long attachmentId,
            Integer minutes) {
        TimelineEntity e = new TimelineEntity();
        e.ticketId = t.id;
        e.at = now();
        e.authorId = author == null || author.accountId() <= 0 ? null : author.accountId();
        e.authorName = author == null ? "anonymous" : Texts.limit(author.displayName(), 200);
        e.kind = kind.name();
        e.status = t.status;
        e.text = text;
        e.internal = internal;
        e.attachmentId = attachmentId;
        e.minutes = minutes;
        em.persist(e);
        // Ids in the order of the entries: the timeline is read back ordered by id.
        em.flush();
        t.updatedAt = e.at;
        return e;
    }

    // ---- submission ---------------------------------------------------------------------------------

    @Override
    public Ticket submit(Subject subject, NewTicket in) {
        if (in == null || in.area() == null) {
            throw new DomusException(Kind.INVALID, "tickets.area.required");
        }
        String description = Texts.required(in.description(), 4000, "tickets.description.invalid");
        String title = in.title() == null || in.title().isBlank()
                ? Texts.titleOf(description)
                : Texts.required(in.title(), 200, "tickets.title.invalid");
        RegistryLocation location = where(in);
        Set<Long> myUnits = policy.residentScope(subject).unitIds();
        boolean resident = in.area() == TicketArea.UNIT
                ? myUnits.contains(location.unitId())
                : buildingsOf(myUnits).contains(location.buildingId());
        boolean staff = policy.registryScope(subject, TicketsPermissions.MANAGE).covers(location);
        if (!resident && !staff) {
            if (subject.roles().stream().anyMatch(Role::isStaff)
                    && !policy.registryScope(subject, TicketsPermissions.READ).isEmpty()) {
                throw new DomusException(Kind.FORBIDDEN, "error.forbidden", TicketsPermissions.MANAGE.name());
            }
            throw new DomusException(
                    Kind.NOT_FOUND,
                    in.area() == TicketArea.UNIT ? "tickets.unit.not-found" : "tickets.building.not-found");
        }
        Building building = registry.building(SYSTEM, location.buildingId());
        Pins.check(in.latitude(), in.longitude(), building, settings.pinRadiusMetres());
        String country =
                registry.organisation(SYSTEM, location.organisationId()).country();
        ZoneId zone = Deadlines.zoneOf(country);
        checkVisit(in.visitFrom(), in.visitTo(), zone);
        Requester requester = new Requester(
                subject.accountId() > 0 ? subject.accountId() : null,
                in.contactName() == null || in.contactName().isBlank()
                        ? subject.displayName()
                        : Texts.required(in.contactName(), 200, "tickets.contact.invalid"),
                Texts.email(in.contactEmail()),
                Texts.phone(in.contactPhone()),
                in.contactPreference() == null ? ContactPreference.APP : in.contactPreference(),
                subject.locale().getLanguage());
        TicketSource source = resident ? TicketSource.PORTAL : TicketSource.STAFF;
        List<Event> posted = new ArrayList<>();
        Ticket created = jpa.txExpr(TransactionType.Required, em -> {
            TicketEntity t = file(
                    em,
                    subject,
                    location,
                    building,
                    country,
                    in.area(),
                    in.categoryId(),
                    in.priority() == null ? TicketPriority.NORMAL : in.priority(),
                    title,
                    description,
                    source,
                    requester);
            t.latitude = in.latitude();
            t.longitude = in.longitude();
            t.visitFrom = in.visitFrom();
            t.visitTo = in.visitTo();
            em.flush();
            posted.add(TicketEventPublisher.event(TicketEvents.CREATED, t, subject, Map.of()));
            return view(em, t, Visibility.View.FULL);
        });
        events.post(posted);
        return created;
    }

    /** Who filed a ticket and how to reach them. */
    record Requester(
            Long accountId, String name, String email, String phone, ContactPreference preference, String language) {}

    /** Files a ticket in the caller's transaction: reference, deadlines, CREATED entry, audit event. */
    TicketEntity file(
            EntityManager em,
            Subject author,
            RegistryLocation location,
            Building building,
            String country,
            TicketArea area,
            long categoryId,
            TicketPriority priority,
            String title,
            String description,
            TicketSource source,
            Requester requester) {
        CategoryEntity category = em.find(CategoryEntity.class, categoryId);
        if (category == null || category.organisationId != location.organisationId() || !category.active) {
            throw new DomusException(Kind.INVALID, "tickets.category.invalid", categoryId);
        }
        Instant now = now();
        DeadlineRule rule = TicketConfigurationImpl.ruleFor(em, location.organisationId(), categoryId, priority);
        TicketEntity t = new TicketEntity();
        t.reference = References.next(
                em,
                location.organisationId(),
                now.atZone(Deadlines.zoneOf(country)).getYear());
        t.organisationId = location.organisationId();
        t.estateId = location.estateId();
        t.buildingId = location.buildingId();
        t.unitId = area == TicketArea.UNIT ? location.unitId() : null;
        t.address = Texts.limit(building.address(), 300);
        t.street = Texts.limit(building.street(), 200);
        t.area = area.name();
        t.categoryId = categoryId;
        t.priority = priority.name();
        t.title = title;
        t.description = description;
        t.status = TicketStatus.NEW.name();
        t.source = source.name();
        t.requesterId = requester.accountId();
        t.requesterName = requester.name();
        t.contactEmail = requester.email();
        t.contactPhone = requester.phone();
        t.contactPreference = requester.preference().name();
        t.requesterLanguage =
                requester.language() == null || requester.language().isBlank()
                        ? "en"
                        : Texts.limit(requester.language(), 8);
        t.responseDue = Deadlines.due(now, rule.response(), country, this::isWorkingDay);
        t.resolutionDue = Deadlines.due(now, rule.resolution(), country, this::isWorkingDay);
        t.createdAt = now;
        t.updatedAt = now;
        em.persist(t);
        em.flush();
        timeline(
                em,
                t,
                source == TicketSource.PUBLIC_FORM ? null : author,
                TimelineKind.CREATED,
                null,
                false,
                null,
                null);
        Map<String, Object> personal = new LinkedHashMap<>();
        personal.put("reference", t.reference);
        personal.put("requesterName", t.requesterName);
        personal.put("contactEmail", t.contactEmail);
        personal.put("contactPhone", t.contactPhone);
        personal.put("contactPreference", t.contactPreference);
        AuditTrail.record(em, author, now, "tickets.ticket.create", "tickets-ticket", t.id, null, personal);
        return t;
    }

    private RegistryLocation where(NewTicket in) {
        if (in.area() == TicketArea.UNIT) {
            if (in.unitId() == null) {
                throw new DomusException(Kind.INVALID, "tickets.unit.required");
            }
            return policy.locate(null, in.unitId())
                    .orElseThrow(() -> new DomusException(Kind.NOT_FOUND, "tickets.unit.not-found"));
        }
        Long buildingId = in.buildingId();
        if (buildingId == null && in.unitId() != null) {
            buildingId = policy.locate(null, in.unitId())
                    .map(RegistryLocation::buildingId)
                    .orElseThrow(() -> new DomusException(Kind.NOT_FOUND, "tickets.unit.not-found"));
        }
        if (buildingId == null) {
            throw new DomusException(Kind.INVALID, "tickets.building.required");
        }
        return policy.locate(ScopeType.BUILDING, buildingId)
                .orElseThrow(() -> new DomusException(Kind.NOT_FOUND, "tickets.building.not-found"));
    }

    private void checkVisit(LocalDateTime from, LocalDateTime to, ZoneId zone) {
        if (from == null && to == null) {
            return;
        }
        if (from == null || to == null || !to.isAfter(from)) {
            throw new DomusException(Kind.INVALID, "tickets.visit.invalid");
        }
        if (from.isBefore(LocalDateTime.ofInstant(now(), zone).truncatedTo(ChronoUnit.MINUTES))) {
            throw new DomusException(Kind.INVALID, "tickets.visit.past");
        }
    }

    // ---- reads --------------------------------------------------------------------------------------

    @Override
    public Ticket get(Subject subject, long ticketId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            Seen seen = load(em, subject, ticketId, false);
            return view(em, seen.ticket(), seen.view());
        });
    }

    @Override
    public Page<Ticket> mine(Subject subject, int offset, int limit) {
        return page(subject, TicketQuery.all().withPage(offset, limit), true);
    }

    @Override
    public Page<Ticket> list(Subject subject, TicketQuery query) {
        return page(subject, query == null ? TicketQuery.all() : query, false);
    }

    private Page<Ticket> page(Subject subject, TicketQuery q, boolean ownOnly) {
        int offset = Math.max(0, q.offset());
        int limit = Math.max(1, Math.min(MAX_PAGE, q.limit() <= 0 ? 50 : q.limit()));
        return jpa.txExpr(TransactionType.Required, em -> {
            Visibility v = visibility(em, subject);
            TicketQueries w = TicketQueries.of(v, q, ownOnly, now());
            long total = w.query(em, "SELECT COUNT(t) FROM TicketEntity t", null, Long.class)
                    .getSingleResult();
            List<TicketEntity> rows = w.query(em, "SELECT t FROM TicketEntity t", order(q), TicketEntity.class)
                    .setFirstResult(offset)
                    .setMaxResults(limit)
                    .getResultList();
            List<Ticket> items = rows.stream().map(t -> view(em, t, v.sees(t))).toList();
            return new Page<>(items, total, offset, limit);
        });
    }

    private static String order(TicketQuery q) {
        String dir = q.descending() ? " DESC" : " ASC";
        String by =
                switch (q.sort()) {
                    case CREATED -> "t.createdAt";
                    case REFERENCE -> "t.reference";
                    case STATUS -> "t.status";
                    case PRIORITY -> "t.priority";
                    case RESOLUTION_DUE -> "t.resolutionDue";
                    case ADDRESS -> "t.address";
                };
        return "ORDER BY " + by + dir + ", t.id" + dir;
    }

    @Override
    public TicketStatistics statistics(Subject subject, TicketQuery query) {
        TicketQuery q = query == null ? TicketQuery.all() : query;
        return jpa.txExpr(TransactionType.Required, em -> {
            Visibility v = visibility(em, subject);
            TicketQueries w = TicketQueries.of(v, q, false, now());
            List<StatisticsCount> perStatus = new ArrayList<>();
            Map<String, Long> byStatus = new LinkedHashMap<>();
            for (Object[] row : w.query(
                            em, "SELECT t.status, COUNT(t) FROM TicketEntity t", "GROUP BY t.status", Object[].class)
                    .getResultList()) {
                byStatus.put((String) row[0], ((Number) row[1]).longValue());
            }
            long total = 0;
            long open = 0;
            long done = 0;
            for (TicketStatus s : TicketStatus.values()) {
                long n = byStatus.getOrDefault(s.name(), 0L);
                if (n > 0) {
                    perStatus.add(new StatisticsCount(s.name(), s.name(), n));
                }
                total += n;
                open += s.isOpen() ? n : 0;
                done += s.isDone() ? n : 0;
            }
            TicketQueries overdueWhere = TicketQueries.of(v, Queries.overdue(q), false, now());
            long overdue = overdueWhere
                    .query(em, "SELECT COUNT(t) FROM TicketEntity t", null, Long.class)
                    .getSingleResult();
            List<Object[]> resolved = w.query(
                            em,
                            "SELECT t.createdAt, t.resolvedAt, t.doneOnTime FROM TicketEntity t",
                            "AND t.resolvedAt IS NOT NULL",
                            Object[].class)
                    .getResultList();
            List<Long> minutes = new ArrayList<>();
            long onTime = 0;
            for (Object[] row : resolved) {
                minutes.add(ChronoUnit.MINUTES.between((Instant) row[0], (Instant) row[1]));
                onTime += Boolean.TRUE.equals(row[2]) ? 1 : 0;
            }
            Long median = Queries.median(minutes);
            Double ratio = resolved.isEmpty() ? null : (double) onTime / resolved.size();
            List<StatisticsCount> perBuilding = counts(
                    w.query(
                                    em,
                                    "SELECT t.buildingId, MAX(t.address), COUNT(t) FROM TicketEntity t",
                                    "GROUP BY t.buildingId",
                                    Object[].class)
                            .getResultList(),
                    id -> null);
            List<StatisticsCount> perCategory = counts(
                    w.query(
                                    em,
                                    "SELECT t.categoryId, MAX(t.categoryId), COUNT(t) FROM TicketEntity t",
                                    "GROUP BY t.categoryId",
                                    Object[].class)
                            .getResultList(),
                    id -> Optional.ofNullable(em.find(CategoryEntity.class, id))
                            .map(c -> c.name)
                            .orElse(null));
            List<StatisticsCount> perCompany = counts(
                    w.query(
                                    em,
                                    "SELECT t.companyId, MAX(t.companyId), COUNT(t) FROM TicketEntity t",
                                    "GROUP BY t.companyId",
                                    Object[].class)
                            .getResultList(),
                    id -> Optional.ofNullable(em.find(CompanyEntity.class, id))
                            .map(c -> c.name)
                            .orElse(null));
            return new TicketStatistics(
                    total, open, done, overdue, median, ratio, perBuilding, perCategory, perCompany, perStatus);
        });
    }

    /** Rows of (id, label or null, count) as counts, largest first; a null id is {@code none}. */
    private static List<StatisticsCount> counts(List<Object[]> rows, Function<Long, String> label) {
        return rows.stream()
                .map(r -> {
                    Long id = r[0] == null ? null : ((Number) r[0]).longValue();
                    String text = r[1] instanceof String s ? s : id == null ? null : label.apply(id);
                    return new StatisticsCount(
                            id == null ? "none" : id.toString(),
                            text == null ? (id == null ? "none" : id.toString()) : text,
                            ((Number) r[2]).longValue());
                })
                .sorted((a, b) -> a.count() != b.count()
                        ? Long.compare(b.count(), a.count())
                        : a.label().compareTo(b.label()))
                .toList();
    }

    @Override
    public Table table(Subject subject, TicketQuery query) {
        TicketQuery q = (query == null ? TicketQuery.all() : query).withPage(0, 10_000);
        return jpa.txExpr(TransactionType.Required, em -> {
            Visibility v = visibility(em, subject);
            TicketQueries w = TicketQueries.of(v, q, false, now());
            List<TicketEntity> rows = w.query(em, "SELECT t FROM TicketEntity t", order(q), TicketEntity.class)
                    .setMaxResults(10_000)
                    .getResultList();
            return TicketTable.of(rows.stream().map(t -> view(em, t, v.sees(t))).toList(), subject.locale());
        });
    }

    @Override
    public List<TimelineEntry> timeline(Subject subject, long ticketId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            Seen seen = load(em, subject, ticketId, false);
            TypedQuery<TimelineEntity> query = em.createQuery(
                            "SELECT e FROM TimelineEntity e WHERE e.ticketId = :t"
                                    + (seen.full() ? "" : " AND e.internal = :no")
                                    + " ORDER BY e.id",
                            TimelineEntity.class)
                    .setParameter("t", ticketId);
            if (!seen.full()) {
                query.setParameter("no", false);
            }
            return query.getResultList().stream()
                    .map(e -> seen.hidesAuthor(e.authorId) ? e.withoutAuthor() : e.view())
                    .toList();
        });
    }

    // ---- workflow -----------------------------------------------------------------------------------

    @Override
    public Set<TicketStatus> allowedTransitions(Subject subject, long ticketId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            Seen seen = load(em, subject, ticketId, false);
            return allowed(seen);
        });
    }

    private Set<TicketStatus> allowed(Seen seen) {
        TicketStatus from = TicketStatus.valueOf(seen.ticket().status);
        Set<TicketStatus> next = EnumSet.noneOf(TicketStatus.class);
        next.addAll(TicketTransition.next(from, seen.actors()));
        if (from == TicketStatus.DONE
                && !seen.actors().contains(TicketActor.REQUESTER)
                && !mayConfirmOnBehalf(seen.ticket())) {
            next.remove(TicketStatus.CONFIRMED);
        }
        return next;
    }

    private boolean mayConfirmOnBehalf(TicketEntity t) {
        int days = settings.confirmOnBehalfAfterDays();
        return days > 0 && t.resolvedAt != null && !now().isBefore(t.resolvedAt.plus(days, ChronoUnit.DAYS));
    }

    @Override
    public Ticket transition(Subject subject, long ticketId, TransitionRequest request) {
        if (request == null || request.to() == null) {
            throw new DomusException(Kind.INVALID, "tickets.transition.to-required");
        }
        List<Event> posted = new ArrayList<>();
        Ticket changed = jpa.txExpr(TransactionType.Required, em -> {
            TicketEntity t = move(em, subject, ticketId, request, posted);
            em.flush();
            return view(em, t, Visibility.View.FULL);
        });
        events.post(posted);
        return changed;
    }

    /** One move in the caller's transaction; events to post after commit go to {@code posted}. */
    TicketEntity move(EntityManager em, Subject subject, long ticketId, TransitionRequest request, List<Event> posted) {
        Seen seen = load(em, subject, ticketId, false);
        TicketEntity t = seen.ticket();
        if (request.version() != null && request.version() != t.version) {
            throw new DomusException(Kind.CONFLICT, "tickets.ticket.stale", t.reference);
        }
        notBeforeLastChange(t);
        TicketStatus from = TicketStatus.valueOf(t.status);
        TicketStatus to = request.to();
        Optional<TicketTransition> row = TicketTransition.of(from, to);
        Set<TicketStatus> allowed = allowed(seen);
        if (row.isEmpty() || !allowed.contains(to)) {
            throw refused(from, to, allowed);
        }
        Set<TicketActor> as = seen.actors();
        TicketTransition transition = row.get();
        TicketActor actor = transition.actors().stream()
                .filter(as::contains)
                .findFirst()
                .orElseThrow(() -> refused(from, to, allowed));
        String reason = request.reason() == null || request.reason().isBlank()
                ? null
                : Texts.required(request.reason(), 2000, "tickets.reason.invalid");
        Instant now = now();
        if ((to == TicketStatus.REJECTED || to == TicketStatus.REOPENED) && reason == null) {
            throw new DomusException(Kind.INVALID, "tickets.reason.required", to.name());
        }
        em.lock(t, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        boolean assign = to == TicketStatus.ASSIGNED && (actor == TicketActor.MANAGER || request.companyId() != null);
        if (assign) {
            if (request.companyId() == null) {
                throw new DomusException(Kind.INVALID, "tickets.company.required");
            }
            CompanyEntity company = em.find(CompanyEntity.class, request.companyId());
            if (company == null || company.organisationId != t.organisationId || !company.active) {
                throw new DomusException(Kind.INVALID, "tickets.company.invalid", request.companyId());
            }
            WorkerEntity worker = null;
            if (request.workerId() != null) {
                worker = em.find(WorkerEntity.class, request.workerId());
                if (worker == null || worker.companyId != company.id || !worker.active) {
                    throw new DomusException(Kind.INVALID, "tickets.worker.invalid", request.workerId());
                }
            }
            t.companyId = company.id;
            t.workerId = worker == null ? null : worker.id;
            t.assignedAt = now;
            t.firstAssignedAt = t.firstAssignedAt == null ? now : t.firstAssignedAt;
            t.assignmentAcceptedAt = null;
            t.status = to.name();
            timeline(
                    em,
                    t,
                    subject,
                    TimelineKind.ASSIGNMENT,
                    company.name + (worker == null ? "" : " / " + worker.name) + (reason == null ? "" : ": " + reason),
                    false,
                    null,
                    null);
            posted.add(TicketEventPublisher.event(TicketEvents.ASSIGNED, t, subject, Map.of()));
        }
        if (to == TicketStatus.CONFIRMED) {
            Integer rating = request.rating();
            if (actor == TicketActor.REQUESTER && rating == null) {
                throw new DomusException(Kind.INVALID, "tickets.rating.required");
            }
            if (rating != null && (rating < 1 || rating > 5)) {
                throw new DomusException(Kind.INVALID, "tickets.rating.invalid", rating);
            }
            t.rating = rating;
            t.ratingComment = request.comment() == null || request.comment().isBlank()
                    ? null
                    : Texts.required(request.comment(), 2000, "tickets.comment.invalid");
            t.confirmedAt = now;
        }
        if ((to == TicketStatus.ACCEPTED || to == TicketStatus.REJECTED) && t.respondedAt == null) {
            t.respondedAt = now;
        }
        if (to == TicketStatus.DONE) {
            t.resolvedAt = now;
            t.doneOnTime = !now.isAfter(t.resolutionDue);
        }
        if (to == TicketStatus.REOPENED) {
            t.resolvedAt = null;
            t.doneOnTime = null;
        }
        t.status = to.name();
        TimelineEntity entry = timeline(em, t, subject, TimelineKind.STATUS, reason, false, null, null);
        if (to == TicketStatus.CONFIRMED && t.rating != null) {
            timeline(em, t, subject, TimelineKind.RATING, t.ratingComment, false, null, t.rating);
        }
        posted.add(TicketEventPublisher.event(
                TicketEvents.STATUS_CHANGED,
                t,
                subject,
                Map.of(TicketEvents.PREVIOUS_STATUS, from.name(), TicketEvents.ENTRY_ID, entry.id)));
        return t;
    }

    static DomusException refused(TicketStatus from, TicketStatus to, Set<TicketStatus> allowed) {
        return new DomusException(
                Kind.CONFLICT,
                "tickets.transition.refused",
                from.name(),
                to.name(),
                allowed.isEmpty() ? "-" : allowed.stream().map(Enum::name).collect(Collectors.joining(", ")));
    }

    @Override
    public Ticket acceptAssignment(Subject subject, long ticketId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            Seen seen = load(em, subject, ticketId, false);
            TicketEntity t = seen.ticket();
            if (!seen.actors().contains(TicketActor.CONTRACTOR)) {
                throw new DomusException(Kind.FORBIDDEN, "error.forbidden", TicketsPermissions.WORK.name());
            }
            notBeforeLastChange(t);
            if (!TicketStatus.ASSIGNED.name().equals(t.status) || t.assignmentAcceptedAt != null) {
                throw new DomusException(Kind.CONFLICT, "tickets.assignment.not-pending", t.status);
            }
            em.lock(t, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            t.assignmentAcceptedAt = now();
            timeline(em, t, subject, TimelineKind.ASSIGNMENT_ACCEPTED, null, false, null, null);
            em.flush();
            return view(em, t, seen.view());
        });
    }

    @Override
    public BulkResult bulk(Subject subject, List<Long> ticketIds, TransitionRequest request) {
        if (ticketIds == null || ticketIds.isEmpty() || ticketIds.size() > MAX_PAGE) {
            throw new InvalidFieldsException(
                    List.of(new FieldError("tickets", "tickets.bulk.size", List.of(MAX_PAGE))));
        }
        if (ticketIds.stream().distinct().count() != ticketIds.size()) {
            throw new InvalidFieldsException(List.of(new FieldError("tickets", "tickets.bulk.duplicate", List.of())));
        }
        if (request == null || request.to() == null) {
            throw new DomusException(Kind.INVALID, "tickets.transition.to-required");
        }
        if (subject.roles().stream().noneMatch(Role::isStaff)) {
            // residents and contractors: the tickets named are none of theirs to move (no existence leak)
            throw new DomusException(Kind.NOT_FOUND, "tickets.ticket.not-found");
        }
        policy.require(subject, TicketsPermissions.MANAGE);
        List<Event> posted = new ArrayList<>();
        BulkResult result = jpa.txExpr(TransactionType.Required, em -> {
            List<FieldError> errors = new ArrayList<>();
            List<TicketEntity> changed = new ArrayList<>();
            for (int i = 0; i < ticketIds.size(); i++) {
                try {
                    Long id = ticketIds.get(i);
                    if (id == null) {
                        throw new DomusException(Kind.NOT_FOUND, "tickets.ticket.not-found");
                    }
                    Seen seen = load(em, subject, id, false);
                    if (!seen.actors().contains(TicketActor.MANAGER)) {
                        throw new DomusException(Kind.FORBIDDEN, "error.forbidden", TicketsPermissions.MANAGE.name());
                    }
                    TransitionRequest one = new TransitionRequest(
                            request.to(),
                            request.reason(),
                            request.companyId(),
                            request.workerId(),
                            request.rating(),
                            request.comment(),
                            null);
                    changed.add(move(em, subject, id, one, posted));
                } catch (DomusException e) {
                    if (e.kind() == Kind.FORBIDDEN || e.kind() == Kind.NOT_FOUND) {
                        // a ticket outside the subject's scope refuses the whole request, as for one ticket
                        throw e;
                    }
                    errors.add(new FieldError("tickets[" + i + "]", e.messageKey(), e.arguments()));
                }
            }
            if (!errors.isEmpty()) {
                // Nothing of the batch is written: the exception rolls the whole transaction back.
                throw new InvalidFieldsException(errors);
            }
            em.flush();
            return new BulkResult(
                    changed.stream().map(t -> view(em, t, Visibility.View.FULL)).toList());
        });
        events.post(posted);
        return result;
    }

    // ---- comments, feedback, work -------------------------------------------------------------------

    @Override
    public TimelineEntry comment(Subject subject, long ticketId, String text, boolean internal) {
        String body = Texts.required(text, 4000, "tickets.comment.invalid");
        List<Event> posted = new ArrayList<>();
        TimelineEntry entry = jpa.txExpr(TransactionType.Required, em -> {
            Seen seen = load(em, subject, ticketId, false);
            if (seen.actors().isEmpty() && !seen.full()) {
                // A neighbour sees a building-wide ticket but does not take part in it.
                throw new DomusException(Kind.FORBIDDEN, "tickets.comment.not-allowed");
            }
            if (internal && !seen.full()) {
                throw new DomusException(Kind.FORBIDDEN, "tickets.comment.not-allowed");
            }
            TicketEntity t = seen.ticket();
            notBeforeLastChange(t);
            em.lock(t, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            TimelineEntity e = timeline(
                    em,
                    t,
                    subject,
                    internal ? TimelineKind.WORK_NOTE : TimelineKind.COMMENT,
                    body,
                    internal,
                    null,
                    null);
            em.flush();
            if (!internal) {
                posted.add(TicketEventPublisher.event(
                        TicketEvents.COMMENTED,
                        t,
                        subject,
                        Map.of(TicketEvents.TEXT, body, TicketEvents.ENTRY_ID, e.id)));
            }
            return e.view();
        });
        events.post(posted);
        return entry;
    }

    @Override
    public TimelineEntry feedback(Subject subject, long ticketId, String text) {
        String body = Texts.required(text, 4000, "tickets.comment.invalid");
        List<Event> posted = new ArrayList<>();
        TimelineEntry entry = jpa.txExpr(TransactionType.Required, em -> {
            Seen seen = load(em, subject, ticketId, false);
            if (!seen.actors().contains(TicketActor.MANAGER)) {
                throw new DomusException(Kind.FORBIDDEN, "error.forbidden", TicketsPermissions.MANAGE.name());
            }
            TicketEntity t = seen.ticket();
            notBeforeLastChange(t);
            em.lock(t, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            TimelineEntity e = timeline(em, t, subject, TimelineKind.FEEDBACK, body, false, null, null);
            em.flush();
            posted.add(TicketEventPublisher.event(
                    TicketEvents.FEEDBACK, t, subject, Map.of(TicketEvents.TEXT, body, TicketEvents.ENTRY_ID, e.id)));
            return e.view();
        });
        events.post(posted);
        return entry;
    }

    @Override
    public TimelineEntry logWork(Subject subject, long ticketId, int minutes, String note) {
        if (minutes < 1 || minutes > 1440) {
            throw new DomusException(Kind.INVALID, "tickets.work.minutes", minutes);
        }
        String text = note == null || note.isBlank() ? null : Texts.required(note, 4000, "tickets.comment.invalid");
        return jpa.txExpr(TransactionType.Required, em -> {
            Seen seen = load(em, subject, ticketId, false);
            if (!seen.actors().contains(TicketActor.CONTRACTOR)) {
                throw new DomusException(Kind.FORBIDDEN, "error.forbidden", TicketsPermissions.WORK.name());
            }
            TicketEntity t = seen.ticket();
            notBeforeLastChange(t);
            TicketStatus status = TicketStatus.valueOf(t.status);
            if (status != TicketStatus.ASSIGNED
                    && status != TicketStatus.IN_PROGRESS
                    && status != TicketStatus.REOPENED) {
                throw new DomusException(Kind.CONFLICT, "tickets.work.not-open", status.name());
            }
            em.lock(t, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            t.minutesSpent += minutes;
            TimelineEntity e = timeline(em, t, subject, TimelineKind.TIME, null, false, null, minutes);
            if (text != null) {
                timeline(em, t, subject, TimelineKind.WORK_NOTE, text, true, null, null);
            }
            em.flush();
            return e.view();
        });
    }

    @Override
    public java.time.LocalDate today(long organisationId) {
        return now().atZone(zoneOf(organisationId)).toLocalDate();
    }

    @Override
    public Instant startOfDay(long organisationId, java.time.LocalDate day) {
        return day.atStartOfDay(zoneOf(organisationId)).toInstant();
    }

    private ZoneId zoneOf(long organisationId) {
        return Deadlines.zoneOf(registry.organisation(SYSTEM, organisationId).country());
    }

    /** The building-of-a-code lookups and the public form's filing need the building; read as the module. */
    Building building(long buildingId) {
        return registry.building(SYSTEM, buildingId);
    }
}
