package org.domus.core.internal.registry;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;
import javax.persistence.TypedQuery;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.domus.core.DomusException;
import org.domus.core.DomusException.Kind;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.access.Permission;
import org.domus.core.access.RegistryLocation;
import org.domus.core.access.RegistryScope;
import org.domus.core.access.ScopeType;
import org.domus.core.internal.account.Audit;
import org.domus.core.registry.Address;
import org.domus.core.registry.Building;
import org.domus.core.registry.BuildingFilter;
import org.domus.core.registry.ContactData;
import org.domus.core.registry.Estate;
import org.domus.core.registry.Holding;
import org.domus.core.registry.LegalForm;
import org.domus.core.registry.Money;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Page;
import org.domus.core.registry.PaymentIdentifiers;
import org.domus.core.registry.Person;
import org.domus.core.registry.PersonFilter;
import org.domus.core.registry.PersonKind;
import org.domus.core.registry.RegistryPermissions;
import org.domus.core.registry.RegistryService;
import org.domus.core.registry.Share;
import org.domus.core.registry.Tenure;
import org.domus.core.registry.TenureRole;
import org.domus.core.registry.Unit;
import org.domus.core.registry.UnitChange;
import org.domus.core.registry.UnitFilter;
import org.domus.core.registry.UnitKind;
import org.domus.core.registry.UnitSort;
import org.domus.core.registry.UnitState;
import org.domus.persistence.MigratedSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The registry over CORE_ORGANISATION ... CORE_UNIT_HISTORY. Access is decided before anything is read
 * or written; list queries carry the subject's {@link RegistryScope} in their WHERE clause.
 */
@Component(service = RegistryService.class)
public class RegistryServiceImpl implements RegistryService {

    static final String UNIT_TARGET = "(osgi.unit.name=domus.core)";
    static final String SCHEMA_TARGET = "(" + MigratedSchema.PROPERTY + "=org.domus.core)";

    /** Largest page a caller may ask for; REST allows less. */
    static final int MAX_PAGE = 1000;

    /** Length of CORE_UNIT.HOLDERS_KEY. */
    static final int HOLDERS_KEY_MAX = 4000;

    private static final Permission READ = RegistryPermissions.READ;
    private static final Permission WRITE = RegistryPermissions.WRITE;
    private static final String EQUIPMENT_SEPARATOR = "\n";

    private final JpaTemplate jpa;
    private final AccessPolicy policy;
    private final Clock clock;

    @Activate
    public RegistryServiceImpl(
            @Reference(target = UNIT_TARGET) JpaTemplate jpa,
            @Reference(target = SCHEMA_TARGET) MigratedSchema schema,
            @Reference AccessPolicy policy) {
        this(jpa, schema, policy, Clock.systemUTC());
    }

    /**
     * For tests, generators and benchmarks outside OSGi. A factory rather than a second public
     * constructor: SCR tries every public constructor with as many parameters as the component has
     * references, and logs an error for each one whose types do not match.
     */
    public static RegistryServiceImpl create(JpaTemplate jpa, AccessPolicy policy, Clock clock) {
        return new RegistryServiceImpl(jpa, null, policy, clock);
    }

    private RegistryServiceImpl(JpaTemplate jpa, MigratedSchema schema, AccessPolicy policy, Clock clock) {
        this.jpa = Objects.requireNonNull(jpa);
        this.policy = Objects.requireNonNull(policy);
        this.clock = Objects.requireNonNull(clock);
        backfillHolderKeys();
    }

    @Override
    public <T> T allOrNothing(java.util.function.Supplier<T> work) {
        // Every service of the core shares this template, and Required joins the transaction open on the
        // thread, so the calls inside commit or roll back with this one.
        return jpa.txExpr(TransactionType.Required, em -> work.get());
    }

    // ---- organisations and estates -------------------------------------------------------------------

    @Override
    public Organisation createOrganisation(Subject actor, Organisation o) {
        requireAdmin(actor);
        OrganisationEntity checked = checkOrganisation(o);
        return write(em -> {
            OrganisationEntity e = new OrganisationEntity();
            copy(checked, e);
            em.persist(e);
            em.flush();
            Organisation created = view(e);
            Audit.record(
                    em, actor, now(), "registry.organisation.create", "organisation", e.id, null, describe(created));
            return created;
        });
    }

    @Override
    public Organisation updateOrganisation(Subject actor, Organisation o) {
        // Outside the subject's sight: 404 to residents, 403 to other staff; then only administrators change it.
        policy.requireRegistry(
                actor, WRITE, policy.locate(ScopeType.ORGANISATION, o.id()), false, "registry.organisation.not-found");
        requireAdmin(actor);
        OrganisationEntity checked = checkOrganisation(o);
        return write(em -> {
            OrganisationEntity e = em.find(OrganisationEntity.class, o.id());
            if (e == null) {
                throw new DomusException(Kind.NOT_FOUND, "registry.organisation.not-found");
            }
            checkVersion(e.version, o.version());
            Organisation before = view(e);
            copy(checked, e);
            em.flush();
            Organisation after = view(e);
            Audit.record(
                    em,
                    actor,
                    now(),
                    "registry.organisation.update",
                    "organisation",
                    e.id,
                    describe(before),
                    describe(after));
            return after;
        });
    }

    @Override
    public Organisation organisation(Subject actor, long id) {
        // As an estate: staff whose scope covers the whole organisation; 404 to residents, 403 to other staff.
        policy.requireRegistry(
                actor, READ, policy.locate(ScopeType.ORGANISATION, id), false, "registry.organisation.not-found");
        return jpa.txExpr(TransactionType.Required, em -> {
            OrganisationEntity e = em.find(OrganisationEntity.class, id);
            if (e == null) {
                throw new DomusException(Kind.NOT_FOUND, "registry.organisation.not-found");
            }
            return view(e);
        });
    }

    /** Organisations are outside every scope: only a subject whose write scope is everything changes them. */
    private void requireAdmin(Subject actor) {
        if (!policy.registryScope(actor, WRITE).all()) {
            throw new DomusException(Kind.FORBIDDEN, "error.forbidden", WRITE.name());
        }
    }

    /**
     * The organisation's fields cleaned (stripped, IBAN compact, codes upper case), or every refused field at
     * once: the IBAN's length and mod-97 checksum, the BIC's shape, and for a Polish organisation the NIP's
     * check digit (the ZBP transfer code carries it).
     */
    private static OrganisationEntity checkOrganisation(Organisation o) {
        Checks c = new Checks();
        OrganisationEntity e = new OrganisationEntity();
        e.name = c.text("name", o.name(), 200, true);
        e.registrationNumber = c.text("registrationNumber", o.registrationNumber(), 32, false);
        e.country = c.country("country", o.country(), true);
        String currency = c.text("currency", o.currency(), 3, true);
        if (currency != null) {
            try {
                currency = java.util.Currency.getInstance(currency.toUpperCase(java.util.Locale.ROOT))
                        .getCurrencyCode();
            } catch (IllegalArgumentException ex) {
                c.add("currency", "registry.currency.invalid");
            }
        }
        e.currency = currency;
        String iban = c.text("iban", o.iban(), 42, false);
        if (iban != null) {
            iban = PaymentIdentifiers.compact(iban);
            if (!PaymentIdentifiers.isValidIban(iban)) {
                c.add("iban", "registry.iban.invalid");
            }
        }
        e.iban = iban;
        String bic = c.text("bic", o.bic(), 11, false);
        if (bic != null) {
            bic = PaymentIdentifiers.compact(bic);
            if (!PaymentIdentifiers.isValidBic(bic)) {
                c.add("bic", "registry.bic.invalid");
            }
        }
        e.bic = bic;
        e.accountName = c.text("accountName", o.accountName(), 70, false);
        String taxId = c.text("taxId", o.taxId(), 32, false);
        if (taxId != null && "PL".equals(e.country) && !PaymentIdentifiers.isValidNip(taxId)) {
            c.add("taxId", "registry.nip.invalid");
        }
        e.taxId = taxId;
        c.throwIfAny();
        return e;
    }

    private static void copy(OrganisationEntity from, OrganisationEntity to) {
        to.name = from.name;
        to.registrationNumber = from.registrationNumber;
        to.country = from.country;
        to.currency = from.currency;
        to.iban = from.iban;
        to.bic = from.bic;
        to.accountName = from.accountName;
        to.taxId = from.taxId;
    }

