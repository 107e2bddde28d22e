package org.domus.demo.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.RoleGrant;
import org.domus.core.access.ScopeType;
import org.domus.core.account.Account;
import org.domus.core.account.AccountService;
import org.domus.core.account.NewAccount;
import org.domus.core.registry.Address;
import org.domus.core.registry.Building;
import org.domus.core.registry.Estate;
import org.domus.core.registry.LegalForm;
import org.domus.core.registry.Money;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Person;
import org.domus.core.registry.PersonKind;
import org.domus.core.registry.RegistryService;
import org.domus.core.registry.Share;
import org.domus.core.registry.Tenure;
import org.domus.core.registry.TenureRole;
import org.domus.core.registry.Unit;
import org.domus.core.registry.UnitKind;
import org.domus.core.registry.UnitState;

/**
 * Builds realistic demo organisations through the public registry and account services: a Czech housing
 * cooperative in Praha (CZK), a Polish housing cooperative in Kraków (PLN) and a Romanian owners' association in
 * Cluj-Napoca (RON), each with its own bank account and registration numbers, estates in its city's districts,
 * buildings, units with exact shares and local payment references, persons with tenure histories and staff
 * accounts of every role scoped to it. Everything comes from one seeded {@link Random} and fixed dates, so the
 * same seed gives the same organisations; the whole run is one transaction ({@link RegistryService#allOrNothing}),
 * so a failure leaves nothing behind.
 */
public final class CooperativeGenerator {

    /** Who the demo data is written by in the audit trail. */
    static final Subject SYSTEM = Subject.system("demo", "Demo generator");

    /** The Czech demo cooperative's name (the first organisation). */
    public static final String NAME = "Stavební bytové družstvo Domus Demo";

    /**
     * One demo organisation: where it is, what it is called, its bank and the language of its staff.
     *
     * @param country ISO country code
     * @param currency the currency of its books
     * @param city the city whose districts hold its estates
     * @param name its name
     * @param bic its bank's BIC
     * @param staffSuffix appended to the organisation-wide staff logins ({@code manager}, {@code accountant},
     *     {@code board}); empty for the first organisation, whose logins stay the plain ones
     * @param locale the language of its staff accounts; null for the Czech cooperative, whose staff logins
     *     (used by the README and the tests) keep the platform's default language
     */
    record Cooperative(
            String country, String currency, String city, String name, String bic, String staffSuffix, Locale locale) {}

    /**
     * The demo organisations, in the order they are created: the first is the one {@link Result#organisation()}
     * names and the only one when {@link Settings#organisations()} is 1.
     */
    static final List<Cooperative> COOPERATIVES = List.of(
            // Česká spořitelna (bank code 0800)
            new Cooperative("CZ", "CZK", "Praha", NAME, "GIBACZPX", "", null),
            // Bank Pekao, the bank of the units' virtual accounts (BankNumbers.PL_SORT_CODE)
            new Cooperative(
                    "PL",
                    "PLN",
                    "Kraków",
                    "Spółdzielnia Mieszkaniowa Domus Demo w Krakowie",
                    "PKOPPLPW",
                    ".krakow",
                    Locale.forLanguageTag("pl")),
            // Banca Transilvania
            new Cooperative(
                    "RO",
                    "RON",
                    "Cluj-Napoca",
                    "Asociația de Proprietari Domus Demo Cluj-Napoca",
                    "BTRLRO22",
                    ".cluj",
                    Locale.forLanguageTag("ro")));

    /** The names of the demo organisations: how the demo's other parts (its ledger data) find them again. */
    public static final List<String> NAMES =
            COOPERATIVES.stream().map(Cooperative::name).toList();

    /** Units per building on average; the building count scales with the unit count. */
    static final int UNITS_PER_BUILDING = 40;

    /** Building-scoped technicians get an account each up to this many buildings (every hash costs time). */
    static final int MAX_TECHNICIANS = 15;

    /** The last day of the generated history: later tenures would depend on the day of the run. */
    static final LocalDate HISTORY_END = LocalDate.of(2025, 12, 31);

