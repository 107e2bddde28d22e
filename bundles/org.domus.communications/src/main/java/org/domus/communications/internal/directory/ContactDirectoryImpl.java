package org.domus.communications.internal.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.domus.communications.CommunicationsPermissions;
import org.domus.communications.ContactDirectory;
import org.domus.communications.ContactScope;
import org.domus.communications.ContactsOfBuilding;
import org.domus.communications.EmergencyContact;
import org.domus.communications.EmergencyKind;
import org.domus.communications.Office;
import org.domus.communications.OfficeStatus;
import org.domus.communications.OpeningHours;
import org.domus.communications.StaffContact;
import org.domus.core.DomusException;
import org.domus.core.DomusException.Kind;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.access.RegistryLocation;
import org.domus.core.access.RegistryScope;
import org.domus.core.access.ScopeType;
import org.domus.core.account.AccountService;
import org.domus.core.audit.AuditTrail;
import org.domus.core.calendar.WorkingCalendar;
import org.domus.core.registry.Building;
import org.domus.core.registry.Holding;
import org.domus.core.registry.RegistryService;
import org.domus.persistence.MigratedSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The contact directory over COMM_OFFICE(_HOURS), COMM_STAFF_CONTACT and COMM_EMERGENCY_CONTACT. */
@Component(service = ContactDirectory.class)
public class ContactDirectoryImpl implements ContactDirectory {

    static final String UNIT_TARGET = "(osgi.unit.name=domus.communications)";
    static final String SCHEMA_TARGET = "(" + MigratedSchema.PROPERTY + "=org.domus.communications)";

    /** The module reading the registry on its own behalf (organisations' countries; never for access). */
    static final Subject SYSTEM = Subject.system("communications", "Communications");

    private static final String NOT_FOUND = "communications.directory.not-found";

    /** Which roles an account holds (to check a staff contact's linked account). */
    @FunctionalInterface
    interface AccountRoles {
        /** The account's roles, or null when there is no such account. */
        Set<Role> rolesOf(long accountId);
    }

    private final JpaTemplate jpa;
    private final AccessPolicy policy;
    private final RegistryService registry;
    private final AccountRoles accounts;
    private final Clock clock;

    @Activate
    public ContactDirectoryImpl(
            @Reference(target = UNIT_TARGET) JpaTemplate jpa,
            @Reference(target = SCHEMA_TARGET) MigratedSchema schema,
            @Reference AccessPolicy policy,
            @Reference RegistryService registry,
            @Reference AccountService accounts) {
        this(
                jpa,
                policy,
                registry,
                id -> accounts.findById(id).map(a -> a.roles()).orElse(null),
                Clock.systemUTC());
    }

    private ContactDirectoryImpl(
            JpaTemplate jpa, AccessPolicy policy, RegistryService registry, AccountRoles accounts, Clock clock) {
        this.jpa = Objects.requireNonNull(jpa);
        this.policy = Objects.requireNonNull(policy);
        this.registry = Objects.requireNonNull(registry);
        this.accounts = Objects.requireNonNull(accounts);
        this.clock = Objects.requireNonNull(clock);
    }

    /** For tests outside OSGi (a factory, so SCR sees one public constructor). */
    static ContactDirectoryImpl create(
            JpaTemplate jpa, AccessPolicy policy, RegistryService registry, AccountRoles accounts, Clock clock) {
        return new ContactDirectoryImpl(jpa, policy, registry, accounts, clock);
    }

    // ---- residents ---------------------------------------------------------------------------------

