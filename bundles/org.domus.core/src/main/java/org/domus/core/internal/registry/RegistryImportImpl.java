package org.domus.core.internal.registry;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.domus.core.DomusException;
import org.domus.core.DomusException.Kind;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.access.RegistryLocation;
import org.domus.core.access.RegistryScope;
import org.domus.core.internal.account.Audit;
import org.domus.core.registry.Address;
import org.domus.core.registry.Building;
import org.domus.core.registry.FieldError;
import org.domus.core.registry.InvalidFieldsException;
import org.domus.core.registry.LegalForm;
import org.domus.core.registry.Money;
import org.domus.core.registry.Person;
import org.domus.core.registry.PersonKind;
import org.domus.core.registry.RegistryPermissions;
import org.domus.core.registry.RegistryService;
import org.domus.core.registry.Share;
import org.domus.core.registry.Tenure;
import org.domus.core.registry.TenureRole;
import org.domus.core.registry.Unit;
import org.domus.core.registry.UnitKind;
import org.domus.core.registry.UnitState;
import org.domus.core.registry.imports.ImportColumn;
import org.domus.core.registry.imports.ImportKind;
import org.domus.core.registry.imports.ImportOptions;
import org.domus.core.registry.imports.ImportRefusedException;
import org.domus.core.registry.imports.ImportReport;
import org.domus.core.registry.imports.ImportRow;
import org.domus.core.registry.imports.RegistryImport;
import org.domus.core.registry.imports.RowStatus;
import org.domus.persistence.MigratedSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The registry's CSV import. It finds each row's object by its natural key, and creates the new ones
 * through the {@link RegistryService} itself, so a row passes exactly the checks (and writes exactly the
 * audit events and unit history) of the staff forms. A preview runs the same import in a transaction that
 * is rolled back: what it reports is what applying would do.
 */
@Component(service = RegistryImport.class)
public class RegistryImportImpl implements RegistryImport {

    private static final Pattern BATCH_FIELD = Pattern.compile("\\[(\\d+)]\\.(.+)");

    /** Errors of a batch that depend on the objects before (running sums), not on the object alone. */
    private static final Set<String> SEQUENTIAL = Set.of("registry.unit.share.sum");

    private final JpaTemplate jpa;
    private final AccessPolicy policy;
    private final RegistryService registry;
    private final Clock clock;

    @Activate
    public RegistryImportImpl(
            @Reference(target = RegistryServiceImpl.UNIT_TARGET) JpaTemplate jpa,
            @Reference(target = RegistryServiceImpl.SCHEMA_TARGET) MigratedSchema schema,
            @Reference AccessPolicy policy,
            @Reference RegistryService registry) {
        this(jpa, policy, registry, Clock.systemUTC());
    }

    /** For tests and tools outside OSGi (a factory, see {@link RegistryServiceImpl#create}). */
    public static RegistryImportImpl create(
            JpaTemplate jpa, AccessPolicy policy, RegistryService registry, Clock clock) {
        return new RegistryImportImpl(jpa, policy, registry, clock);
    }