    /**
     * What to generate.
     *
     * @param units how many units in all (at least 10), split evenly between the organisations
     * @param seed the random seed
     * @param adminLogin the administrator's login
     * @param adminPassword the administrator's password
     * @param residentLogin the demo resident's login
     * @param residentPassword the demo resident's password
     * @param staffPassword the password of every other staff account
     * @param organisations how many of the demo organisations to create (1 to 3, in the order of {@link
     *     #COOPERATIVES}): 1 gives only the Czech cooperative with every unit, as benchmarks of one large
     *     organisation need
     */
    public record Settings(
            int units,
            long seed,
            String adminLogin,
            String adminPassword,
            String residentLogin,
            String residentPassword,
            String staffPassword,
            int organisations) {

        public Settings {
            if (units < 10) {
                throw new IllegalArgumentException("a demo cooperative has at least 10 units: " + units);
            }
            if (organisations < 1 || organisations > COOPERATIVES.size()) {
                throw new IllegalArgumentException(
                        "the demo has 1 to " + COOPERATIVES.size() + " organisations: " + organisations);
            }
        }

        /** All three demo organisations. */
        public Settings(
                int units,
                long seed,
                String adminLogin,
                String adminPassword,
                String residentLogin,
                String residentPassword,
                String staffPassword) {
            this(
                    units,
                    seed,
                    adminLogin,
                    adminPassword,
                    residentLogin,
                    residentPassword,
                    staffPassword,
                    COOPERATIVES.size());
        }
    }

    /**
     * A login of the demo.
     *
     * @param login the login
     * @param role the role
     * @param scope where the role holds, readable
     * @param password the password, or a note when the account existed before
     */
    public record DemoLogin(String login, Role role, String scope, String password) {}

    /**
     * What a run did.
     *
     * @param created false when the registry was not empty and nothing was written
     * @param organisation the first (Czech) demo organisation (null when nothing was created)
     * @param organisations every demo organisation created, the first one first
     * @param estates estates created
     * @param buildings buildings created
     * @param units units created
     * @param persons persons created
     * @param tenures tenures created
     * @param logins the demo logins
     */
    public record Result(
            boolean created,
            Organisation organisation,
            List<Organisation> organisations,
            int estates,
            int buildings,
            int units,
            int persons,
            int tenures,
            List<DemoLogin> logins) {

        static Result skipped() {
            return new Result(false, null, List.of(), 0, 0, 0, 0, 0, List.of());
        }
    }

    private final RegistryService registry;
    private final AccountService accounts;

    public CooperativeGenerator(RegistryService registry, AccountService accounts) {
        this.registry = Objects.requireNonNull(registry);
        this.accounts = Objects.requireNonNull(accounts);
    }

    /** Generates the organisations unless the registry holds an organisation already (then does nothing). */
    public Result generateIfEmpty(Settings settings) {
        if (!registry.organisations(SYSTEM).isEmpty()) {
            return Result.skipped();
        }
        return registry.allOrNothing(() -> new Run(settings).generate());
    }

    /** Number of buildings for a unit count: at least 2. */
    static int buildingsFor(int units) {
        return Math.max(2, Math.round(units / (float) UNITS_PER_BUILDING));
    }

    /** Number of estates of an organisation: one per district of its city as long as it has buildings for them. */
    static int estatesFor(int buildings, int districts) {
        return Math.max(1, Math.min(Math.min(buildings, districts), Math.max(3, (buildings + 24) / 25)));
    }

    /** The units of each of {@code organisations}: an even split, the first ones taking the remainder. */
    static int[] unitsPerOrganisation(int units, int organisations) {
        int[] split = new int[organisations];
        for (int o = 0; o < organisations; o++) {
            split[o] = units / organisations + (o < units % organisations ? 1 : 0);
        }
        return split;
    }

    /** One generation: the state shared by its steps. */
    private final class Run {
        private final Settings s;
        private final Random random;
        private final List<DemoLogin> logins = new ArrayList<>();
        private final List<Person> persons = new ArrayList<>();
        private final List<int[]> tenureRefs = new ArrayList<>(); // {unit index, person index}
        private final List<Tenure> tenureDrafts = new ArrayList<>();
        private final List<Organisation> organisations = new ArrayList<>();
        private final Map<Places.District, Integer> organisationOf = new HashMap<>(); // index in organisations
        private final List<Estate> estates = new ArrayList<>();
        private final List<Places.District> estateDistricts = new ArrayList<>();
        private final List<Building> buildings = new ArrayList<>();
        private final List<Places.District> buildingDistricts = new ArrayList<>();
        private final List<Integer> buildingUnits = new ArrayList<>();
        private final Map<Places.District, Integer> investors = new HashMap<>();
        private Long residentAccount;

        Run(Settings settings) {
            this.s = settings;
            this.random = new Random(settings.seed());
        }