    @Override
    public List<Organisation> organisations(Subject actor) {
        RegistryScope scope = staffScope(actor, READ);
        return jpa.txExpr(TransactionType.Required, em -> {
            List<OrganisationEntity> all = em.createQuery(
                            "SELECT o FROM OrganisationEntity o ORDER BY o.name, o.id", OrganisationEntity.class)
                    .getResultList();
            List<Organisation> result = new ArrayList<>();
            Set<Long> visible = scope.all() ? null : organisationsTouched(em, scope);
            for (OrganisationEntity o : all) {
                if (visible == null || visible.contains(o.id)) {
                    result.add(view(o));
                }
            }
            return result;
        });
    }

    /** Organisations in which the scope covers anything (a handful of ids, read by primary key). */
    static Set<Long> organisationsTouched(EntityManager em, RegistryScope scope) {
        Set<Long> ids = new HashSet<>(scope.organisationIds());
        for (Long e : scope.estateIds()) {
            EstateEntity estate = em.find(EstateEntity.class, e);
            if (estate != null) {
                ids.add(estate.organisationId);
            }
        }
        for (Long b : scope.buildingIds()) {
            BuildingEntity building = em.find(BuildingEntity.class, b);
            if (building != null) {
                ids.add(building.organisationId);
            }
        }
        return ids;
    }

    @Override
    public Estate createEstate(Subject actor, Estate estate) {
        policy.requireRegistry(
                actor,
                WRITE,
                policy.locate(ScopeType.ORGANISATION, estate.organisationId()),
                false,
                "registry.organisation.not-found");
        Checks c = new Checks();
        String name = c.text("name", estate.name(), 200, true);
        c.throwIfAny();
        return write(em -> {
            EstateEntity e = new EstateEntity();
            e.organisationId = estate.organisationId();
            e.name = name;
            e.nameKey = Checks.key(name);
            em.persist(e);
            em.flush();
            Estate created = view(e);
            Audit.record(em, actor, now(), "registry.estate.create", "estate", e.id, null, describe(created));
            return created;
        });
    }

    @Override
    public Estate updateEstate(Subject actor, Estate estate) {
        policy.requireEstate(actor, WRITE, estate.id());
        Checks c = new Checks();
        String name = c.text("name", estate.name(), 200, true);
        c.throwIfAny();
        return write(em -> {
            EstateEntity e = em.find(EstateEntity.class, estate.id());
            checkVersion(e.version, estate.version());
            Estate before = view(e);
            e.name = name;
            e.nameKey = Checks.key(name);
            em.flush();
            Estate after = view(e);
            Audit.record(em, actor, now(), "registry.estate.update", "estate", e.id, describe(before), describe(after));
            return after;
        });
    }

    @Override
    public Estate estate(Subject actor, long id) {
        policy.requireEstate(actor, READ, id);
        return jpa.txExpr(TransactionType.Required, em -> view(em.find(EstateEntity.class, id)));
    }

    @Override
    public Page<Estate> estates(Subject actor, int offset, int limit) {
        RegistryScope scope = staffScope(actor, READ);
        checkPage(offset, limit);
        return jpa.txExpr(TransactionType.Required, em -> {
            Where w = new Where();
            if (!scope.all()) {
                List<String> any = new ArrayList<>();
                w.in(any, "e.organisationId", scope.organisationIds());
                w.in(any, "e.id", scope.estateIds());
                w.anyOf(any);
            }
            return page(
                    em,
                    "SELECT e FROM EstateEntity e" + w,
                    "SELECT COUNT(e) FROM EstateEntity e" + w,
                    " ORDER BY e.nameKey, e.id",
                    w,
                    EstateEntity.class,
                    offset,
                    limit,
                    RegistryServiceImpl::view);
        });
    }

    // ---- buildings ---------------------------------------------------------------------------------

    @Override
    public Building createBuilding(Subject actor, Building building) {
        policy.requireEstate(actor, WRITE, building.estateId());
        Building clean = checkBuilding(building);
        return write(em -> {
            EstateEntity estate = em.find(EstateEntity.class, building.estateId());
            checkAddressFree(em, clean, null);
            BuildingEntity b = new BuildingEntity();
            b.estateId = estate.id;
            b.organisationId = estate.organisationId;
            apply(b, clean);
            em.persist(b);
            em.flush();
            Building created = view(b);
            Audit.record(em, actor, now(), "registry.building.create", "building", b.id, null, describe(created));
            return created;
        });
    }

    @Override
    public Building updateBuilding(Subject actor, Building building) {
        policy.requireBuilding(actor, WRITE, building.id());
        Building clean = checkBuilding(building);
        return write(em -> {
            BuildingEntity b = em.find(BuildingEntity.class, building.id());
            checkVersion(b.version, building.version());
            checkAddressFree(em, clean, b.id);
            Building before = view(b);
            apply(b, clean);
            em.flush();
            // Units carry the building's sort keys (see the changelog); keep them in step.
            em.createQuery("UPDATE UnitEntity u SET u.streetKey = :street, u.buildingKey = :number"
                            + " WHERE u.buildingId = :building")
                    .setParameter("street", b.streetKey)
                    .setParameter("number", b.numberKey)
                    .setParameter("building", b.id)
                    .executeUpdate();
            Building after = view(b);
            Audit.record(
                    em, actor, now(), "registry.building.update", "building", b.id, describe(before), describe(after));
            return after;
        });
    }

    static Building checkBuilding(Building b) {
        Checks c = new Checks();
        String street = c.text("street", b.street(), 200, true);
        String number = c.text("number", b.number(), 32, true);
        String city = c.text("city", b.city(), 100, true);
        String postcode = c.text("postcode", b.postcode(), 16, false);
        String country = c.country("country", b.country(), true);
        c.decimal("latitude", b.latitude(), BigDecimal.valueOf(-90), BigDecimal.valueOf(90), 6);
        c.decimal("longitude", b.longitude(), BigDecimal.valueOf(-180), BigDecimal.valueOf(180), 6);
        if ((b.latitude() == null) != (b.longitude() == null)) {
            c.add(b.latitude() == null ? "latitude" : "longitude", "registry.geo.both");
        }
        c.throwIfAny();
        return new Building(
                b.id(),
                b.estateId(),
                street,
                number,
                city,
                postcode,
                country,
                b.latitude(),
                b.longitude(),
                b.version());
    }

    private static void checkAddressFree(EntityManager em, Building b, Long self) {
        List<Long> same = em.createQuery(
                        "SELECT b.id FROM BuildingEntity b WHERE b.estateId = :estate AND b.streetKey = :street"
                                + " AND b.numberKey = :number AND b.city = :city",
                        Long.class)
                .setParameter("estate", b.estateId())
                .setParameter("street", Checks.key(b.street()))
                .setParameter("number", Checks.sortKey(b.number()))
                .setParameter("city", b.city())
                .getResultList();
        if (same.stream().anyMatch(id -> !id.equals(self))) {
            Checks c = new Checks();
            c.add("number", "registry.building.address.taken");
            c.throwIfAny();
        }
    }

    private static void apply(BuildingEntity b, Building v) {
        b.street = v.street();
        b.streetKey = Checks.key(v.street());
        b.number = v.number();
        b.numberKey = Checks.sortKey(v.number());
        b.city = v.city();
        b.postcode = v.postcode();
        b.country = v.country();
        b.latitude = v.latitude();
        b.longitude = v.longitude();
    }

    @Override
    public Building building(Subject actor, long id) {
        policy.requireBuilding(actor, READ, id);
        return jpa.txExpr(TransactionType.Required, em -> view(em.find(BuildingEntity.class, id)));
    }

    @Override
    public Page<Building> buildings(Subject actor, BuildingFilter filter, int offset, int limit) {
        RegistryScope scope = staffScope(actor, READ);
        checkPage(offset, limit);
        BuildingFilter f = filter == null ? BuildingFilter.NONE : filter;
        return jpa.txExpr(TransactionType.Required, em -> {
            Where w = new Where();
            if (!scope.all()) {
                List<String> any = new ArrayList<>();
                w.in(any, "b.organisationId", scope.organisationIds());
                w.in(any, "b.estateId", scope.estateIds());
                w.in(any, "b.id", scope.buildingIds());
                w.anyOf(any);
            }
            if (f.estateId() != null) {
                w.and("b.estateId = :estate", "estate", f.estateId());
            }
            if (f.street() != null && !f.street().isBlank()) {
                // What the lists show: "Opatovská 1933/1, 148 00 Praha"; typed up to the comma, it still matches.
                String typed = f.street().split(",", 2)[0];
                w.and(
                        "CONCAT(CONCAT(b.streetKey, ' '), LOWER(b.number)) LIKE :street ESCAPE '!'",
                        "street",
                        Checks.like(typed.strip().replaceAll("\\s+", " "), false));
            }
            return page(
                    em,
                    "SELECT b FROM BuildingEntity b" + w,
                    "SELECT COUNT(b) FROM BuildingEntity b" + w,
                    " ORDER BY b.streetKey, b.numberKey, b.id",
                    w,
                    BuildingEntity.class,
                    offset,
                    limit,
                    RegistryServiceImpl::view);
        });
    }