    private RegistryImportImpl(JpaTemplate jpa, AccessPolicy policy, RegistryService registry, Clock clock) {
        this.jpa = Objects.requireNonNull(jpa);
        this.policy = Objects.requireNonNull(policy);
        this.registry = Objects.requireNonNull(registry);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public ImportReport preview(Subject actor, ImportKind kind, byte[] file, ImportOptions options) {
        return run(actor, kind, file, options, false);
    }

    @Override
    public ImportReport apply(Subject actor, ImportKind kind, byte[] file, ImportOptions options) {
        return run(actor, kind, file, options, true);
    }

    @Override
    public byte[] template(Subject actor, ImportKind kind) {
        scope(actor);
        String header = kind.columns().stream().map(ImportColumn::name).collect(Collectors.joining(";"));
        return ("\uFEFF" + header + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The part of the registry where the actor may both import and write; FORBIDDEN when none. */
    private Scopes scope(Subject actor) {
        RegistryScope importing = policy.registryScope(actor, RegistryPermissions.IMPORT);
        RegistryScope writing = policy.registryScope(actor, RegistryPermissions.WRITE);
        if (importing.isEmpty() || writing.isEmpty()) {
            throw new DomusException(Kind.FORBIDDEN, "error.forbidden", RegistryPermissions.IMPORT.name());
        }
        return new Scopes(importing, writing);
    }

    private record Scopes(RegistryScope importing, RegistryScope writing) {
        boolean covers(RegistryLocation location) {
            return importing.covers(location) && writing.covers(location);
        }
    }

    /** Ends the preview's transaction by rolling it back, carrying its report out. */
    private static final class Discard extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ImportReport report;

        Discard(ImportReport report) {
            super("preview", null, false, false);
            this.report = report;
        }
    }

    private ImportReport run(Subject actor, ImportKind kind, byte[] file, ImportOptions given, boolean write) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(file, "file");
        ImportOptions options = given == null ? ImportOptions.DETECT : given;
        Scopes scopes = scope(actor);
        CsvFile csv = CsvFile.read(file, options.encoding(), options.separator(), MAX_BYTES, MAX_ROWS);
        List<String[]> headerProblems = new ArrayList<>();
        Map<String, Integer> columns = ImportCells.columns(kind, csv.header, headerProblems);
        if (!headerProblems.isEmpty()) {
            throw new InvalidFieldsException(headerProblems.stream()
                    .map(p -> new FieldError("header", p[1], List.of(p[0])))
                    .toList());
        }
        List<ImportCells> rows = new ArrayList<>();
        for (CsvFile.Row r : csv.rows) {
            Map<String, String> cells = new HashMap<>();
            columns.forEach((name, i) ->
                    cells.put(name, i < r.fields().size() ? r.fields().get(i) : ""));
            ImportCells row = new ImportCells(r.line(), cells);
            Set<Integer> known = new HashSet<>(columns.values());
            for (int i = 0; i < r.fields().size(); i++) {
                if (!known.contains(i) && !r.fields().get(i).isBlank()) {
                    row.problem(null, "registry.import.row.extra-fields", csv.header.size());
                    break;
                }
            }
            rows.add(row);
        }
        String separator = String.valueOf(csv.separator);
        try {
            return registry.allOrNothing(() -> jpa.txExpr(TransactionType.Required, em -> {
                long organisation = organisation(em, scopes, options.organisationId());
                Run run = new Run(em, actor, scopes, organisation, rows);
                switch (kind) {
                    case BUILDINGS -> run.buildings();
                    case UNITS -> run.units();
                    case PERSONS -> run.persons();
                    case TENURES -> run.tenures();
                }
                boolean valid = run.invalid() == 0 || options.onlyValidRows();
                ImportReport report = run.report(kind, csv.encoding, separator, write && valid);
                if (!write) {
                    throw new Discard(report);
                }
                if (!valid) {
                    throw new ImportRefusedException(report);
                }
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("kind", kind.name());
                after.put("sha256", sha256(file));
                after.put("encoding", csv.encoding);
                after.put("rows", rows.size());
                after.put("created", report.created());
                after.put("unchanged", report.unchanged());
                after.put("skipped", report.invalid());
                if (!run.references.isEmpty()) {
                    after.put("references", run.references);
                }
                Audit.record(em, actor, clock.instant(), "registry.import", "import", null, null, after);
                return report;
            }));
        } catch (Discard preview) {
            return preview.report;
        }
    }

    private static String sha256(byte[] file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The organisation of the file: the one asked for (in scope), or the only one the actor works in. */
    private static long organisation(EntityManager em, Scopes scopes, Long wanted) {
        RegistryScope scope = scopes.importing();
        if (wanted != null) {
            if (em.find(OrganisationEntity.class, wanted) == null) {
                throw new DomusException(Kind.NOT_FOUND, "registry.organisation.not-found");
            }
            if (!scope.all()
                    && !RegistryServiceImpl.organisationsTouched(em, scope).contains(wanted)) {
                throw new DomusException(Kind.FORBIDDEN, "error.forbidden", RegistryPermissions.IMPORT.name());
            }
            return wanted;
        }
        Collection<Long> candidates = scope.all()
                ? em.createQuery("SELECT o.id FROM OrganisationEntity o", Long.class)
                        .setMaxResults(2)
                        .getResultList()
                : RegistryServiceImpl.organisationsTouched(em, scope);
        if (candidates.size() != 1) {
            throw new InvalidFieldsException(
                    List.of(new FieldError("organisation", "registry.import.organisation.choose", List.of())));
        }
        return candidates.iterator().next();
    }

    /** One import in its transaction. */
    private final class Run {
        private final EntityManager em;
        private final Subject actor;
        private final Scopes scopes;
        private final long organisation;
        private final List<ImportCells> rows;
        private final Map<ImportCells, String> labels = new HashMap<>();
        private final Map<ImportCells, RowStatus> status = new HashMap<>();
        private final Map<ImportCells, Long> ids = new HashMap<>();
        final Map<String, Long> references = new LinkedHashMap<>();

        Run(EntityManager em, Subject actor, Scopes scopes, long organisation, List<ImportCells> rows) {
            this.em = em;
            this.actor = actor;
            this.scopes = scopes;
            this.organisation = organisation;
            this.rows = rows;
        }

        long invalid() {
            return rows.stream().filter(r -> !r.ok() || !status.containsKey(r)).count();
        }

        ImportReport report(ImportKind kind, String encoding, String separator, boolean applied) {
            List<ImportRow> out = new ArrayList<>();
            int created = 0;
            int unchanged = 0;
            int invalid = 0;
            for (ImportCells row : rows) {
                RowStatus s = row.ok() ? status.getOrDefault(row, RowStatus.ERROR) : RowStatus.ERROR;
                if (s == RowStatus.CREATE) {
                    created++;
                } else if (s == RowStatus.UNCHANGED) {
                    unchanged++;
                } else {
                    invalid++;
                }
                Long id = s == RowStatus.ERROR || (s == RowStatus.CREATE && !applied) ? null : ids.get(row);
                out.add(new ImportRow(row.line, labels.getOrDefault(row, ""), s, id, row.problems));
            }
            return new ImportReport(kind, encoding, separator, applied, created, unchanged, invalid, out);
        }

        // ---- buildings -------------------------------------------------------------------------------

        void buildings() {
            Map<String, List<EstateEntity>> estates = new HashMap<>();
            for (EstateEntity e : em.createQuery(
                            "SELECT e FROM EstateEntity e WHERE e.organisationId = :o", EstateEntity.class)
                    .setParameter("o", organisation)
                    .getResultList()) {
                estates.computeIfAbsent(e.nameKey, k -> new ArrayList<>()).add(e);
            }
            Map<String, BuildingEntity> existing = new HashMap<>();
            for (BuildingEntity b : buildingsOfOrganisation()) {
                existing.put(b.estateId + "|" + addressKey(b.street, b.number, b.city), b);
            }
            Map<String, Integer> seen = new HashMap<>();
            for (ImportCells row : rows) {
                String estateName = row.required("estate");
                String street = row.required("street");
                String number = row.required("number");
                String city = row.required("city");
                labels.put(row, address(street, number, city));
                Building candidate = new Building(
                        0,
                        0,
                        street,
                        number,
                        city,
                        row.text("postcode"),
                        row.text("country"),
                        row.decimal("latitude"),
                        row.decimal("longitude"),
                        0);
                if (estateName == null || !row.ok()) {
                    continue;
                }
                List<EstateEntity> named = estates.getOrDefault(Checks.key(estateName), List.of());
                if (named.size() != 1) {
                    row.problem(
                            "estate",
                            named.isEmpty() ? "registry.import.estate.unknown" : "registry.import.estate.ambiguous",
                            estateName);
                    continue;
                }
                EstateEntity estate = named.get(0);
                if (!scopes.covers(new RegistryLocation(organisation, estate.id, null, null))) {
                    row.problem(null, "registry.import.out-of-scope");
                    continue;
                }
                Building clean = checked(
                        row,
                        ImportKind.BUILDINGS,
                        () -> RegistryServiceImpl.checkBuilding(withEstate(candidate, estate.id)));
                if (clean == null) {
                    continue;
                }
                String key = estate.id + "|" + addressKey(clean.street(), clean.number(), clean.city());
                if (duplicate(row, seen, key)) {
                    continue;
                }
                BuildingEntity found = existing.get(key);
                if (found != null) {
                    same(
                            row,
                            ImportKind.BUILDINGS,
                            buildingCells(RegistryServiceImpl.view(found)),
                            buildingCells(clean));
                    ids.put(row, found.id);
                    continue;
                }
                try {
                    Building created = registry.createBuilding(actor, clean);
                    created(row, created.id());
                } catch (InvalidFieldsException e) {
                    refused(row, ImportKind.BUILDINGS, e.errors());
                }
            }
        }

        private Building withEstate(Building b, long estate) {
            return new Building(
                    0,
                    estate,
                    b.street(),
                    b.number(),
                    b.city(),
                    b.postcode(),
                    b.country(),
                    b.latitude(),
                    b.longitude(),
                    0);
        }

        private Map<String, String> buildingCells(Building b) {
            Map<String, String> m = new HashMap<>();
            m.put("postcode", b.postcode());
            m.put("country", b.country());
            m.put("latitude", plain(b.latitude()));
            m.put("longitude", plain(b.longitude()));
            return m;
        }

        // ---- units -----------------------------------------------------------------------------------

        void units() {
            String currency = em.find(OrganisationEntity.class, organisation).currency;
            Map<String, List<BuildingEntity>> buildings = buildingsByAddress();
            List<Unit> candidates = new ArrayList<>();
            List<ImportCells> owners = new ArrayList<>();
            Map<ImportCells, BuildingEntity> located = new HashMap<>();
            for (ImportCells row : rows) {
                BuildingEntity building = building(row, buildings);
                String number = row.required("unit");
                labels.put(row, label(row) + " / " + (number == null ? "" : number));
                UnitKind kind = row.code("kind", UnitKind.class);
                Integer floor = row.integer("floor");
                String staircase = row.text("staircase");
                BigDecimal area = row.decimal("area");
                Integer rooms = row.integer("rooms");
                Share share = row.share("share");
                LegalForm legalForm = row.code("legal_form", LegalForm.class);
                UnitState state = row.text("state") == null ? UnitState.OCCUPIED : row.code("state", UnitState.class);
                BigDecimal rentAmount = row.decimal("rent");
                Money rent = null;
                if (rentAmount != null) {
                    String cur = row.text("rent_currency") == null ? currency : row.text("rent_currency");
                    try {
                        rent = new Money(rentAmount, cur);
                    } catch (IllegalArgumentException e) {
                        row.problem("rent_currency", "registry.currency.invalid");
                    }
                }
                if (building == null || !row.ok()) {
                    continue;
                }
                Unit candidate = new Unit(
                        0,
                        building.id,
                        number,
                        kind,
                        floor,
                        staircase,
                        area,
                        rooms,
                        row.list("equipment"),
                        share,
                        legalForm,
                        state,
                        rent,
                        row.text("variable_symbol"),
                        row.text("virtual_account"),
                        0);
                Unit clean = checked(row, ImportKind.UNITS, () -> RegistryServiceImpl.checkUnit(candidate));
                if (clean != null) {
                    candidates.add(clean);
                    owners.add(row);
                    located.put(row, building);
                }
            }
            Map<String, UnitEntity> existing = new HashMap<>();
            for (UnitEntity u : inChunks(
                    "SELECT u FROM UnitEntity u WHERE u.buildingId IN :ids",
                    UnitEntity.class,
                    candidates.stream().map(Unit::buildingId).collect(Collectors.toSet()))) {
                existing.put(u.buildingId + "|" + u.number, u);
            }
            Map<String, Integer> seen = new HashMap<>();
            List<Unit> create = new ArrayList<>();
            List<ImportCells> creators = new ArrayList<>();
            for (int i = 0; i < candidates.size(); i++) {
                Unit u = candidates.get(i);
                ImportCells row = owners.get(i);
                String key = u.buildingId() + "|" + u.number();
                if (duplicate(row, seen, key)) {
                    continue;
                }
                UnitEntity found = existing.get(key);
                if (found != null) {
                    same(row, ImportKind.UNITS, unitCells(RegistryServiceImpl.view(found)), unitCells(u));
                    ids.put(row, found.id);
                    continue;
                }
                create.add(u);
                creators.add(row);
            }
            batch(
                    ImportKind.UNITS,
                    creators,
                    create,
                    list -> registry.createUnits(actor, list),
                    Unit::id,
                    Unit::buildingId);
        }

        private Map<String, String> unitCells(Unit u) {
            Map<String, String> m = new HashMap<>();
            m.put("kind", u.kind().name());
            m.put("floor", u.floor() == null ? null : u.floor().toString());
            m.put("staircase", u.staircase());
            m.put("area", plain(u.area()));
            m.put("rooms", u.rooms() == null ? null : u.rooms().toString());
            m.put("equipment", String.join("|", u.equipment()));
            m.put("share", u.share().toString());
            m.put("legal_form", u.legalForm().name());
            m.put("state", u.state().name());
            m.put("rent", u.rent() == null ? null : plain(u.rent().amount()));
            m.put("rent_currency", u.rent() == null ? null : u.rent().currency());
            m.put("variable_symbol", u.variableSymbol());
            m.put("virtual_account", u.virtualAccount());
            return m;
        }

        // ---- persons ---------------------------------------------------------------------------------

        void persons() {
            Map<String, PersonEntity> existing = new HashMap<>();
            for (PersonEntity p : em.createQuery(
                            "SELECT p FROM PersonEntity p WHERE p.organisationId = :o AND p.importRef IS NOT NULL",
                            PersonEntity.class)
                    .setParameter("o", organisation)
                    .getResultList()) {
                existing.put(p.importRef, p);
            }
            Map<String, Integer> seen = new HashMap<>();
            List<Person> create = new ArrayList<>();
            List<ImportCells> creators = new ArrayList<>();
            for (ImportCells row : rows) {
                String reference = row.required("reference");
                if (reference != null && reference.length() > 64) {
                    row.problem("reference", "registry.too-long", 64);
                }
                String company = row.text("company_name");
                PersonKind kind = row.text("kind") != null
                        ? row.code("kind", PersonKind.class)
                        : company != null && row.text("first_name") == null && row.text("last_name") == null
                                ? PersonKind.LEGAL
                                : PersonKind.NATURAL;
                Address address = row.text("street") == null
                                && row.text("city") == null
                                && row.text("postcode") == null
                                && row.text("country") == null
                        ? null
                        : new Address(row.text("street"), row.text("city"), row.text("postcode"), row.text("country"));
                Person candidate = new Person(
                        0,
                        organisation,
                        kind,
                        row.text("first_name"),
                        row.text("last_name"),
                        company,
                        row.text("registration_number"),
                        row.text("email"),
                        row.text("phone"),
                        address,
                        row.text("bank_account"),
                        null,
                        0);
                labels.put(row, (reference == null ? "" : reference) + " · " + candidate.displayName());
                if (!row.ok()) {
                    continue;
                }
                Person clean = checked(row, ImportKind.PERSONS, () -> RegistryServiceImpl.checkPerson(candidate));
                if (clean == null || duplicate(row, seen, reference)) {
                    continue;
                }
                PersonEntity found = existing.get(reference);
                if (found != null) {
                    same(row, ImportKind.PERSONS, personCells(RegistryServiceImpl.view(found)), personCells(clean));
                    ids.put(row, found.id);
                    continue;
                }
                create.add(clean);
                creators.add(row);
            }
            batch(
                    ImportKind.PERSONS,
                    creators,
                    create,
                    list -> registry.createPersons(actor, list),
                    Person::id,
                    p -> 0);
            for (ImportCells row : creators) {
                Long id = ids.get(row);
                if (id != null && status.get(row) == RowStatus.CREATE) {
                    String reference = row.text("reference");
                    em.find(PersonEntity.class, id).importRef = reference;
                    references.put(reference, id);
                }
            }
            em.flush();
        }

        private Map<String, String> personCells(Person p) {
            Map<String, String> m = new HashMap<>();
            m.put("kind", p.kind().name());
            m.put("first_name", p.firstName());
            m.put("last_name", p.lastName());
            m.put("company_name", p.companyName());
            m.put("registration_number", p.registrationNumber());
            m.put("email", p.email());
            m.put("phone", p.phone());
            Address a = p.address();
            m.put("street", a == null ? null : a.street());
            m.put("city", a == null ? null : a.city());
            m.put("postcode", a == null ? null : a.postcode());
            m.put("country", a == null ? null : a.country());
            m.put("bank_account", p.bankAccount());
            return m;
        }

        // ---- tenures ---------------------------------------------------------------------------------

        void tenures() {
            Map<String, List<BuildingEntity>> buildings = buildingsByAddress();
            Map<String, Long> persons = new HashMap<>();
            for (Object[] p : em.createQuery(
                            "SELECT p.importRef, p.id FROM PersonEntity p WHERE p.organisationId = :o"
                                    + " AND p.importRef IS NOT NULL",
                            Object[].class)
                    .setParameter("o", organisation)
                    .getResultList()) {
                persons.put((String) p[0], (Long) p[1]);
            }
            Map<String, UnitEntity> units = new HashMap<>();
            Set<Long> referenced = new HashSet<>();
            List<Object[]> parsed = new ArrayList<>();
            for (ImportCells row : rows) {
                BuildingEntity building = building(row, buildings);
                String number = row.required("unit");
                String reference = row.required("person_reference");
                TenureRole role = row.code("role", TenureRole.class);
                Share share = row.share("share");
                java.time.LocalDate from = row.date("valid_from");
                if (row.text("valid_from") == null) {
                    row.problem("valid_from", "registry.required");
                }
                java.time.LocalDate to = row.date("valid_to");
                labels.put(
                        row,
                        label(row) + " / " + (number == null ? "" : number) + " · "
                                + (reference == null ? "" : reference));
                Long person = reference == null ? null : persons.get(reference);
                if (reference != null && person == null) {
                    row.problem("person_reference", "registry.import.person.unknown", reference);
                }
                if (building != null && row.ok()) {
                    referenced.add(building.id);
                    parsed.add(new Object[] {row, building, number, person, role, share, from, to});
                }
            }
            for (UnitEntity u :
                    inChunks("SELECT u FROM UnitEntity u WHERE u.buildingId IN :ids", UnitEntity.class, referenced)) {
                units.put(u.buildingId + "|" + u.number, u);
            }
            Map<Long, List<TenureEntity>> existing = new HashMap<>();
            for (TenureEntity t : inChunks(
                    "SELECT t FROM TenureEntity t WHERE t.unitId IN :ids",
                    TenureEntity.class,
                    units.values().stream().map(u -> u.id).collect(Collectors.toSet()))) {
                existing.computeIfAbsent(t.unitId, k -> new ArrayList<>()).add(t);
            }
            Map<String, Integer> seen = new HashMap<>();
            List<Tenure> create = new ArrayList<>();
            List<ImportCells> creators = new ArrayList<>();
            for (Object[] p : parsed) {
                ImportCells row = (ImportCells) p[0];
                BuildingEntity building = (BuildingEntity) p[1];
                UnitEntity unit = units.get(building.id + "|" + p[2]);
                if (unit == null) {
                    row.problem("unit", "registry.import.unit.unknown", p[2]);
                    continue;
                }
                if (!scopes.covers(
                        new RegistryLocation(unit.organisationId, unit.estateId, unit.buildingId, unit.id))) {
                    row.problem(null, "registry.import.out-of-scope");
                    continue;
                }
                Tenure t = new Tenure(
                        0,
                        unit.id,
                        (Long) p[3],
                        (TenureRole) p[4],
                        (Share) p[5],
                        (java.time.LocalDate) p[6],
                        (java.time.LocalDate) p[7],
                        0);
                if (duplicate(row, seen, t.unitId() + "|" + t.personId() + "|" + t.role() + "|" + t.validFrom())) {
                    continue;
                }
                TenureEntity found = existing.getOrDefault(unit.id, List.of()).stream()
                        .filter(e -> e.personId == t.personId()
                                && e.role.equals(t.role().name())
                                && e.validFrom.equals(t.validFrom()))
                        .findFirst()
                        .orElse(null);
                if (found != null) {
                    same(row, ImportKind.TENURES, tenureCells(RegistryServiceImpl.view(found)), tenureCells(t));
                    ids.put(row, found.id);
                    continue;
                }
                create.add(t);
                creators.add(row);
            }
            batch(
                    ImportKind.TENURES,
                    creators,
                    create,
                    list -> registry.createTenures(actor, list),
                    Tenure::id,
                    t -> 0);
        }

        private Map<String, String> tenureCells(Tenure t) {
            Map<String, String> m = new HashMap<>();
            m.put("share", t.share() == null ? null : t.share().toString());
            m.put("valid_to", t.validTo() == null ? null : t.validTo().toString());
            return m;
        }

        // ---- shared ----------------------------------------------------------------------------------

        private List<BuildingEntity> buildingsOfOrganisation() {
            return em.createQuery("SELECT b FROM BuildingEntity b WHERE b.organisationId = :o", BuildingEntity.class)
                    .setParameter("o", organisation)
                    .getResultList();
        }

        private Map<String, List<BuildingEntity>> buildingsByAddress() {
            Map<String, List<BuildingEntity>> byAddress = new HashMap<>();
            for (BuildingEntity b : buildingsOfOrganisation()) {
                byAddress
                        .computeIfAbsent(addressKey(b.street, b.number, b.city), k -> new ArrayList<>())
                        .add(b);
            }
            return byAddress;
        }

        /** The row's building by its address columns, in scope; null (and a problem) otherwise. */
        private BuildingEntity building(ImportCells row, Map<String, List<BuildingEntity>> buildings) {
            String street = row.required("building_street");
            String number = row.required("building_number");
            String city = row.required("building_city");
            if (street == null || number == null || city == null) {
                return null;
            }
            List<BuildingEntity> found = buildings.getOrDefault(addressKey(street, number, city), List.of());
            if (found.size() != 1) {
                row.problem(
                        "building_street",
                        found.isEmpty() ? "registry.import.building.unknown" : "registry.import.building.ambiguous",
                        address(street, number, city));
                return null;
            }
            BuildingEntity b = found.get(0);
            if (!scopes.covers(new RegistryLocation(b.organisationId, b.estateId, b.id, null))) {
                row.problem(null, "registry.import.out-of-scope");
                return null;
            }
            return b;
        }

        private String label(ImportCells row) {
            return address(row.text("building_street"), row.text("building_number"), row.text("building_city"));
        }

        private <E> List<E> inChunks(String jpql, Class<E> type, Set<Long> ids) {
            List<Long> all = new ArrayList<>(ids);
            List<E> result = new ArrayList<>();
            for (int from = 0; from < all.size(); from += 500) {
                result.addAll(em.createQuery(jpql, type)
                        .setParameter("ids", all.subList(from, Math.min(all.size(), from + 500)))
                        .getResultList());
            }
            return result;
        }

        /** The registry's field checks of one row; null (and the row's problems) when it refuses it. */
        private <T> T checked(ImportCells row, ImportKind kind, java.util.function.Supplier<T> check) {
            try {
                return check.get();
            } catch (InvalidFieldsException e) {
                refused(row, kind, e.errors());
                return null;
            }
        }

        private void refused(ImportCells row, ImportKind kind, List<FieldError> errors) {
            for (FieldError e : errors) {
                row.problem(
                        column(kind, e.field()), e.messageKey(), e.arguments().toArray());
            }
        }

        /** Whether the key came earlier in the file (a problem on this row then). */
        private boolean duplicate(ImportCells row, Map<String, Integer> seen, String key) {
            Integer first = seen.putIfAbsent(key, row.line);
            if (first != null) {
                row.problem(null, "registry.import.row.repeated", first);
                return true;
            }
            return false;
        }

        /**
         * An object already there: unchanged when every column the file has holds the same value, otherwise
         * refused (an import never overwrites what the office changed in Domus meanwhile).
         */
        private void same(ImportCells row, ImportKind kind, Map<String, String> stored, Map<String, String> given) {
            List<String> differ = new ArrayList<>();
            for (ImportColumn c : kind.columns()) {
                if (stored.containsKey(c.name())
                        && row.has(c.name())
                        && !Objects.equals(blankToNull(stored.get(c.name())), blankToNull(given.get(c.name())))) {
                    differ.add(c.name());
                }
            }
            if (differ.isEmpty()) {
                status.put(row, RowStatus.UNCHANGED);
            } else {
                for (String column : differ) {
                    row.problem(column, "registry.import.differs", blankToNull(stored.get(column)));
                }
            }
        }

        private void created(ImportCells row, long id) {
            status.put(row, RowStatus.CREATE);
            ids.put(row, id);
        }

        /**
         * Creates the objects through the registry's batch call. The batch names refused objects by index
         * ({@code [3].share}): those rows get the problems and the rest is tried again, until the batch
         * passes. The refused attempts wrote nothing (the registry checks before it writes). A share-sum
         * error also falls on every later unit of the building (the batch keeps a running sum), so only the
         * first such unit of each building is refused per attempt, and only once no other error is left.
         */
        private <T, R> void batch(
                ImportKind kind,
                List<ImportCells> owners,
                List<T> values,
                Function<List<T>, List<R>> create,
                ToLongFunction<R> id,
                Function<T, Object> group) {
            List<ImportCells> rowsLeft = new ArrayList<>(owners);
            List<T> left = new ArrayList<>(values);
            while (!left.isEmpty()) {
                try {
                    List<R> created = create.apply(left);
                    for (int i = 0; i < created.size(); i++) {
                        created(rowsLeft.get(i), id.applyAsLong(created.get(i)));
                    }
                    return;
                } catch (InvalidFieldsException e) {
                    Map<Integer, List<FieldError>> byIndex = new LinkedHashMap<>();
                    for (FieldError error : e.errors()) {
                        Matcher m = BATCH_FIELD.matcher(error.field());
                        if (left.size() == 1) {
                            byIndex.computeIfAbsent(0, k -> new ArrayList<>())
                                    .add(new FieldError(
                                            m.matches() ? m.group(2) : error.field(),
                                            error.messageKey(),
                                            error.arguments()));
                        } else if (m.matches()) {
                            byIndex.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new ArrayList<>())
                                    .add(new FieldError(m.group(2), error.messageKey(), error.arguments()));
                        } else {
                            // Not attributable to one object: fall back to one call per object.
                            one(kind, rowsLeft, left, create, id);
                            return;
                        }
                    }
                    Map<Integer, List<FieldError>> refused = new LinkedHashMap<>();
                    byIndex.forEach((index, errors) -> {
                        List<FieldError> own = errors.stream()
                                .filter(f -> !SEQUENTIAL.contains(f.messageKey()))
                                .toList();
                        if (!own.isEmpty()) {
                            refused.put(index, own);
                        }
                    });
                    if (refused.isEmpty()) {
                        Set<Object> groups = new HashSet<>();
                        for (Map.Entry<Integer, List<FieldError>> e2 : byIndex.entrySet()) {
                            if (groups.add(group.apply(left.get(e2.getKey())))) {
                                refused.put(e2.getKey(), e2.getValue());
                            }
                        }
                    }
                    for (Map.Entry<Integer, List<FieldError>> e2 : refused.entrySet()) {
                        refused(rowsLeft.get(e2.getKey()), kind, e2.getValue());
                    }
                    List<ImportCells> nextRows = new ArrayList<>();
                    List<T> next = new ArrayList<>();
                    for (int i = 0; i < left.size(); i++) {
                        if (!refused.containsKey(i)) {
                            nextRows.add(rowsLeft.get(i));
                            next.add(left.get(i));
                        }
                    }
                    rowsLeft = nextRows;
                    left = next;
                }
            }
        }

        private <T, R> void one(
                ImportKind kind,
                List<ImportCells> owners,
                List<T> values,
                Function<List<T>, List<R>> create,
                ToLongFunction<R> id) {
            for (int i = 0; i < values.size(); i++) {
                try {
                    created(
                            owners.get(i),
                            id.applyAsLong(create.apply(List.of(values.get(i))).get(0)));
                } catch (InvalidFieldsException e) {
                    refused(owners.get(i), kind, e.errors());
                }
            }
        }
    }

    /** The file's column for a property the registry named, or null for the row as a whole. */
    static String column(ImportKind kind, String field) {
        String f = field.startsWith("address.") ? field.substring("address.".length()) : field;
        String name =
                switch (f) {
                    case "number" -> kind == ImportKind.UNITS || kind == ImportKind.TENURES ? "unit" : "number";
                    case "buildingId" -> "building_street";
                    case "unitId" -> "unit";
                    case "personId" -> "person_reference";
                    default -> f.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
                };
        for (ImportColumn c : kind.columns()) {
            if (c.name().equals(name)) {
                return name;
            }
        }
        return null;
    }

    private static String addressKey(String street, String number, String city) {
        return Checks.key(street) + "|" + Checks.sortKey(number) + "|" + Checks.key(city);
    }

    private static String address(String street, String number, String city) {
        return ((street == null ? "" : street) + " " + (number == null ? "" : number)).strip()
                + (city == null ? "" : ", " + city);
    }

    private static String plain(BigDecimal d) {
        return d == null ? null : d.stripTrailingZeros().toPlainString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