        Result generate() {
            int[] split = unitsPerOrganisation(s.units(), s.organisations());
            for (int o = 0; o < split.length; o++) {
                Cooperative c = COOPERATIVES.get(o);
                Organisation organisation = registry.createOrganisation(SYSTEM, organisation(c));
                organisations.add(organisation);
                List<Places.District> districts = Places.DISTRICTS.stream()
                        .filter(d -> d.city().equals(c.city()))
                        .toList();
                districts.forEach(d -> organisationOf.put(d, organisations.size() - 1));
                int buildingCount = buildingsFor(split[o]);
                int estateCount = estatesFor(buildingCount, districts.size());
                List<Estate> own = new ArrayList<>();
                for (int e = 0; e < estateCount; e++) {
                    Places.District d = districts.get(e);
                    Estate estate = registry.createEstate(
                            SYSTEM, new Estate(0, organisation.id(), d.city() + " – " + d.name(), 0));
                    own.add(estate);
                    estates.add(estate);
                    estateDistricts.add(d);
                }
                for (int b = 0; b < buildingCount; b++) {
                    int e = b % estateCount;
                    Places.District d = districts.get(e);
                    int onEstate = b / estateCount;
                    String street = d.streets().get(onEstate % d.streets().size());
                    String number = d.houseNumber(onEstate / d.streets().size(), random);
                    BigDecimal[] position = d.position(random);
                    buildings.add(registry.createBuilding(
                            SYSTEM,
                            new Building(
                                    0,
                                    own.get(e).id(),
                                    street,
                                    number,
                                    d.city(),
                                    Names.pick(d.postcodes(), random),
                                    d.country(),
                                    position[0],
                                    position[1],
                                    0)));
                    buildingDistricts.add(d);
                    buildingUnits.add(split[o] / buildingCount + (b < split[o] % buildingCount ? 1 : 0));
                }
            }
            checkCancelled();
            createAccounts();
            checkCancelled();
            List<UnitPlan> plans = planUnits();
            List<Unit> units =
                    registry.createUnits(SYSTEM, plans.stream().map(p -> p.unit).toList());
            checkCancelled();
            planTenures(plans);
            List<Person> createdPersons = registry.createPersons(SYSTEM, persons);
            List<Tenure> tenures = new ArrayList<>();
            for (int i = 0; i < tenureDrafts.size(); i++) {
                Tenure t = tenureDrafts.get(i);
                int[] ref = tenureRefs.get(i);
                tenures.add(new Tenure(
                        0,
                        units.get(ref[0]).id(),
                        createdPersons.get(ref[1]).id(),
                        t.role(),
                        t.share(),
                        t.validFrom(),
                        t.validTo(),
                        0));
            }
            checkCancelled();
            int tenureCount = registry.createTenures(SYSTEM, tenures).size();
            return new Result(
                    true,
                    organisations.get(0),
                    List.copyOf(organisations),
                    estates.size(),
                    buildings.size(),
                    units.size(),
                    createdPersons.size(),
                    tenureCount,
                    List.copyOf(logins));
        }

        /**
         * The organisation with its registration numbers and bank account. Each account number has its own
         * random source: it must not shift the rest of the generated data.
         */
        private Organisation organisation(Cooperative c) {
            return switch (c.country()) {
                case "CZ" -> {
                    String ico = BankNumbers.ico(random);
                    String bban = "0800000000" + BankNumbers.digits(10, new Random(s.seed() ^ 0x0800L));
                    yield new Organisation(
                            0,
                            c.name(),
                            ico,
                            c.country(),
                            c.currency(),
                            "CZ" + BankNumbers.checkDigits("CZ", bban) + bban,
                            c.bic(),
                            c.name(),
                            "CZ" + ico,
                            0);
                }
                case "PL" -> {
                    // A spółdzielnia is registered in the KRS; its NIP goes into the ZBP transfer codes.
                    String krs = "0000" + BankNumbers.digits(6, random);
                    String nip = BankNumbers.nip(random);
                    String bban =
                            BankNumbers.PL_SORT_CODE + "0000" + BankNumbers.digits(12, new Random(s.seed() ^ 0x1240L));
                    yield new Organisation(
                            0,
                            c.name(),
                            krs,
                            c.country(),
                            c.currency(),
                            "PL" + BankNumbers.checkDigits("PL", bban) + bban,
                            c.bic(),
                            c.name(),
                            nip,
                            0);
                }
                default -> {
                    // An asociație de proprietari has a fiscal code (CUI) and no VAT number.
                    String cui = BankNumbers.cui(random);
                    String bban = "BTRLRONCRT" + BankNumbers.digits(10, new Random(s.seed() ^ 0xB7L));
                    yield new Organisation(
                            0,
                            c.name(),
                            cui,
                            c.country(),
                            c.currency(),
                            c.country() + BankNumbers.checkDigits(c.country(), bban) + bban,
                            c.bic(),
                            c.name(),
                            cui,
                            0);
                }
            };
        }