    // ---- units ---------------------------------------------------------------------------------------

    @Override
    public Unit createUnit(Subject actor, Unit unit) {
        return createUnits(actor, List.of(unit)).get(0);
    }

    @Override
    public List<Unit> createUnits(Subject actor, List<Unit> units) {
        // Sorted: the buildings are locked in this order, so two batches cannot deadlock.
        Set<Long> buildings = units.stream().map(Unit::buildingId).collect(Collectors.toCollection(TreeSet::new));
        for (Long building : buildings) {
            policy.requireBuilding(actor, WRITE, building);
        }
        List<Unit> clean = new ArrayList<>();
        for (Unit u : units) {
            clean.add(checkUnit(u));
        }
        Instant now = now();
        return write(em -> {
            Map<Long, BuildingEntity> byId = new HashMap<>();
            Map<Long, Share> sums = new HashMap<>();
            Map<Long, Set<String>> numbers = new HashMap<>();
            Map<Long, Set<String>> symbols = new HashMap<>();
            for (Long id : buildings) {
                // The building row is the lock of its share sum: a concurrent unit write waits until we commit.
                BuildingEntity b = em.find(BuildingEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
                byId.put(id, b);
                sums.put(id, shareSum(em, id, null));
                numbers.put(
                        id,
                        new HashSet<>(em.createQuery(
                                        "SELECT u.number FROM UnitEntity u WHERE u.buildingId = :b", String.class)
                                .setParameter("b", id)
                                .getResultList()));
                symbols.computeIfAbsent(b.organisationId, o -> variableSymbols(em, o));
            }
            // Everything is checked before anything is written, and the batch is flushed once: a flush per
            // unit makes the persistence context re-scan every unit written before it (quadratic).
            Checks c = new Checks();
            List<UnitEntity> entities = new ArrayList<>();
            for (int i = 0; i < clean.size(); i++) {
                Unit u = clean.get(i);
                String prefix = units.size() == 1 ? "" : "[" + i + "].";
                Share before = sums.get(u.buildingId());
                Share sum = before.plus(u.share());
                if (!sum.isAtMostOne()) {
                    c.add(prefix + "share", "registry.unit.share.sum", before.toString());
                }
                if (!numbers.get(u.buildingId()).add(u.number())) {
                    c.add(prefix + "number", "registry.unit.number.taken");
                }
                BuildingEntity b = byId.get(u.buildingId());
                if (u.variableSymbol() != null && !symbols.get(b.organisationId).add(u.variableSymbol())) {
                    // Payments are matched by the symbol, so it must name one unit of the organisation.
                    c.add(prefix + "variableSymbol", "registry.vs.taken");
                }
                sums.put(u.buildingId(), sum);
                UnitEntity e = new UnitEntity();
                e.buildingId = b.id;
                e.estateId = b.estateId;
                e.organisationId = b.organisationId;
                e.streetKey = b.streetKey;
                e.buildingKey = b.numberKey;
                apply(e, u);
                entities.add(e);
            }
            c.throwIfAny();
            entities.forEach(em::persist);
            em.flush();
            List<Unit> created = new ArrayList<>();
            for (UnitEntity e : entities) {
                Unit view = view(e);
                Audit.record(em, actor, now, "registry.unit.create", "unit", e.id, null, describe(view));
                history(em, actor, now, e.id, "created", null, view.number());
                created.add(view);
            }
            return created;
        });
    }

    private static void preload(EntityManager em, Class<?> type, Set<Long> ids) {
        if (ids.size() < 2) {
            return;
        }
        List<Long> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += 500) {
            em.createQuery("SELECT x FROM " + type.getSimpleName() + " x WHERE x.id IN :ids", type)
                    .setParameter("ids", all.subList(from, Math.min(all.size(), from + 500)))
                    .getResultList();
        }
    }

    private static Set<String> variableSymbols(EntityManager em, long organisation) {
        return new HashSet<>(em.createQuery(
                        "SELECT u.variableSymbol FROM UnitEntity u WHERE u.organisationId = :o"
                                + " AND u.variableSymbol IS NOT NULL",
                        String.class)
                .setParameter("o", organisation)
                .getResultList());
    }

    @Override
    public Unit updateUnit(Subject actor, Unit unit) {
        policy.requireUnit(actor, WRITE, unit.id());
        Unit u = checkUnit(unit);
        Instant now = now();
        return write(em -> {
            UnitEntity e = em.find(UnitEntity.class, unit.id());
            checkVersion(e.version, unit.version());
            if (e.buildingId != unit.buildingId()) {
                Checks moved = new Checks();
                moved.add("buildingId", "registry.unit.building.fixed");
                moved.throwIfAny();
            }
            Checks c = new Checks();
            em.find(BuildingEntity.class, e.buildingId, LockModeType.PESSIMISTIC_WRITE);
            Share others = shareSum(em, e.buildingId, e.id);
            if (!others.plus(u.share()).isAtMostOne()) {
                c.add("share", "registry.unit.share.sum", others.toString());
            }
            if (!e.number.equals(u.number())
                    && !em.createQuery(
                                    "SELECT u.id FROM UnitEntity u WHERE u.buildingId = :b AND u.number = :n",
                                    Long.class)
                            .setParameter("b", e.buildingId)
                            .setParameter("n", u.number())
                            .getResultList()
                            .isEmpty()) {
                c.add("number", "registry.unit.number.taken");
            }
            checkVariableSymbolFree(em, c, "", u.variableSymbol(), e.organisationId, e.id);
            c.throwIfAny();
            Unit before = view(e);
            apply(e, u);
            em.flush();
            Unit after = view(e);
            Map<String, Object> b = describe(before);
            Map<String, Object> a = describe(after);
            for (String field : a.keySet()) {
                if (!Objects.equals(b.get(field), a.get(field))) {
                    history(em, actor, now, e.id, field, str(b.get(field)), str(a.get(field)));
                }
            }
            Audit.record(em, actor, now, "registry.unit.update", "unit", e.id, b, a);
            return after;
        });
    }

    static Unit checkUnit(Unit u) {
        Checks c = new Checks();
        String number = c.text("number", u.number(), 32, true);
        c.required("kind", u.kind());
        c.required("legalForm", u.legalForm());
        c.required("state", u.state());
        c.required("area", u.area());
        if (u.area() != null && u.area().signum() <= 0) {
            c.add("area", "registry.positive");
        } else {
            c.decimal("area", u.area(), BigDecimal.ZERO, new BigDecimal("99999999.99"), 2);
        }
        c.range("floor", u.floor(), -10, 300);
        String staircase = c.text("staircase", u.staircase(), Unit.STAIRCASE_MAX_LENGTH, false);
        if (staircase != null && staircase.length() <= Unit.STAIRCASE_MAX_LENGTH && !Unit.isValidStaircase(staircase)) {
            c.add("staircase", "registry.staircase.invalid");
        }
        c.range("rooms", u.rooms(), 0, 100);
        List<String> equipment = new ArrayList<>();
        for (String item : u.equipment()) {
            String s = c.text("equipment", item, 100, false);
            if (s != null) {
                if (s.contains(EQUIPMENT_SEPARATOR)) {
                    c.add("equipment", "registry.equipment.invalid");
                }
                equipment.add(s);
            }
        }
        if (String.join(EQUIPMENT_SEPARATOR, equipment).length() > 2000) {
            c.add("equipment", "registry.too-long", 2000);
        }
        c.required("share", u.share());
        if (u.share() != null && !u.share().isAtMostOne()) {
            c.add("share", "registry.share.above-one");
        }
        if (u.rent() != null) {
            c.decimal("rent", u.rent().amount(), BigDecimal.ZERO, new BigDecimal("999999999999.99"), 2);
        }
        String vs = u.variableSymbol() == null || u.variableSymbol().isBlank()
                ? null
                : u.variableSymbol().strip();
        if (vs != null) {
            String problem = PaymentIdentifiers.variableSymbolProblem(vs);
            if (problem != null) {
                c.add("variableSymbol", problem);
            }
        }
        String nrb = u.virtualAccount() == null || u.virtualAccount().isBlank()
                ? null
                : PaymentIdentifiers.compact(u.virtualAccount());
        if (nrb != null && !PaymentIdentifiers.isValidNrb(nrb)) {
            c.add("virtualAccount", "registry.nrb.invalid");
        }
        c.throwIfAny();
        return new Unit(
                u.id(),
                u.buildingId(),
                number,
                u.kind(),
                u.floor(),
                staircase,
                u.area(),
                u.rooms(),
                equipment,
                u.share(),
                u.legalForm(),
                u.state(),
                u.rent(),
                vs,
                nrb,
                u.version());
    }