    @Override
    public List<ContactsOfBuilding> mine(Subject subject) {
        Map<Long, Building> buildings = new LinkedHashMap<>();
        registry.myUnits(subject).stream()
                .map(Holding::building)
                .sorted(Comparator.comparing(Building::address))
                .forEach(b -> buildings.putIfAbsent(b.id(), b));
        if (buildings.isEmpty()) {
            return List.of();
        }
        Map<Long, RegistryLocation> where = new HashMap<>();
        for (Building b : buildings.values()) {
            policy.locate(ScopeType.BUILDING, b.id()).ifPresent(l -> where.put(b.id(), l));
        }
        Set<Long> buildingIds = where.keySet();
        Set<Long> estateIds =
                where.values().stream().map(RegistryLocation::estateId).collect(Collectors.toSet());
        Set<Long> organisationIds =
                where.values().stream().map(RegistryLocation::organisationId).collect(Collectors.toSet());
        if (buildingIds.isEmpty()) {
            return List.of();
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            List<OfficeEntity> offices = covering(em, OfficeEntity.class, buildingIds, estateIds, organisationIds);
            Map<Long, List<OpeningHours>> hours = hoursOf(em, offices);
            List<StaffContactEntity> staff =
                    covering(em, StaffContactEntity.class, buildingIds, estateIds, organisationIds);
            List<EmergencyContactEntity> emergency =
                    covering(em, EmergencyContactEntity.class, buildingIds, estateIds, organisationIds);
            Instant now = clock.instant();
            Map<Long, String> countries = new HashMap<>();
            List<ContactsOfBuilding> result = new ArrayList<>();
            for (Building b : buildings.values()) {
                RegistryLocation l = where.get(b.id());
                if (l == null) {
                    continue;
                }
                String country = countries.computeIfAbsent(l.organisationId(), o -> registry.organisation(SYSTEM, o)
                        .country());
                List<OfficeStatus> officeStates = offices.stream()
                        .filter(o -> serves(o, l))
                        .sorted(bySpecificity())
                        .map(o -> OpeningTimes.status(
                                o.view(hours.getOrDefault(o.id, List.of())),
                                now,
                                OpeningTimes.zoneOf(country),
                                WorkingCalendar.forCountry(country)))
                        .toList();
                List<StaffContact> staffOf = staff.stream()
                        .filter(s -> serves(s, l))
                        .sorted(bySpecificity())
                        .map(StaffContactEntity::view)
                        .toList();
                result.add(new ContactsOfBuilding(
                        b.id(), b.address(), effectiveEmergency(emergency, l), officeStates, staffOf));
            }
            return result;
        });
    }

    /** The most specific level's numbers of each kind: a building's replace its estate's and organisation's. */
    static List<EmergencyContact> effectiveEmergency(List<EmergencyContactEntity> all, RegistryLocation building) {
        Map<EmergencyKind, List<EmergencyContactEntity>> byKind = new EnumMap<>(EmergencyKind.class);
        for (EmergencyContactEntity e : all) {
            if (!serves(e, building)) {
                continue;
            }
            List<EmergencyContactEntity> kept = byKind.computeIfAbsent(e.kind, k -> new ArrayList<>());
            int level = level(e.scopeType);
            int keptLevel = kept.isEmpty() ? -1 : level(kept.get(0).scopeType);
            if (level > keptLevel) {
                kept.clear();
            }
            if (level >= keptLevel) {
                kept.add(e);
            }
        }
        List<EmergencyContact> result = new ArrayList<>();
        for (List<EmergencyContactEntity> kept : byKind.values()) {
            kept.stream()
                    .sorted(Comparator.comparing((EmergencyContactEntity e) -> e.company)
                            .thenComparing(e -> e.id))
                    .map(EmergencyContactEntity::view)
                    .forEach(result::add);
        }
        return result;
    }

    private static int level(ScopeType type) {
        return switch (type) {
            case ORGANISATION -> 0;
            case ESTATE -> 1;
            case BUILDING -> 2;
        };
    }

    private static <E extends ScopedEntity> Comparator<E> bySpecificity() {
        return Comparator.comparingInt((E e) -> -level(e.scopeType)).thenComparing(e -> e.id);
    }

    /** Whether the entry serves the building at this location. */
    private static boolean serves(ScopedEntity e, RegistryLocation building) {
        return switch (e.scopeType) {
            case ORGANISATION -> e.organisationId == building.organisationId();
            case ESTATE -> Objects.equals(e.estateId, building.estateId());
            case BUILDING -> Objects.equals(e.buildingId, building.buildingId());
        };
    }

    private static <E extends ScopedEntity> List<E> covering(
            EntityManager em, Class<E> type, Set<Long> buildings, Set<Long> estates, Set<Long> organisations) {
        return em.createQuery(
                        "SELECT e FROM " + type.getSimpleName() + " e WHERE (e.scopeType = :b AND e.buildingId IN"
                                + " :buildings) OR (e.scopeType = :e AND e.estateId IN :estates) OR (e.scopeType"
                                + " = :o AND e.organisationId IN :organisations) ORDER BY e.id",
                        type)
                .setParameter("b", ScopeType.BUILDING)
                .setParameter("e", ScopeType.ESTATE)
                .setParameter("o", ScopeType.ORGANISATION)
                .setParameter("buildings", buildings)
                .setParameter("estates", estates)
                .setParameter("organisations", organisations)
                .getResultList();
    }

    private static Map<Long, List<OpeningHours>> hoursOf(EntityManager em, List<OfficeEntity> offices) {
        if (offices.isEmpty()) {
            return Map.of();
        }
        return em
                .createQuery(
                        "SELECT h FROM OfficeHoursEntity h WHERE h.officeId IN :offices"
                                + " ORDER BY h.officeId, h.dayOfWeek, h.fromMinute",
                        OfficeHoursEntity.class)
                .setParameter("offices", offices.stream().map(o -> o.id).toList())
                .getResultList()
                .stream()
                .collect(Collectors.groupingBy(
                        h -> h.officeId,
                        LinkedHashMap::new,
                        Collectors.mapping(OfficeHoursEntity::view, Collectors.toList())));
    }

    // ---- staff: reading ----------------------------------------------------------------------------

    /**
     * What a staff subject reads: entries inside its READ or DIRECTORY scope, and the wider entries (of its
     * organisation or estate) that serve a part of it.
     */
    private final class Reach {
        final RegistryScope scope;
        final Set<Long> organisations = new HashSet<>();
        final Set<Long> estates = new HashSet<>();

        Reach(Subject subject) {
            RegistryScope read = policy.registryScope(subject, CommunicationsPermissions.READ);
            RegistryScope keep = policy.registryScope(subject, CommunicationsPermissions.DIRECTORY);
            scope = new RegistryScope(
                    read.all() || keep.all(),
                    union(read.organisationIds(), keep.organisationIds()),
                    union(read.estateIds(), keep.estateIds()),
                    union(read.buildingIds(), keep.buildingIds()),
                    Set.of());
            organisations.addAll(scope.organisationIds());
            for (long estate : scope.estateIds()) {
                policy.locate(ScopeType.ESTATE, estate).ifPresent(l -> {
                    organisations.add(l.organisationId());
                    estates.add(estate);
                });
            }
            for (long building : scope.buildingIds()) {
                policy.locate(ScopeType.BUILDING, building).ifPresent(l -> {
                    organisations.add(l.organisationId());
                    estates.add(l.estateId());
                });
            }
        }

        boolean isEmpty() {
            return scope.isEmpty();
        }

        boolean reachesOrganisation(long organisationId) {
            return scope.all() || organisations.contains(organisationId);
        }

        boolean reads(ScopedEntity e) {
            if (scope.covers(e.location())) {
                return true;
            }
            return switch (e.scopeType) {
                case ORGANISATION -> organisations.contains(e.organisationId);
                case ESTATE -> estates.contains(e.estateId);
                case BUILDING -> false;
            };
        }

        /** NOT_FOUND to a subject without any staff reading (residents), FORBIDDEN to staff elsewhere. */
        DomusException refusal(String notFoundKey) {
            return isEmpty()
                    ? new DomusException(Kind.NOT_FOUND, notFoundKey)
                    : new DomusException(Kind.FORBIDDEN, "error.forbidden", CommunicationsPermissions.READ.name());
        }
    }

    private static Set<Long> union(Set<Long> a, Set<Long> b) {
        Set<Long> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private <E extends ScopedEntity> List<E> readable(Subject subject, long organisationId, Class<E> type) {
        Reach reach = new Reach(subject);
        if (reach.isEmpty()
                || policy.locate(ScopeType.ORGANISATION, organisationId).isEmpty()) {
            throw new DomusException(Kind.NOT_FOUND, "communications.directory.organisation.not-found");
        }
        if (!reach.reachesOrganisation(organisationId)) {
            throw reach.refusal("communications.directory.organisation.not-found");
        }
        return jpa.txExpr(TransactionType.Required, em -> em
                .createQuery(
                        "SELECT e FROM " + type.getSimpleName() + " e WHERE e.organisationId = :o ORDER BY e.id", type)
                .setParameter("o", organisationId)
                .getResultList()
                .stream()
                .filter(reach::reads)
                .toList());
    }

    private <E extends ScopedEntity> E readOne(Subject subject, Class<E> type, long id) {
        E e = jpa.txExpr(TransactionType.Required, em -> em.find(type, id));
        if (e == null) {
            throw new DomusException(Kind.NOT_FOUND, NOT_FOUND);
        }
        Reach reach = new Reach(subject);
        if (!reach.reads(e)) {
            throw reach.refusal(NOT_FOUND);
        }
        return e;
    }

    @Override
    public List<Office> offices(Subject subject, long organisationId) {
        List<OfficeEntity> offices = readable(subject, organisationId, OfficeEntity.class);
        Map<Long, List<OpeningHours>> hours = jpa.txExpr(TransactionType.Required, em -> hoursOf(em, offices));
        return offices.stream()
                .map(o -> o.view(hours.getOrDefault(o.id, List.of())))
                .toList();
    }

    @Override
    public Office office(Subject subject, long officeId) {
        OfficeEntity o = readOne(subject, OfficeEntity.class, officeId);
        return o.view(jpa.txExpr(TransactionType.Required, em -> hoursOf(em, List.of(o)))
                .getOrDefault(o.id, List.of()));
    }

    @Override
    public List<StaffContact> staffContacts(Subject subject, long organisationId) {
        return readable(subject, organisationId, StaffContactEntity.class).stream()
                .map(StaffContactEntity::view)
                .toList();
    }

    @Override
    public StaffContact staffContact(Subject subject, long contactId) {
        return readOne(subject, StaffContactEntity.class, contactId).view();
    }

    @Override
    public List<EmergencyContact> emergencyContacts(Subject subject, long organisationId) {
        return readable(subject, organisationId, EmergencyContactEntity.class).stream()
                .map(EmergencyContactEntity::view)
                .toList();
    }

    @Override
    public EmergencyContact emergencyContact(Subject subject, long contactId) {
        return readOne(subject, EmergencyContactEntity.class, contactId).view();
    }

    // ---- staff: keeping ----------------------------------------------------------------------------

    /** The scope's location after checking that the subject keeps the directory there. */
    private RegistryLocation keeps(Subject subject, ContactScope scope) {
        Optional<RegistryLocation> location = policy.locate(scope.type(), scope.id());
        requireKeeping(subject, location, "communications.directory.scope.not-found");
        return location.get();
    }

    /**
     * Fails unless the subject keeps the directory at this location: staff without DIRECTORY at all (the board,
     * accountants) are FORBIDDEN, not told that the entry does not exist.
     */
    private void requireKeeping(Subject subject, Optional<RegistryLocation> location, String notFoundKey) {
        if (subject.roles().stream().anyMatch(Role::isStaff)
                && !policy.isGranted(subject, CommunicationsPermissions.DIRECTORY)) {
            throw new DomusException(Kind.FORBIDDEN, "error.forbidden", CommunicationsPermissions.DIRECTORY.name());
        }
        policy.requireRegistry(subject, CommunicationsPermissions.DIRECTORY, location, false, notFoundKey);
    }

    /**
     * What saving and removing one kind of directory entry needs to know: its entity, how to read it back
     * (with what it owns) as the view the audit trail describes, and the names it is audited under.
     */
    private record Entry<E extends ScopedEntity, V>(
            Class<E> type,
            Supplier<E> create,
            BiFunction<EntityManager, E, V> current,
            Function<V, Map<String, Object>> describe,
            String action,
            String entityType) {}

    private static final Entry<OfficeEntity, Office> OFFICE = new Entry<>(
            OfficeEntity.class,
            OfficeEntity::new,
            ContactDirectoryImpl::withHours,
            ContactDirectoryImpl::describe,
            "communications.directory.office",
            "comm-office");

    private static final Entry<StaffContactEntity, StaffContact> STAFF = new Entry<>(
            StaffContactEntity.class,
            StaffContactEntity::new,
            (em, e) -> e.view(),
            ContactDirectoryImpl::describe,
            "communications.directory.staff",
            "comm-staff-contact");

    private static final Entry<EmergencyContactEntity, EmergencyContact> EMERGENCY = new Entry<>(
            EmergencyContactEntity.class,
            EmergencyContactEntity::new,
            (em, e) -> e.view(),
            ContactDirectoryImpl::describe,
            "communications.directory.emergency",
            "comm-emergency-contact");

    /** The entry as read at {@code version}, which the subject must keep (its current scope). */
    private <E extends ScopedEntity> E existing(
            EntityManager em, Subject subject, Class<E> type, long id, long version) {
        E e = em.find(type, id);
        if (e == null) {
            throw new DomusException(Kind.NOT_FOUND, NOT_FOUND);
        }
        requireKeeping(subject, Optional.of(e.location()), NOT_FOUND);
        if (e.version != version) {
            throw new DomusException(Kind.CONFLICT, "communications.directory.stale");
        }
        return e;
    }

    /**
     * Creates ({@code id} 0) or changes an entry: {@code fill} sets its fields, {@code view} reads the saved
     * entry back, {@code after} writes what the entry owns once it has its id.
     */
    private <E extends ScopedEntity, V> V save(
            Subject subject,
            Entry<E, V> entry,
            long id,
            long version,
            ContactScope scope,
            Consumer<E> fill,
            Function<E, V> view,
            BiConsumer<EntityManager, E> after) {
        if (scope == null) {
            throw new org.domus.core.registry.InvalidFieldsException(List.of(new org.domus.core.registry.FieldError(
                    "scope", "communications.directory.scope-required", List.of())));
        }
        RegistryLocation location = keeps(subject, scope);
        return jpa.txExpr(TransactionType.Required, em -> {
            E e = id == 0 ? null : existing(em, subject, entry.type(), id, version);
            Map<String, Object> before = null;
            if (e == null) {
                e = entry.create().get();
                e.createdAt = clock.instant();
            } else {
                before = entry.describe().apply(entry.current().apply(em, e));
                // a change of the office's hours alone must move its version too
                em.lock(e, javax.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            }
            e.place(scope.type(), location);
            fill.accept(e);
            if (id == 0) {
                em.persist(e);
            }
            em.flush();
            after.accept(em, e);
            V saved = view.apply(e);
            AuditTrail.record(
                    em,
                    subject,
                    clock.instant(),
                    entry.action() + (id == 0 ? ".create" : ".update"),
                    entry.entityType(),
                    e.id,
                    before,
                    entry.describe().apply(saved));
            return saved;
        });
    }

    /** Removes an entry as read at {@code version}; {@code before} removes what it owns first. */
    private <E extends ScopedEntity, V> void delete(
            Subject subject, Entry<E, V> entry, long id, long version, BiConsumer<EntityManager, E> before) {
        jpa.tx(TransactionType.Required, em -> {
            E e = existing(em, subject, entry.type(), id, version);
            Map<String, Object> was = entry.describe().apply(entry.current().apply(em, e));
            before.accept(em, e);
            em.remove(e);
            em.flush();
            AuditTrail.record(
                    em, subject, clock.instant(), entry.action() + ".delete", entry.entityType(), id, was, null);
        });
    }

    @Override
    public Office saveOffice(Subject subject, Office in) {
        Objects.requireNonNull(in, "office");
        Checks checks = new Checks();
        String name = checks.required("name", in.name(), 200, "communications.directory.name-invalid");
        String address = checks.optional("address", in.address(), 300, "communications.directory.address-invalid");
        String phone = checks.phone("phone", in.phone(), false);
        String email = checks.email("email", in.email());
        String note = checks.optional("note", in.note(), 500, "communications.directory.note-invalid");
        List<OpeningHours> hours = checks.hours(in.hours());
        List<java.time.LocalDate> closed = checks.closedDays(in.closedDays());
        checks.throwIfAny();
        return save(
                subject,
                OFFICE,
                in.id(),
                in.version(),
                in.scope(),
                e -> {
                    e.name = name;
                    e.address = address;
                    e.phone = phone;
                    e.email = email;
                    e.note = note;
                    e.closedDays = OfficeEntity.formatDays(closed);
                },
                e -> e.view(hours),
                (em, e) -> {
                    deleteHours(em, e);
                    for (OpeningHours h : hours) {
                        OfficeHoursEntity row = new OfficeHoursEntity();
                        row.officeId = e.id;
                        row.dayOfWeek = h.day().getValue();
                        row.fromMinute = h.fromMinute();
                        row.toMinute = h.toMinute();
                        em.persist(row);
                    }
                    em.flush();
                });
    }

    @Override
    public void deleteOffice(Subject subject, long officeId, long version) {
        delete(subject, OFFICE, officeId, version, ContactDirectoryImpl::deleteHours);
    }

    private static void deleteHours(EntityManager em, OfficeEntity office) {
        em.createQuery("DELETE FROM OfficeHoursEntity h WHERE h.officeId = :o")
                .setParameter("o", office.id)
                .executeUpdate();
    }

    @Override
    public StaffContact saveStaffContact(Subject subject, StaffContact in) {
        Objects.requireNonNull(in, "contact");
        Checks checks = new Checks();
        String name = checks.required("name", in.name(), 200, "communications.directory.name-invalid");
        String role = checks.required("role", in.role(), 120, "communications.directory.role-invalid");
        String phone = checks.phone("phone", in.phone(), false);
        String email = checks.email("email", in.email());
        boolean reachable = (in.phone() != null && !in.phone().isBlank())
                || (in.email() != null && !in.email().isBlank());
        if (!reachable) {
            checks.add("phone", "communications.directory.reach-required");
        }
        if (in.accountId() != null) {
            Set<Role> roles = accounts.rolesOf(in.accountId());
            if (roles == null || roles.stream().noneMatch(Role::isStaff)) {
                checks.add("accountId", "communications.directory.account-invalid", in.accountId());
            }
        }
        checks.throwIfAny();
        return save(
                subject,
                STAFF,
                in.id(),
                in.version(),
                in.scope(),
                e -> {
                    e.name = name;
                    e.role = role;
                    e.phone = phone;
                    e.email = email;
                    e.accountId = in.accountId();
                },
                StaffContactEntity::view,
                (em, e) -> {});
    }

    @Override
    public void deleteStaffContact(Subject subject, long contactId, long version) {
        delete(subject, STAFF, contactId, version, (em, e) -> {});
    }

    @Override
    public EmergencyContact saveEmergencyContact(Subject subject, EmergencyContact in) {
        Objects.requireNonNull(in, "contact");
        Checks checks = new Checks();
        if (in.kind() == null) {
            checks.add("kind", "communications.directory.kind-required");
        }
        String company = checks.required("company", in.company(), 200, "communications.directory.company-invalid");
        String phone = checks.phone("phone", in.phone(), true);
        String note = checks.optional("note", in.note(), 500, "communications.directory.note-invalid");
        checks.throwIfAny();
        return save(
                subject,
                EMERGENCY,
                in.id(),
                in.version(),
                in.scope(),
                e -> {
                    e.kind = in.kind();
                    e.company = company;
                    e.phone = phone;
                    e.note = note;
                },
                EmergencyContactEntity::view,
                (em, e) -> {});
    }

    @Override
    public void deleteEmergencyContact(Subject subject, long contactId, long version) {
        delete(subject, EMERGENCY, contactId, version, (em, e) -> {});
    }

    private static Office withHours(EntityManager em, OfficeEntity e) {
        return e.view(hoursOf(em, List.of(e)).getOrDefault(e.id, List.of()));
    }

    private static Map<String, Object> scope(ContactScope scope) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scopeType", scope.type().name());
        m.put("scopeId", scope.id());
        return m;
    }

    private static Map<String, Object> describe(Office o) {
        Map<String, Object> m = scope(o.scope());
        m.put("name", o.name());
        m.put("address", o.address());
        m.put("phone", o.phone());
        m.put("email", o.email());
        m.put(
                "hours",
                o.hours().stream()
                        .map(h -> h.day() + " " + h.from() + "-" + h.to())
                        .toList());
        m.put("closedDays", o.closedDays().stream().map(Object::toString).toList());
        m.put("note", o.note());
        return m;
    }

    private static Map<String, Object> describe(StaffContact s) {
        Map<String, Object> m = scope(s.scope());
        m.put("name", s.name());
        m.put("role", s.role());
        m.put("phone", s.phone());
        m.put("email", s.email());
        m.put("accountId", s.accountId());
        return m;
    }

    private static Map<String, Object> describe(EmergencyContact e) {
        Map<String, Object> m = scope(e.scope());
        m.put("kind", e.kind().name());
        m.put("company", e.company());
        m.put("phone", e.phone());
        m.put("note", e.note());
        return m;
    }
}