        private void checkCancelled() {
            // A stopping bundle interrupts the run; throwing rolls the whole cooperative back.
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("demo generation stopped");
            }
        }

        // ---- accounts ---------------------------------------------------------------------------------

        private void createAccounts() {
            account(
                    s.adminLogin(),
                    "Demo Administrator",
                    s.adminPassword(),
                    Set.of(Role.ADMIN),
                    Set.of(),
                    "everywhere (all organisations)",
                    null);
            residentAccount = account(
                    s.residentLogin(),
                    "Demo Resident",
                    s.residentPassword(),
                    Set.of(Role.RESIDENT),
                    Set.of(),
                    "own units (2, Praha)",
                    null);
            for (int o = 0; o < organisations.size(); o++) {
                Organisation organisation = organisations.get(o);
                String suffix = COOPERATIVES.get(o).staffSuffix();
                String orgScope = "organisation " + organisation.name();
                staff("manager" + suffix, Role.MANAGER, ScopeType.ORGANISATION, organisation.id(), orgScope, o);
                staff("accountant" + suffix, Role.ACCOUNTANT, ScopeType.ORGANISATION, organisation.id(), orgScope, o);
                staff("board" + suffix, Role.BOARD, ScopeType.ORGANISATION, organisation.id(), orgScope, o);
            }
            for (int e = 0; e < estates.size(); e++) {
                Places.District d = estateDistricts.get(e);
                staff(
                        "manager." + Names.ascii(d.name()),
                        Role.MANAGER,
                        ScopeType.ESTATE,
                        estates.get(e).id(),
                        "estate " + estates.get(e).name(),
                        organisationOf.get(d));
            }
            for (int b = 0; b < Math.min(buildings.size(), MAX_TECHNICIANS); b++) {
                Building building = buildings.get(b);
                staff(
                        "technician." + (b + 1),
                        Role.TECHNICIAN,
                        ScopeType.BUILDING,
                        building.id(),
                        "building " + building.address(),
                        organisationOf.get(buildingDistricts.get(b)));
            }
            // A contractor of each organisation, working on its first estate (the tickets' demo links it as a
            // worker of the organisation's contractor companies).
            Set<Integer> withContractor = new HashSet<>();
            for (int e = 0; e < estates.size(); e++) {
                int o = organisationOf.get(estateDistricts.get(e));
                if (withContractor.add(o)) {
                    staff(
                            "contractor" + COOPERATIVES.get(o).staffSuffix(),
                            Role.CONTRACTOR,
                            ScopeType.ESTATE,
                            estates.get(e).id(),
                            "estate " + estates.get(e).name(),
                            o);
                }
            }
        }

        /** A staff account of organisation {@code o}: a local name and the organisation's language. */
        private void staff(String login, Role role, ScopeType type, long scopeId, String scope, int o) {
            Cooperative c = COOPERATIVES.get(o);
            Names.Name name = Names.person(c.country(), random.nextBoolean(), random);
            account(
                    login,
                    name.first() + " " + name.last(),
                    s.staffPassword(),
                    Set.of(),
                    Set.of(RoleGrant.scoped(role, type, scopeId)),
                    scope,
                    c.locale());
        }

        /** Creates the account, or reuses one of that login (left by an earlier demo) without touching it. */
        private Long account(
                String login,
                String displayName,
                String password,
                Set<Role> roles,
                Set<RoleGrant> grants,
                String scope,
                Locale locale) {
            Role role = grants.isEmpty()
                    ? roles.iterator().next()
                    : grants.iterator().next().role();
            Optional<Account> existing = accounts.findByLogin(login);
            if (existing.isPresent()) {
                logins.add(new DemoLogin(login, role, scope, "(existing account, password unchanged)"));
                return existing.get().id();
            }
            Account a = accounts.create(
                    new NewAccount(
                            login,
                            displayName,
                            null,
                            password == null ? new char[0] : password.toCharArray(),
                            roles,
                            locale,
                            false),
                    SYSTEM);
            if (!grants.isEmpty()) {
                accounts.setGrants(a.id(), grants, SYSTEM);
            }
            logins.add(new DemoLogin(login, role, scope, password));
            return a.id();
        }