    private static void checkVariableSymbolFree(
            EntityManager em, Checks c, String prefix, String vs, long organisation, Long self) {
        if (vs == null) {
            return;
        }
        // Payments are matched by the symbol, so it must name one unit of the organisation.
        List<Long> taken = em.createQuery(
                        "SELECT u.id FROM UnitEntity u WHERE u.variableSymbol = :vs AND u.organisationId = :o",
                        Long.class)
                .setParameter("vs", vs)
                .setParameter("o", organisation)
                .getResultList();
        if (taken.stream().anyMatch(id -> !id.equals(self))) {
            c.add(prefix + "variableSymbol", "registry.vs.taken");
        }
    }

    private static Share shareSum(EntityManager em, long building, Long except) {
        List<Object[]> rows = em.createQuery(
                        "SELECT u.id, u.shareNumerator, u.shareDenominator FROM UnitEntity u WHERE u.buildingId = :b",
                        Object[].class)
                .setParameter("b", building)
                .getResultList();
        Share sum = Share.ZERO;
        for (Object[] r : rows) {
            if (!r[0].equals(except)) {
                sum = sum.plus(new Share((Long) r[1], (Long) r[2]));
            }
        }
        return sum;
    }

    private static void apply(UnitEntity e, Unit u) {
        e.number = u.number();
        e.numberKey = Checks.sortKey(u.number());
        e.kind = u.kind().name();
        e.floor = u.floor();
        e.staircase = u.staircase();
        e.area = u.area();
        e.rooms = u.rooms();
        e.equipment = u.equipment().isEmpty() ? null : String.join(EQUIPMENT_SEPARATOR, u.equipment());
        e.shareNumerator = u.share().numerator();
        e.shareDenominator = u.share().denominator();
        e.legalForm = u.legalForm().name();
        e.state = u.state().name();
        e.rentAmount = u.rent() == null ? null : u.rent().amount();
        e.rentCurrency = u.rent() == null ? null : u.rent().currency();
        e.variableSymbol = u.variableSymbol();
        e.virtualAccount = u.virtualAccount();
    }

    @Override
    public Unit unit(Subject actor, long id) {
        policy.requireUnit(actor, READ, id);
        return jpa.txExpr(TransactionType.Required, em -> view(em.find(UnitEntity.class, id)));
    }

    @Override
    public Page<Unit> units(Subject actor, UnitFilter filter, UnitSort sort, int offset, int limit) {
        RegistryScope scope = staffScope(actor, READ);
        checkPage(offset, limit);
        UnitSort order = sort == null ? UnitSort.ADDRESS : sort;
        return jpa.txExpr(TransactionType.Required, em -> {
            UnitSelection s = unitSelection(scope, filter);
            return page(
                    em,
                    s.select() + s.where(),
                    s.count() + s.where(),
                    unitOrder(order),
                    s.where(),
                    UnitEntity.class,
                    offset,
                    limit,
                    RegistryServiceImpl::view);
        });
    }

    @Override
    public long countUnits(Subject actor, UnitFilter filter) {
        RegistryScope scope = staffScope(actor, READ);
        return jpa.txExpr(TransactionType.Required, em -> {
            UnitSelection s = unitSelection(scope, filter);
            TypedQuery<Long> q = em.createQuery(s.count() + s.where(), Long.class);
            s.where().bind(q);
            return q.getSingleResult();
        });
    }

    /**
     * The unit list's query. A holder-name filter joins the tenures and persons (DISTINCT): Derby then starts
     * from the persons whose name matches instead of probing every unit's tenures, and an {@code IN} subquery
     * would be evaluated once per unit.
     */
    private record UnitSelection(String select, String count, Where where) {}

    private static UnitSelection unitSelection(RegistryScope scope, UnitFilter filter) {
        UnitFilter f = filter == null ? UnitFilter.NONE : filter;
        Where w = unitWhere(scope, f);
        if (f.person() == null || f.person().isBlank()) {
            return new UnitSelection("SELECT u FROM UnitEntity u", "SELECT COUNT(u) FROM UnitEntity u", w);
        }
        w.and("u.holdersKey LIKE :person ESCAPE '!'", "person", Checks.like(f.person(), true));
        return new UnitSelection("SELECT u FROM UnitEntity u", "SELECT COUNT(u) FROM UnitEntity u", w);
    }