        // ---- units ------------------------------------------------------------------------------------

        private List<UnitPlan> planUnits() {
            List<UnitPlan> plans = new ArrayList<>();
            for (int b = 0; b < buildings.size(); b++) {
                plans.addAll(planBuilding(b, buildingUnits.get(b)));
            }
            return plans;
        }

        private List<UnitPlan> planBuilding(int b, int n) {
            Places.District d = buildingDistricts.get(b);
            int garages = n >= 20 ? Math.round(n * 0.08f) : 0;
            int storage = n >= 20 ? Math.round(n * 0.07f) : 0;
            int commercial = n >= 12 ? Math.max(1, Math.round(n * 0.05f)) : 0;
            int flats = n - garages - storage - commercial;
            int perFloor = flats >= 20 ? 4 : 3;
            int floors = (flats + perFloor - 1) / perFloor;
            // Two or three staircases (entrances) per block, each with its own run of flats; small houses have
            // one. Derived from the building's index, not drawn, so the rest of the data stays as it was.
            int staircases = Math.max(1, Math.min(2 + b % 2, flats / 6));
            List<long[]> areas = new ArrayList<>(); // centi-m² per unit, for the shares
            List<UnitPlan> plans = new ArrayList<>();
            int seq = 0;
            for (int k = 0; k < flats; k++) {
                int rooms = pickRooms();
                long centi = 100L * (10 + rooms * 16) + random.nextInt(1600);
                List<String> equipment = new ArrayList<>();
                if (random.nextInt(10) < 6) {
                    equipment.add("balcony");
                } else if (random.nextInt(10) < 3) {
                    equipment.add("loggia");
                }
                if (random.nextBoolean()) {
                    equipment.add("cellar");
                }
                if (floors > 4) {
                    equipment.add("lift");
                }
                if (random.nextInt(10) < 3) {
                    equipment.add("gas stove");
                }
                if (random.nextInt(10) < 2) {
                    equipment.add("heat cost allocators");
                }
                plans.add(new UnitPlan(
                        b,
                        ++seq,
                        UnitKind.FLAT,
                        Integer.toString(k + 1),
                        1 + k / perFloor,
                        staircase(d, k * staircases / flats),
                        centi,
                        rooms,
                        equipment,
                        d));
            }
            String shopPrefix =
                    switch (d.country()) {
                        case "CZ" -> "NP";
                        case "PL" -> "U";
                        default -> "SC";
                    };
            String storagePrefix =
                    switch (d.country()) {
                        case "CZ" -> "K";
                        case "PL" -> "KL";
                        default -> "B";
                    };
            for (int k = 0; k < commercial; k++) {
                long centi = 4000L + random.nextInt(14000);
                plans.add(new UnitPlan(
                        b,
                        ++seq,
                        UnitKind.COMMERCIAL,
                        shopPrefix + (k + 1),
                        0,
                        null,
                        centi,
                        1 + random.nextInt(3),
                        List.of("shop window", "own entrance"),
                        d));
            }
            for (int k = 0; k < garages; k++) {
                long centi = 1300L + random.nextInt(600);
                plans.add(new UnitPlan(
                        b,
                        ++seq,
                        UnitKind.GARAGE,
                        "G" + (k + 1),
                        -1,
                        null,
                        centi,
                        null,
                        random.nextInt(10) == 0 ? List.of("electric gate", "EV charger") : List.of("electric gate"),
                        d));
            }
            for (int k = 0; k < storage; k++) {
                long centi = 300L + random.nextInt(600);
                plans.add(new UnitPlan(
                        b, ++seq, UnitKind.STORAGE, storagePrefix + (k + 1), -1, null, centi, null, List.of(), d));
            }
            long total = plans.stream().mapToLong(p -> p.centiArea).sum();
            for (UnitPlan p : plans) {
                // Share in the common parts by floor area (as Czech and Polish law set it): exact, so a
                // building's shares sum to exactly 1.
                boolean resident = b == 0 && (p.seq == 1 || (garages > 0 ? "G1".equals(p.number) : p.seq == 2));
                p.finish(new Share(p.centiArea, total), resident, random);
            }
            return plans;
        }

        /** The n-th staircase's label: 1, 2, 3 in Czech houses ("vchod 2"), A, B, C in Polish and Romanian. */
        private static String staircase(Places.District d, int n) {
            return "CZ".equals(d.country()) ? Integer.toString(n + 1) : String.valueOf((char) ('A' + n));
        }

        private int pickRooms() {
            int r = random.nextInt(100);
            return r < 15 ? 1 : r < 50 ? 2 : r < 85 ? 3 : 4;
        }

        // ---- persons and tenures ------------------------------------------------------------------------

        private void planTenures(List<UnitPlan> plans) {
            Map<Integer, List<Integer>> flatHolders = new HashMap<>(); // building -> holder person indexes
            Map<Integer, LocalDate> holderSince = new HashMap<>();
            Integer residentPerson = null;
            for (int u = 0; u < plans.size(); u++) {
                UnitPlan p = plans.get(u);
                if (p.forResident) {
                    // The demo resident owns two units of the first building: flat 1 and a garage (or flat 2).
                    if (residentPerson == null) {
                        residentPerson = natural(p.district, random.nextBoolean(), null, residentAccount);
                    }
                    LocalDate since = LocalDate.of(2016, 4, 1);
                    formerOwners(u, p, since);
                    tenure(u, residentPerson, TenureRole.OWNER, Share.ONE, since, null);
                    continue;
                }
                if ((p.unit.kind() == UnitKind.GARAGE || p.unit.kind() == UnitKind.STORAGE)
                        && p.unit.state() == UnitState.OCCUPIED) {
                    List<Integer> holders = flatHolders.get(p.building);
                    if (holders != null && !holders.isEmpty() && random.nextInt(10) < 7) {
                        // Most garages and cellars belong to someone living in the building.
                        int person = Names.pick(holders, random);
                        TenureRole role = p.unit.legalForm() == LegalForm.LEASE ? TenureRole.TENANT : TenureRole.OWNER;
                        LocalDate since = holderSince.get(person).plusMonths(random.nextInt(24));
                        if (since.isAfter(HISTORY_END)) {
                            since = HISTORY_END;
                        }
                        tenure(u, person, role, role == TenureRole.OWNER ? Share.ONE : null, since, null);
                        continue;
                    }
                }
                List<Integer> current = p.unit.legalForm() == LegalForm.LEASE ? leaseHistory(u, p) : ownerHistory(u, p);
                if (p.unit.kind() == UnitKind.FLAT && !current.isEmpty()) {
                    flatHolders
                            .computeIfAbsent(p.building, k -> new ArrayList<>())
                            .add(current.get(0));
                    holderSince.putIfAbsent(current.get(0), lastStart);
                }
            }
        }

        private LocalDate lastStart;

        /** Owners or members one after another; returns the current holders. */
        private List<Integer> ownerHistory(int u, UnitPlan p) {
            int eras = 1 + (random.nextInt(10) < 3 ? 1 : 0) + (random.nextInt(10) == 0 ? 1 : 0);
            LocalDate from = LocalDate.of(1994 + random.nextInt(14), 1 + random.nextInt(12), 1);
            List<Integer> holders = List.of();
            for (int era = 0; era < eras; era++) {
                LocalDate next = from.plusYears(3 + random.nextInt(10)).plusDays(random.nextInt(200));
                boolean last = era == eras - 1 || next.isAfter(HISTORY_END);
                LocalDate to = last ? null : next.minusDays(1);
                holders = holdersOf(u, p, from, to);
                lastStart = from;
                if (last) {
                    break;
                }
                from = next;
            }
            return holders;
        }

        /** Earlier owners of a unit whose current owner is fixed, ending the day before {@code until}. */
        private void formerOwners(int u, UnitPlan p, LocalDate until) {
            LocalDate from = until.minusYears(8 + random.nextInt(10));
            int person = natural(p.district, random.nextBoolean(), null, null);
            tenure(u, person, TenureRole.OWNER, Share.ONE, from, until.minusDays(1));
        }