    /**
     * Recomputes the units' holder-name search key ({@code CORE_UNIT.HOLDERS_KEY}: the name keys of every
     * current and former holder, {@code |}-separated) in the caller's transaction. Plain SQL updates: the key
     * is not the unit's data, so the unit's version (its optimistic lock) stays as it is.
     */
    static void refreshHolderKeys(EntityManager em, Collection<Long> unitIds) {
        List<Long> ids = unitIds.stream().distinct().sorted().toList();
        if (ids.isEmpty()) {
            return;
        }
        // Callers have flushed their changes; a flush before each query would walk the whole persistence
        // context (tens of thousands of objects in a generator's or an import's batch).
        em.flush();
        java.sql.Connection connection = em.unwrap(java.sql.Connection.class);
        try (java.sql.PreparedStatement update =
                connection.prepareStatement("UPDATE CORE_UNIT SET HOLDERS_KEY = ? WHERE ID = ?")) {
            for (int from = 0; from < ids.size(); from += MAX_PAGE) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + MAX_PAGE));
                Map<Long, Set<String>> names = new HashMap<>();
                for (Object[] row : em.createQuery(
                                "SELECT t.unitId, p.nameKey FROM TenureEntity t, PersonEntity p"
                                        + " WHERE t.personId = p.id AND t.unitId IN :units",
                                Object[].class)
                        .setParameter("units", chunk)
                        .setFlushMode(javax.persistence.FlushModeType.COMMIT)
                        .getResultList()) {
                    names.computeIfAbsent((Long) row[0], k -> new java.util.TreeSet<>())
                            .add((String) row[1]);
                }
                for (Long id : chunk) {
                    String key = String.join("|", names.getOrDefault(id, Set.of()));
                    update.setString(1, key.length() > HOLDERS_KEY_MAX ? key.substring(0, HOLDERS_KEY_MAX) : key);
                    update.setLong(2, id);
                    update.addBatch();
                }
                update.executeBatch();
            }
        } catch (java.sql.SQLException e) {
            throw new PersistenceException(e.getMessage(), e);
        }
    }

    /** Units the person holds or held. */
    static List<Long> unitsHeldBy(EntityManager em, long personId) {
        return em.createQuery("SELECT DISTINCT t.unitId FROM TenureEntity t WHERE t.personId = :p", Long.class)
                .setParameter("p", personId)
                .getResultList();
    }

    /**
     * Units with tenures whose holder key was never computed (databases from before the key existed): computed
     * once at start-up.
     */
    private void backfillHolderKeys() {
        jpa.tx(
                TransactionType.Required,
                em -> refreshHolderKeys(
                        em,
                        em.createQuery(
                                        "SELECT DISTINCT t.unitId FROM TenureEntity t, UnitEntity u"
                                                + " WHERE t.unitId = u.id AND u.holdersKey IS NULL",
                                        Long.class)
                                .getResultList()));
    }

    private static String unitOrder(UnitSort sort) {
        String d = sort.descending() ? " DESC" : "";
        String address = "u.streetKey" + d + ", u.buildingKey" + d + ", u.numberKey" + d + ", u.id" + d;
        return " ORDER BY "
                + switch (sort.key()) {
                    case ADDRESS -> address;
                    case NUMBER -> "u.numberKey" + d + ", " + address;
                    case KIND -> "u.kind" + d + ", " + address;
                    case FLOOR -> "u.floor" + d + ", " + address;
                    case AREA -> "u.area" + d + ", " + address;
                    case STATE -> "u.state" + d + ", " + address;
                };
    }

    /** The scope and the filters on the unit itself; {@link #unitSelection} adds the holder-name filter. */
    private static Where unitWhere(RegistryScope scope, UnitFilter filter) {
        UnitFilter f = filter == null ? UnitFilter.NONE : filter;
        Where w = new Where();
        if (!scope.all()) {
            List<String> any = new ArrayList<>();
            w.in(any, "u.organisationId", scope.organisationIds());
            w.in(any, "u.estateId", scope.estateIds());
            w.in(any, "u.buildingId", scope.buildingIds());
            w.in(any, "u.id", scope.unitIds());
            w.anyOf(any);
        }
        if (f.estateId() != null) {
            w.and("u.estateId = :estate", "estate", f.estateId());
        }
        if (f.buildingId() != null) {
            w.and("u.buildingId = :building", "building", f.buildingId());
        }
        if (f.street() != null && !f.street().isBlank()) {
            w.and("u.streetKey LIKE :street ESCAPE '!'", "street", Checks.like(f.street(), false));
        }
        if (f.number() != null && !f.number().isBlank()) {
            w.and("LOWER(u.number) LIKE :number ESCAPE '!'", "number", Checks.like(f.number(), false));
        }
        return w;
    }

    @Override
    public Page<UnitChange> history(Subject actor, long unitId, int offset, int limit) {
        policy.requireUnit(actor, READ, unitId);
        checkPage(offset, limit);
        return jpa.txExpr(TransactionType.Required, em -> {
            Where w = new Where();
            w.and("h.unitId = :unit", "unit", unitId);
            return page(
                    em,
                    "SELECT h FROM UnitHistoryEntity h" + w,
                    "SELECT COUNT(h) FROM UnitHistoryEntity h" + w,
                    " ORDER BY h.occurredAt DESC, h.id DESC",
                    w,
                    UnitHistoryEntity.class,
                    offset,
                    limit,
                    h -> new UnitChange(h.id, h.unitId, h.occurredAt, h.actorLogin, h.field, h.before, h.after));
        });
    }

    // ---- persons ---------------------------------------------------------------------------------------

    @Override
    public Person createPerson(Subject actor, Person person) {
        return createPersons(actor, List.of(person)).get(0);
    }

    @Override
    public List<Person> createPersons(Subject actor, List<Person> persons) {
        RegistryScope scope = staffScope(actor, WRITE);
        List<Person> clean = new ArrayList<>();
        for (Person p : persons) {
            clean.add(checkPerson(p));
        }
        Instant now = now();
        return write(em -> {
            Set<Long> organisations = clean.stream().map(Person::organisationId).collect(Collectors.toSet());
            Set<Long> touched = scope.all() ? Set.of() : organisationsTouched(em, scope);
            for (Long o : organisations) {
                if (em.find(OrganisationEntity.class, o) == null) {
                    throw new DomusException(Kind.NOT_FOUND, "registry.organisation.not-found");
                }
                if (!scope.all() && !touched.contains(o)) {
                    throw new DomusException(Kind.FORBIDDEN, "error.forbidden", WRITE.name());
                }
            }
            Set<Long> accounts = new HashSet<>();
            List<PersonEntity> entities = new ArrayList<>();
            for (int i = 0; i < clean.size(); i++) {
                Person p = clean.get(i);
                if (p.accountId() != null && !accounts.add(p.accountId())) {
                    Checks c = new Checks();
                    c.add((persons.size() == 1 ? "" : "[" + i + "].") + "accountId", "registry.person.account.taken");
                    c.throwIfAny();
                }
                checkAccountFree(em, p.accountId(), null);
                PersonEntity e = new PersonEntity();
                e.organisationId = p.organisationId();
                apply(e, p);
                entities.add(e);
            }
            // One flush for the batch (see createUnits).
            entities.forEach(em::persist);
            em.flush();
            List<Person> created = new ArrayList<>();
            for (PersonEntity e : entities) {
                Person view = view(e);
                Audit.record(em, actor, now, "registry.person.create", "person", e.id, null, describe(view));
                created.add(view);
            }
            return created;
        });
    }

    @Override
    public Person updatePerson(Subject actor, Person person) {
        requirePerson(actor, WRITE, person.id());
        Person p = checkPerson(person);
        return write(em -> {
            PersonEntity e = em.find(PersonEntity.class, person.id());
            checkVersion(e.version, person.version());
            if (e.organisationId != p.organisationId()) {
                Checks c = new Checks();
                c.add("organisationId", "registry.person.organisation.fixed");
                c.throwIfAny();
            }
            checkAccountFree(em, p.accountId(), e.id);
            Person before = view(e);
            String nameKey = e.nameKey;
            apply(e, p);
            em.flush();
            if (!Objects.equals(nameKey, e.nameKey)) {
                refreshHolderKeys(em, unitsHeldBy(em, e.id));
            }
            Person after = view(e);
            Audit.record(em, actor, now(), "registry.person.update", "person", e.id, describe(before), describe(after));
            return after;
        });
    }

    private static void checkAccountFree(EntityManager em, Long account, Long self) {
        if (account == null) {
            return;
        }
        List<Long> linked = em.createQuery("SELECT p.id FROM PersonEntity p WHERE p.accountId = :a", Long.class)
                .setParameter("a", account)
                .getResultList();
        Checks c = new Checks();
        if (linked.stream().anyMatch(id -> !id.equals(self))) {
            c.add("accountId", "registry.person.account.taken");
        }
        if (em.find(org.domus.core.internal.jpa.AccountEntity.class, account) == null) {
            c.add("accountId", "registry.person.account.unknown");
        }
        c.throwIfAny();
    }

    static Person checkPerson(Person p) {
        Checks c = new Checks();
        c.required("kind", p.kind());
        String first = c.text("firstName", p.firstName(), 100, p.kind() == PersonKind.NATURAL);
        String last = c.text("lastName", p.lastName(), 100, p.kind() == PersonKind.NATURAL);
        String company = c.text("companyName", p.companyName(), 200, p.kind() == PersonKind.LEGAL);
        String reg = c.text("registrationNumber", p.registrationNumber(), 32, false);
        ContactData contact = checkContact(c, new ContactData(p.email(), p.phone(), p.address(), p.bankAccount()));
        c.throwIfAny();
        return new Person(
                p.id(),
                p.organisationId(),
                p.kind(),
                p.kind() == PersonKind.LEGAL ? null : first,
                p.kind() == PersonKind.LEGAL ? null : last,
                p.kind() == PersonKind.LEGAL ? company : null,
                reg,
                contact.email(),
                contact.phone(),
                contact.address(),
                contact.bankAccount(),
                p.accountId(),
                p.version());
    }

    private static ContactData checkContact(Checks c, ContactData d) {
        String email = c.email("email", d.email());
        String phone = c.phone("phone", d.phone());
        Address address = null;
        if (d.address() != null) {
            Address a = d.address();
            String street = c.text("address.street", a.street(), 200, false);
            String city = c.text("address.city", a.city(), 100, false);
            String postcode = c.text("address.postcode", a.postcode(), 16, false);
            String country = c.country("address.country", a.country(), false);
            if (street != null || city != null || postcode != null || country != null) {
                address = new Address(street, city, postcode, country);
            }
        }
        String bank = d.bankAccount() == null || d.bankAccount().isBlank()
                ? null
                : PaymentIdentifiers.compact(d.bankAccount());
        if (bank != null && !PaymentIdentifiers.isValidIban(bank)) {
            c.add("bankAccount", "registry.iban.invalid");
        }
        return new ContactData(email, phone, address, bank);
    }

    private static void apply(PersonEntity e, Person p) {
        e.kind = p.kind().name();
        e.firstName = p.firstName();
        e.lastName = p.lastName();
        e.companyName = p.companyName();
        e.registrationNumber = p.registrationNumber();
        e.nameKey = Checks.key(p.displayName());
        e.accountId = p.accountId();
        applyContact(e, new ContactData(p.email(), p.phone(), p.address(), p.bankAccount()));
    }

    private static void applyContact(PersonEntity e, ContactData d) {
        e.email = d.email();
        e.phone = d.phone();
        Address a = d.address();
        e.addressStreet = a == null ? null : a.street();
        e.addressCity = a == null ? null : a.city();
        e.addressPostcode = a == null ? null : a.postcode();
        e.addressCountry = a == null ? null : a.country();
        e.bankAccount = d.bankAccount();
    }

    @Override
    public Person person(Subject actor, long id) {
        requirePerson(actor, READ, id);
        return jpa.txExpr(TransactionType.Required, em -> view(em.find(PersonEntity.class, id)));
    }

    /**
     * Persons have no place in the hierarchy of their own: organisation-wide staff see every person of
     * the organisation, narrower staff those with a tenure (current or former) in their scope.
     */
    private void requirePerson(Subject actor, Permission permission, long id) {
        RegistryScope scope = policy.registryScope(actor, permission);
        boolean visible = jpa.txExpr(TransactionType.Required, em -> {
            PersonEntity p = em.find(PersonEntity.class, id);
            if (p == null) {
                throw new DomusException(Kind.NOT_FOUND, "registry.person.not-found");
            }
            if (scope.all() || scope.organisationIds().contains(p.organisationId)) {
                return true;
            }
            if (scope.isEmpty()) {
                return false;
            }
            Where w = personTenureScope(scope);
            w.and("t.personId = :person", "person", id);
            TypedQuery<Long> q = em.createQuery(
                    "SELECT COUNT(t) FROM TenureEntity t, UnitEntity u" + w + " AND t.unitId = u.id", Long.class);
            w.bind(q);
            return q.getSingleResult() > 0;
        });
        if (!visible) {
            if (scope.isEmpty()) {
                throw new DomusException(Kind.NOT_FOUND, "registry.person.not-found");
            }
            throw new DomusException(Kind.FORBIDDEN, "error.forbidden", permission.name());
        }
    }

    private static Where personTenureScope(RegistryScope scope) {
        Where w = new Where();
        List<String> any = new ArrayList<>();
        w.in(any, "u.estateId", scope.estateIds());
        w.in(any, "u.buildingId", scope.buildingIds());
        w.in(any, "u.id", scope.unitIds());
        w.anyOf(any);
        return w;
    }

    @Override
    public Page<Person> persons(Subject actor, PersonFilter filter, int offset, int limit) {
        RegistryScope scope = staffScope(actor, READ);
        checkPage(offset, limit);
        PersonFilter f = filter == null ? PersonFilter.NONE : filter;
        return jpa.txExpr(TransactionType.Required, em -> {
            Where w = new Where();
            String from = " FROM PersonEntity p";
            boolean distinct = false;
            if (!scope.all()) {
                List<String> any = new ArrayList<>();
                w.in(any, "p.organisationId", scope.organisationIds());
                List<String> narrow = new ArrayList<>();
                w.in(narrow, "u.estateId", scope.estateIds());
                w.in(narrow, "u.buildingId", scope.buildingIds());
                if (!narrow.isEmpty() && any.isEmpty()) {
                    // Only estates or buildings: walk from the units in scope to their holders (indexed join,
                    // a few hundred rows to sort) instead of testing every person of the organisation.
                    from = " FROM PersonEntity p, TenureEntity t, UnitEntity u";
                    distinct = true;
                    w.and("t.personId = p.id AND t.unitId = u.id");
                    any.addAll(narrow);
                } else if (!narrow.isEmpty()) {
                    any.add("p.id IN (SELECT t.personId FROM TenureEntity t, UnitEntity u WHERE t.unitId = u.id"
                            + " AND (" + String.join(" OR ", narrow) + "))");
                }
                w.anyOf(any);
            }
            if (f.name() != null && !f.name().isBlank()) {
                w.and("p.nameKey LIKE :name ESCAPE '!'", "name", Checks.like(f.name(), true));
            }
            if (f.unitId() != null) {
                w.and(
                        "EXISTS (SELECT t2.id FROM TenureEntity t2 WHERE t2.personId = p.id AND t2.unitId = :unit)",
                        "unit",
                        f.unitId());
            }
            return page(
                    em,
                    (distinct ? "SELECT DISTINCT p" : "SELECT p") + from + w,
                    (distinct ? "SELECT COUNT(DISTINCT p.id)" : "SELECT COUNT(p)") + from + w,
                    " ORDER BY p.nameKey, p.id",
                    w,
                    PersonEntity.class,
                    offset,
                    limit,
                    RegistryServiceImpl::view);
        });
    }

    // ---- tenures ---------------------------------------------------------------------------------------

    @Override
    public Tenure createTenure(Subject actor, Tenure tenure) {
        policy.requireUnit(actor, WRITE, tenure.unitId());
        return createTenures(actor, List.of(tenure)).get(0);
    }

    @Override
    public List<Tenure> createTenures(Subject actor, List<Tenure> tenures) {
        RegistryScope scope = staffScope(actor, WRITE);
        Checks c = new Checks();
        for (int i = 0; i < tenures.size(); i++) {
            Tenure tenure = tenures.get(i);
            String prefix = tenures.size() == 1 ? "" : "[" + i + "].";
            c.required(prefix + "role", tenure.role());
            c.required(prefix + "validFrom", tenure.validFrom());
            if (tenure.validFrom() != null
                    && tenure.validTo() != null
                    && tenure.validTo().isBefore(tenure.validFrom())) {
                c.add(prefix + "validTo", "registry.tenure.ends-before-start");
            }
            if (tenure.share() != null
                    && (tenure.share().numerator() == 0 || !tenure.share().isAtMostOne())) {
                c.add(prefix + "share", "registry.share.above-one");
            }
        }
        c.throwIfAny();
        Instant now = now();
        return write(em -> {
            // Load the units and persons in a few queries; em.find below then reads the persistence context.
            preload(em, UnitEntity.class, tenures.stream().map(Tenure::unitId).collect(Collectors.toSet()));
            preload(
                    em,
                    PersonEntity.class,
                    tenures.stream().map(Tenure::personId).collect(Collectors.toSet()));
            List<TenureEntity> entities = new ArrayList<>();
            List<PersonEntity> holders = new ArrayList<>();
            for (int i = 0; i < tenures.size(); i++) {
                Tenure tenure = tenures.get(i);
                UnitEntity unit = em.find(UnitEntity.class, tenure.unitId());
                if (unit == null) {
                    throw new DomusException(Kind.NOT_FOUND, "registry.unit.not-found");
                }
                if (!scope.covers(new RegistryLocation(unit.organisationId, unit.estateId, unit.buildingId, unit.id))) {
                    throw new DomusException(Kind.FORBIDDEN, "error.forbidden", WRITE.name());
                }
                PersonEntity person = em.find(PersonEntity.class, tenure.personId());
                if (person == null || person.organisationId != unit.organisationId) {
                    Checks p = new Checks();
                    p.add((tenures.size() == 1 ? "" : "[" + i + "].") + "personId", "registry.person.not-found");
                    p.throwIfAny();
                }
                TenureEntity t = new TenureEntity();
                t.unitId = unit.id;
                t.personId = person.id;
                t.role = tenure.role().name();
                t.shareNumerator =
                        tenure.share() == null ? null : tenure.share().numerator();
                t.shareDenominator =
                        tenure.share() == null ? null : tenure.share().denominator();
                t.validFrom = tenure.validFrom();
                t.validTo = tenure.validTo();
                entities.add(t);
                holders.add(person);
            }
            // One flush for the batch (see createUnits).
            entities.forEach(em::persist);
            em.flush();
            refreshHolderKeys(em, entities.stream().map(t -> t.unitId).collect(Collectors.toSet()));
            List<Tenure> created = new ArrayList<>();
            for (int i = 0; i < entities.size(); i++) {
                TenureEntity t = entities.get(i);
                PersonEntity person = holders.get(i);
                Tenure view = view(t);
                Audit.record(em, actor, now, "registry.tenure.create", "tenure", t.id, null, describe(view, person));
                history(em, actor, now, t.unitId, "tenure." + t.id, null, describeShort(view, person));
                created.add(view);
            }
            return created;
        });
    }

    @Override
    public Tenure endTenure(Subject actor, long tenureId, LocalDate validTo, long version) {
        Tenure existing = jpa.txExpr(TransactionType.Required, em -> {
            TenureEntity t = em.find(TenureEntity.class, tenureId);
            return t == null ? null : view(t);
        });
        if (existing == null) {
            throw new DomusException(Kind.NOT_FOUND, "registry.tenure.not-found");
        }
        policy.requireUnit(actor, WRITE, existing.unitId());
        Checks c = new Checks();
        c.required("validTo", validTo);
        if (validTo != null && validTo.isBefore(existing.validFrom())) {
            c.add("validTo", "registry.tenure.ends-before-start");
        }
        if (existing.validTo() != null) {
            c.add("validTo", "registry.tenure.already-ended");
        }
        c.throwIfAny();
        Instant now = now();
        return write(em -> {
            TenureEntity t = em.find(TenureEntity.class, tenureId);
            checkVersion(t.version, version);
            PersonEntity person = em.find(PersonEntity.class, t.personId);
            Tenure before = view(t);
            t.validTo = validTo;
            em.flush();
            Tenure after = view(t);
            Audit.record(
                    em,
                    actor,
                    now,
                    "registry.tenure.end",
                    "tenure",
                    t.id,
                    describe(before, person),
                    describe(after, person));
            history(em, actor, now, t.unitId, "tenure." + t.id + ".validTo", null, validTo.toString());
            return after;
        });
    }

    @Override
    public Tenure tenure(Subject actor, long id) {
        Tenure t = jpa.txExpr(TransactionType.Required, em -> {
            TenureEntity e = em.find(TenureEntity.class, id);
            return e == null ? null : view(e);
        });
        policy.requireRegistry(
                actor,
                READ,
                t == null ? Optional.empty() : policy.locate(null, t.unitId()),
                false,
                "registry.tenure.not-found");
        return t;
    }

    @Override
    public List<Tenure> tenuresOfUnit(Subject actor, long unitId) {
        policy.requireUnit(actor, READ, unitId);
        return jpa.txExpr(TransactionType.Required, em -> em
                .createQuery(
                        "SELECT t FROM TenureEntity t WHERE t.unitId = :u ORDER BY t.validFrom DESC, t.id DESC",
                        TenureEntity.class)
                .setParameter("u", unitId)
                .getResultList()
                .stream()
                .map(RegistryServiceImpl::view)
                .toList());
    }

    @Override
    public List<Tenure> tenuresOfPerson(Subject actor, long personId) {
        requirePerson(actor, READ, personId);
        RegistryScope scope = policy.registryScope(actor, READ);
        return jpa.txExpr(TransactionType.Required, em -> {
            // Only the tenures of units in scope: a building manager must not learn the person's other homes.
            Where w = scope.all() ? new Where() : unitWhere(scope, null);
            w.and("t.personId = :person", "person", personId);
            TypedQuery<TenureEntity> q = em.createQuery(
                    "SELECT t FROM TenureEntity t, UnitEntity u" + w
                            + " AND t.unitId = u.id ORDER BY t.validFrom DESC, t.id DESC",
                    TenureEntity.class);
            w.bind(q);
            return q.getResultList().stream().map(RegistryServiceImpl::view).toList();
        });
    }

    @Override
    public Map<Long, List<Holding.Holder>> currentHolders(Subject actor, Collection<Long> unitIds, LocalDate day) {
        Objects.requireNonNull(day, "day");
        RegistryScope scope = policy.registryScope(actor, READ);
        Map<Long, List<Holding.Holder>> result = new LinkedHashMap<>();
        if (scope.isEmpty() || unitIds.isEmpty()) {
            return result;
        }
        List<Long> ids = unitIds.stream().distinct().toList();
        jpa.tx(TransactionType.Required, em -> {
            for (int from = 0; from < ids.size(); from += MAX_PAGE) {
                Where w = scope.all() ? new Where() : unitWhere(scope, null);
                w.and("u.id IN :units", "units", ids.subList(from, Math.min(ids.size(), from + MAX_PAGE)));
                w.and("t.unitId = u.id AND t.personId = p.id AND t.validFrom <= :day", "day", day);
                w.and("(t.validTo IS NULL OR t.validTo >= :day)");
                TypedQuery<Object[]> q = em.createQuery(
                        "SELECT t, p FROM TenureEntity t, PersonEntity p, UnitEntity u" + w
                                + " ORDER BY t.unitId, p.nameKey, t.id",
                        Object[].class);
                w.bind(q);
                for (Object[] row : q.getResultList()) {
                    TenureEntity t = (TenureEntity) row[0];
                    Person p = view((PersonEntity) row[1]);
                    result.computeIfAbsent(t.unitId, k -> new ArrayList<>())
                            .add(new Holding.Holder(
                                    p.id(), p.displayName(), TenureRole.valueOf(t.role), view(t).share()));
                }
            }
        });
        return result;
    }

    // ---- the signed-in resident ----------------------------------------------------------------------

    @Override
    public List<Holding> myUnits(Subject actor) {
        LocalDate today = LocalDate.now(clock);
        return jpa.txExpr(TransactionType.Required, em -> {
            Optional<PersonEntity> me = personOf(em, actor);
            if (me.isEmpty()) {
                return List.of();
            }
            List<TenureEntity> mine = em.createQuery(
                            "SELECT t FROM TenureEntity t WHERE t.personId = :p AND t.validFrom <= :d"
                                    + " AND (t.validTo IS NULL OR t.validTo >= :d) ORDER BY t.unitId, t.id",
                            TenureEntity.class)
                    .setParameter("p", me.get().id)
                    .setParameter("d", today)
                    .getResultList();
            Map<Long, List<Tenure>> byUnit = new LinkedHashMap<>();
            for (TenureEntity t : mine) {
                byUnit.computeIfAbsent(t.unitId, k -> new ArrayList<>()).add(view(t));
            }
            List<Holding> result = new ArrayList<>();
            for (Map.Entry<Long, List<Tenure>> entry : byUnit.entrySet()) {
                UnitEntity u = em.find(UnitEntity.class, entry.getKey());
                BuildingEntity b = em.find(BuildingEntity.class, u.buildingId);
                List<Holding.Holder> holders = new ArrayList<>();
                for (Object[] row : em.createQuery(
                                "SELECT t, p FROM TenureEntity t, PersonEntity p WHERE t.personId = p.id"
                                        + " AND t.unitId = :u AND t.validFrom <= :d"
                                        + " AND (t.validTo IS NULL OR t.validTo >= :d) ORDER BY p.nameKey, t.id",
                                Object[].class)
                        .setParameter("u", u.id)
                        .setParameter("d", today)
                        .getResultList()) {
                    TenureEntity t = (TenureEntity) row[0];
                    Person p = view((PersonEntity) row[1]);
                    holders.add(
                            new Holding.Holder(p.id(), p.displayName(), TenureRole.valueOf(t.role), view(t).share()));
                }
                result.add(new Holding(view(u), view(b), entry.getValue(), holders));
            }
            result.sort((x, y) -> (x.building().street()
                            + x.building().number()
                            + x.unit().number())
                    .compareTo(y.building().street()
                            + y.building().number()
                            + y.unit().number()));
            return result;
        });
    }

    @Override
    public Optional<Person> myPerson(Subject actor) {
        return jpa.txExpr(TransactionType.Required, em -> personOf(em, actor).map(RegistryServiceImpl::view));
    }

    @Override
    public Person updateMyContact(Subject actor, ContactData contact) {
        Checks c = new Checks();
        ContactData clean = checkContact(c, contact == null ? new ContactData(null, null, null, null) : contact);
        c.throwIfAny();
        return write(em -> {
            PersonEntity e = personOf(em, actor)
                    .orElseThrow(() -> new DomusException(Kind.NOT_FOUND, "registry.person.not-found"));
            Person before = view(e);
            applyContact(e, clean);
            em.flush();
            Person after = view(e);
            Audit.record(
                    em, actor, now(), "registry.person.contact", "person", e.id, describe(before), describe(after));
            return after;
        });
    }

    private static Optional<PersonEntity> personOf(EntityManager em, Subject actor) {
        if (actor == null || actor.accountId() <= 0) {
            return Optional.empty();
        }
        return em
                .createQuery("SELECT p FROM PersonEntity p WHERE p.accountId = :a", PersonEntity.class)
                .setParameter("a", actor.accountId())
                .getResultList()
                .stream()
                .findFirst();
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** The subject's staff scope for the permission; FORBIDDEN when it is empty (lists are staff pages). */
    private RegistryScope staffScope(Subject actor, Permission permission) {
        RegistryScope scope = policy.registryScope(actor, permission);
        if (scope.isEmpty()) {
            throw new DomusException(Kind.FORBIDDEN, "error.forbidden", permission.name());
        }
        return scope;
    }

    private static void checkPage(int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new DomusException(Kind.INVALID, "registry.page.invalid", MAX_PAGE);
        }
    }

    private static void checkVersion(long stored, long given) {
        if (stored != given) {
            throw new DomusException(Kind.CONFLICT, "registry.version.conflict");
        }
    }

    private <T> T write(org.apache.aries.jpa.template.EmFunction<T> work) {
        try {
            return jpa.txExpr(TransactionType.Required, work);
        } catch (PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof OptimisticLockException
                        || t.getClass().getName().endsWith("OptimisticLockException")) {
                    throw new DomusException(Kind.CONFLICT, "registry.version.conflict");
                }
            }
            throw e;
        }
    }

    private Instant now() {
        return clock.instant();
    }

    private static void history(
            EntityManager em, Subject actor, Instant at, long unitId, String field, String before, String after) {
        UnitHistoryEntity h = new UnitHistoryEntity();
        h.unitId = unitId;
        h.occurredAt = at;
        h.actorId = actor == null || actor.accountId() <= 0 ? null : actor.accountId();
        h.actorLogin = actor == null ? Audit.SYSTEM : Audit.truncate(actor.login(), 128);
        h.field = Audit.truncate(field, 64);
        h.before = Audit.truncate(before, 2000);
        h.after = Audit.truncate(after, 2000);
        em.persist(h);
    }

    private static <E, T> Page<T> page(
            EntityManager em,
            String select,
            String count,
            String order,
            Where w,
            Class<E> type,
            int offset,
            int limit,
            java.util.function.Function<E, T> view) {
        TypedQuery<Long> c = em.createQuery(count, Long.class);
        w.bind(c);
        long total = c.getSingleResult();
        List<T> items = new ArrayList<>();
        if (offset < total) {
            TypedQuery<E> q = em.createQuery(select + order, type);
            w.bind(q);
            q.setFirstResult(offset);
            q.setMaxResults(limit);
            for (E e : q.getResultList()) {
                items.add(view.apply(e));
            }
        }
        return new Page<>(items, total, offset, limit);
    }

    // ---- views and descriptions ------------------------------------------------------------------------

    static Organisation view(OrganisationEntity e) {
        return new Organisation(
                e.id,
                e.name,
                e.registrationNumber,
                e.country,
                e.currency,
                e.iban,
                e.bic,
                e.accountName,
                e.taxId,
                e.version);
    }

    static Estate view(EstateEntity e) {
        return new Estate(e.id, e.organisationId, e.name, e.version);
    }

    static Building view(BuildingEntity b) {
        return new Building(
                b.id,
                b.estateId,
                b.street,
                b.number,
                b.city,
                b.postcode,
                b.country,
                b.latitude,
                b.longitude,
                b.version);
    }

    static Unit view(UnitEntity e) {
        return new Unit(
                e.id,
                e.buildingId,
                e.number,
                UnitKind.valueOf(e.kind),
                e.floor,
                e.staircase,
                e.area,
                e.rooms,
                e.equipment == null ? List.of() : Arrays.asList(e.equipment.split(EQUIPMENT_SEPARATOR)),
                new Share(e.shareNumerator, e.shareDenominator),
                LegalForm.valueOf(e.legalForm),
                UnitState.valueOf(e.state),
                e.rentAmount == null ? null : new Money(e.rentAmount, e.rentCurrency),
                e.variableSymbol,
                e.virtualAccount,
                e.version);
    }

    static Person view(PersonEntity e) {
        Address address = e.addressStreet == null
                        && e.addressCity == null
                        && e.addressPostcode == null
                        && e.addressCountry == null
                ? null
                : new Address(e.addressStreet, e.addressCity, e.addressPostcode, e.addressCountry);
        return new Person(
                e.id,
                e.organisationId,
                PersonKind.valueOf(e.kind),
                e.firstName,
                e.lastName,
                e.companyName,
                e.registrationNumber,
                e.email,
                e.phone,
                address,
                e.bankAccount,
                e.accountId,
                e.version);
    }

    static Tenure view(TenureEntity t) {
        return new Tenure(
                t.id,
                t.unitId,
                t.personId,
                TenureRole.valueOf(t.role),
                t.shareNumerator == null ? null : new Share(t.shareNumerator, t.shareDenominator),
                t.validFrom,
                t.validTo,
                t.version);
    }

    private static Map<String, Object> describe(Organisation o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", o.name());
        m.put("registrationNumber", o.registrationNumber());
        m.put("country", o.country());
        m.put("currency", o.currency());
        m.put("iban", o.iban());
        m.put("bic", o.bic());
        m.put("accountName", o.accountName());
        m.put("taxId", o.taxId());
        return m;
    }

    private static Map<String, Object> describe(Estate e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("organisationId", e.organisationId());
        m.put("name", e.name());
        return m;
    }

    private static Map<String, Object> describe(Building b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("estateId", b.estateId());
        m.put("street", b.street());
        m.put("number", b.number());
        m.put("city", b.city());
        m.put("postcode", b.postcode());
        m.put("country", b.country());
        m.put("latitude", str(b.latitude()));
        m.put("longitude", str(b.longitude()));
        return m;
    }

    private static Map<String, Object> describe(Unit u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", u.number());
        m.put("kind", u.kind().name());
        m.put("floor", u.floor());
        m.put("staircase", u.staircase());
        m.put("area", u.area() == null ? null : u.area().stripTrailingZeros().toPlainString());
        m.put("rooms", u.rooms());
        m.put("equipment", String.join(", ", u.equipment()));
        m.put("share", u.share().toString());
        m.put("legalForm", u.legalForm().name());
        m.put("state", u.state().name());
        m.put(
                "rent",
                u.rent() == null
                        ? null
                        : u.rent().amount().stripTrailingZeros().toPlainString() + " "
                                + u.rent().currency());
        m.put("variableSymbol", u.variableSymbol());
        m.put("virtualAccount", u.virtualAccount());
        return m;
    }

    private static Map<String, Object> describe(Person p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", p.kind().name());
        m.put("firstName", p.firstName());
        m.put("lastName", p.lastName());
        m.put("companyName", p.companyName());
        m.put("registrationNumber", p.registrationNumber());
        m.put("email", p.email());
        m.put("phone", p.phone());
        Address a = p.address();
        m.put("address", a == null ? null : a.street() + ", " + a.postcode() + " " + a.city() + ", " + a.country());
        m.put("bankAccount", p.bankAccount());
        m.put("accountId", p.accountId());
        return m;
    }

    private static Map<String, Object> describe(Tenure t, PersonEntity person) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unitId", t.unitId());
        m.put("personId", t.personId());
        m.put("person", person == null ? null : person.nameKey);
        m.put("role", t.role().name());
        m.put("share", str(t.share()));
        m.put("validFrom", str(t.validFrom()));
        m.put("validTo", str(t.validTo()));
        return m;
    }

    private static String describeShort(Tenure t, PersonEntity person) {
        Person p = view(person);
        return p.displayName() + " (" + t.role().name() + (t.share() == null ? "" : " " + t.share()) + ") "
                + t.validFrom() + " .. " + (t.validTo() == null ? "" : t.validTo());
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    /** A WHERE clause with its named parameters, built from optional parts. */
    static final class Where {
        private final List<String> parts = new ArrayList<>();
        private final Map<String, Object> params = new LinkedHashMap<>();
        private int next;

        void and(String condition, String name, Object value) {
            parts.add(condition);
            params.put(name, value);
        }

        void and(String condition) {
            parts.add(condition);
        }

        /** Adds {@code column IN :pN} to {@code any} when the set is not empty. */
        void in(List<String> any, String column, Set<Long> ids) {
            if (!ids.isEmpty()) {
                String name = "scope" + next++;
                any.add(column + " IN :" + name);
                params.put(name, new ArrayList<>(ids));
            }
        }

        /** The disjunction of the scope conditions; none at all means nothing matches. */
        void anyOf(List<String> any) {
            parts.add(any.isEmpty() ? "1 = 0" : "(" + String.join(" OR ", any) + ")");
        }

        void bind(javax.persistence.Query q) {
            params.forEach(q::setParameter);
        }

        @Override
        public String toString() {
            return parts.isEmpty() ? " WHERE 1 = 1" : " WHERE " + String.join(" AND ", parts);
        }
    }
}