        private List<Integer> holdersOf(int u, UnitPlan p, LocalDate from, LocalDate to) {
            boolean legal = p.unit.kind() == UnitKind.COMMERCIAL;
            boolean member = p.unit.legalForm() == LegalForm.COOPERATIVE_RIGHT;
            if (legal) {
                int company = legal(p.district);
                tenure(u, company, TenureRole.OWNER, Share.ONE, from, to);
                return List.of(company);
            }
            if (to == null && !member && p.unit.kind() == UnitKind.FLAT && random.nextInt(100) < 4) {
                // Some owners hold several flats (investors letting them).
                int investor = investors.computeIfAbsent(p.district, d -> natural(d, false, null, null));
                tenure(u, investor, TenureRole.OWNER, Share.ONE, from, null);
                return List.of(investor);
            }
            boolean woman = random.nextBoolean();
            int first = natural(p.district, woman, null, null);
            List<Integer> holders = new ArrayList<>();
            holders.add(first);
            if (random.nextInt(4) == 0) {
                // A couple: co-owners (or joint members) with half each.
                int second = natural(p.district, !woman, persons.get(first), null);
                Share half = new Share(1, 2);
                tenure(u, first, member ? TenureRole.MEMBER : TenureRole.CO_OWNER, half, from, to);
                tenure(u, second, member ? TenureRole.MEMBER : TenureRole.CO_OWNER, half, from, to);
                holders.add(second);
            } else {
                tenure(u, first, member ? TenureRole.MEMBER : TenureRole.OWNER, Share.ONE, from, to);
            }
            if (to == null && p.unit.kind() == UnitKind.FLAT && random.nextInt(100) < 35) {
                // A grown-up child or relative registered as living there.
                int resident = natural(p.district, random.nextBoolean(), persons.get(first), null);
                LocalDate since = from.plusYears(1 + random.nextInt(6));
                tenure(u, resident, TenureRole.RESIDENT, null, since.isAfter(HISTORY_END) ? HISTORY_END : since, null);
            }
            return holders;
        }

        /** Tenants one after another (the cooperative owns the unit); returns the current tenants. */
        private List<Integer> leaseHistory(int u, UnitPlan p) {
            boolean occupied = p.unit.state() == UnitState.OCCUPIED;
            int eras = 1 + random.nextInt(3);
            LocalDate from = LocalDate.of(2000 + random.nextInt(12), 1 + random.nextInt(12), 1);
            List<Integer> tenants = List.of();
            for (int era = 0; era < eras; era++) {
                LocalDate end = from.plusYears(2 + random.nextInt(6)).minusDays(1);
                boolean last = era == eras - 1 || end.isAfter(HISTORY_END.minusYears(1));
                LocalDate to = last && occupied ? null : end.isAfter(HISTORY_END) ? HISTORY_END : end;
                int tenant = p.unit.kind() == UnitKind.COMMERCIAL
                        ? legal(p.district)
                        : natural(p.district, random.nextBoolean(), null, null);
                tenure(u, tenant, TenureRole.TENANT, null, from, to);
                tenants = to == null ? List.of(tenant) : List.of();
                lastStart = from;
                if (last) {
                    break;
                }
                from = end.plusDays(1 + random.nextInt(60));
            }
            return tenants;
        }

        private void tenure(int unit, int person, TenureRole role, Share share, LocalDate from, LocalDate to) {
            tenureDrafts.add(new Tenure(0, 0, 0, role, share, from, to, 0));
            tenureRefs.add(new int[] {unit, person});
        }

        private int natural(Places.District d, boolean woman, Person relative, Long accountId) {
            Names.Name name = relative == null
                    ? Names.person(d.country(), woman, random)
                    : Names.partner(
                            d.country(), new Names.Name(relative.firstName(), relative.lastName()), woman, random);
            int index = persons.size();
            // example.org (RFC 2606) so that a demo can never mail a real person.
            String email =
                    Names.ascii(name.first()) + "." + Names.ascii(name.last()) + "." + (index + 1) + "@example.org";
            persons.add(new Person(
                    0,
                    organisations.get(organisationOf.get(d)).id(),
                    PersonKind.NATURAL,
                    name.first(),
                    name.last(),
                    null,
                    null,
                    email,
                    phone(d.country()),
                    relative == null ? addressIn(d) : relative.address(),
                    random.nextInt(10) < 7 ? BankNumbers.iban(d.country(), random) : null,
                    accountId,
                    0));
            return index;
        }

        private int legal(Places.District d) {
            int index = persons.size();
            String reg =
                    switch (d.country()) {
                        case "CZ" -> BankNumbers.ico(random);
                        case "PL" -> "KRS " + BankNumbers.digits(10, random);
                        default -> "RO" + BankNumbers.digits(8, random);
                    };
            persons.add(new Person(
                    0,
                    organisations.get(organisationOf.get(d)).id(),
                    PersonKind.LEGAL,
                    null,
                    null,
                    Names.company(d.country(), random),
                    reg,
                    "office." + (index + 1) + "@example.org",
                    phone(d.country()),
                    addressIn(d),
                    BankNumbers.iban(d.country(), random),
                    null,
                    0));
            return index;
        }

        private Address addressIn(Places.District d) {
            String street = Names.pick(d.streets(), random);
            return new Address(
                    street + " " + d.houseNumber(random.nextInt(20), random),
                    d.city(),
                    Names.pick(d.postcodes(), random),
                    d.country());
        }

        private String phone(String country) {
            return switch (country) {
                case "CZ" -> "+420 " + (601 + random.nextInt(199)) + " " + BankNumbers.digits(3, random) + " "
                        + BankNumbers.digits(3, random);
                case "PL" -> "+48 " + (500 + random.nextInt(299)) + " " + BankNumbers.digits(3, random) + " "
                        + BankNumbers.digits(3, random);
                default -> "+40 7" + BankNumbers.digits(2, random) + " " + BankNumbers.digits(3, random) + " "
                        + BankNumbers.digits(3, random);
            };
        }

        /** A unit before it is stored, with what its tenures need to know. */
        private final class UnitPlan {
            final int building;
            final int seq;
            final long centiArea;
            final Places.District district;
            final UnitKind kind;
            final String number;
            final int floor;
            final String staircase;
            final Integer rooms;
            final List<String> equipment;
            boolean forResident;
            Unit unit;

            UnitPlan(
                    int building,
                    int seq,
                    UnitKind kind,
                    String number,
                    int floor,
                    String staircase,
                    long centiArea,
                    Integer rooms,
                    List<String> equipment,
                    Places.District district) {
                this.building = building;
                this.seq = seq;
                this.kind = kind;
                this.number = number;
                this.floor = floor;
                this.staircase = staircase;
                this.centiArea = centiArea;
                this.rooms = rooms;
                this.equipment = equipment;
                this.district = district;
            }

            void finish(Share share, boolean resident, Random random) {
                forResident = resident;
                LegalForm form = resident ? LegalForm.OWNERSHIP : legalForm(random);
                UnitState state = UnitState.OCCUPIED;
                if (form == LegalForm.LEASE) {
                    int r = random.nextInt(100);
                    state = r < 8 ? UnitState.VACANT : r < 11 ? UnitState.RENOVATION : UnitState.OCCUPIED;
                }
                BigDecimal area = BigDecimal.valueOf(centiArea, 2);
                unit = new Unit(
                        0,
                        buildings.get(building).id(),
                        number,
                        kind,
                        floor,
                        staircase,
                        area,
                        rooms,
                        equipment,
                        share,
                        form,
                        state,
                        rent(form, area),
                        "CZ".equals(district.country())
                                ? String.format(Locale.ROOT, "1%03d%04d", building + 1, seq)
                                : null,
                        "PL".equals(district.country()) ? BankNumbers.virtualAccount(building + 1, seq) : null,
                        0);
            }

            private LegalForm legalForm(Random random) {
                int r = random.nextInt(100);
                if ("RO".equals(district.country())) {
                    // An owners' association owns no units: every unit, shops included, is an owner's.
                    return LegalForm.OWNERSHIP;
                }
                if (kind == UnitKind.COMMERCIAL) {
                    return r < 75 ? LegalForm.LEASE : LegalForm.OWNERSHIP;
                }
                return switch (district.country()) {
                    case "CZ" -> r < 55 ? LegalForm.COOPERATIVE_RIGHT : r < 90 ? LegalForm.OWNERSHIP : LegalForm.LEASE;
                    default -> r < 50 ? LegalForm.COOPERATIVE_RIGHT : r < 90 ? LegalForm.OWNERSHIP : LegalForm.LEASE;
                };
            }

            /** Rent for leases, the monthly fee for cooperative units; owners pay advances, not rent. */
            private Money rent(LegalForm form, BigDecimal area) {
                BigDecimal perSquareMetre =
                        switch (form) {
                            case LEASE -> switch (district.country()) {
                                case "CZ" -> new BigDecimal("185.00");
                                case "PL" -> new BigDecimal("31.50");
                                default -> new BigDecimal("24.00");
                            };
                            case COOPERATIVE_RIGHT -> switch (district.country()) {
                                case "CZ" -> new BigDecimal("42.00");
                                case "PL" -> new BigDecimal("9.80");
                                default -> new BigDecimal("6.50");
                            };
                            default -> null;
                        };
                if (perSquareMetre == null) {
                    return null;
                }
                return new Money(
                        area.multiply(perSquareMetre).setScale(2, java.math.RoundingMode.HALF_UP), district.currency());
            }
        }
    }
}
