package org.domus.demo.internal.communications;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.domus.communications.ContactDirectory;
import org.domus.communications.ContactScope;
import org.domus.communications.EmergencyContact;
import org.domus.communications.EmergencyKind;
import org.domus.communications.Office;
import org.domus.communications.StaffContact;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.RoleGrant;
import org.domus.core.access.ScopeType;
import org.domus.core.account.Account;
import org.domus.core.account.AccountService;
import org.domus.core.registry.Building;
import org.domus.core.registry.BuildingFilter;
import org.domus.core.registry.Estate;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Page;
import org.domus.core.registry.RegistryService;
import org.domus.demo.internal.communications.ContactTexts.Country;
import org.domus.demo.internal.communications.ContactTexts.Line;

/**
 * A demo organisation's contact directory, made through the communications module's exported service: the
 * office with the country's usual hours (for the whole organisation), staff contacts linked to the demo's staff
 * accounts (the organisation's manager and accountant, each estate's manager, the technicians of their
 * buildings) under local role labels, the distributors' emergency lines for the organisation, and a lift
 * service for every building.
 */
public final class DirectoryDemoData {

    static final Subject SYSTEM = Subject.system("demo", "Demo generator");

    private static final int PAGE = 500;

    /** What was made for one organisation. */
    public record Result(boolean created, String organisation, int offices, int staff, int emergency) {
        static Result skipped(String organisation) {
            return new Result(false, organisation, 0, 0, 0);
        }
    }

    private final RegistryService registry;
    private final AccountService accounts;
    private final ContactDirectory directory;

    public DirectoryDemoData(RegistryService registry, AccountService accounts, ContactDirectory directory) {
        this.registry = Objects.requireNonNull(registry);
        this.accounts = Objects.requireNonNull(accounts);
        this.directory = Objects.requireNonNull(directory);
    }

    /** Makes the organisation's directory unless it has entries already (then does nothing). */
    public Result generateIfEmpty(long organisationId, long seed) {
        Organisation organisation = registry.organisations(SYSTEM).stream()
                .filter(o -> o.id() == organisationId)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no organisation " + organisationId));
        Country texts = ContactTexts.COUNTRIES.get(organisation.country());
        if (texts == null
                || !directory.offices(SYSTEM, organisationId).isEmpty()
                || !directory.emergencyContacts(SYSTEM, organisationId).isEmpty()) {
            return Result.skipped(organisation.name());
        }
        Random random = new Random(seed ^ 0xD1EC7L ^ organisation.country().hashCode());
        List<Estate> estates = estates(organisationId);
        List<Building> buildings = buildings(estates);
        if (buildings.isEmpty()) {
            return Result.skipped(organisation.name());
        }

        Building seat = buildings.get(0);
        directory.saveOffice(
                SYSTEM,
                new Office(
                        0,
                        organisationId,
                        ContactScope.organisation(organisationId),
                        texts.office(),
                        seat.address(),
                        phone(texts.mobilePrefix(), random),
                        office(texts),
                        texts.hours(),
                        List.of(),
                        texts.note(),
                        0));

        int staff = 0;
        for (Map.Entry<Account, RoleGrant> e :
                staffOf(organisationId, estates, buildings).entrySet()) {
            Account a = e.getKey();
            RoleGrant g = e.getValue();
            String role =
                    switch (g.role()) {
                        case MANAGER -> g.scopeType() == ScopeType.ORGANISATION
                                ? texts.manager()
                                : texts.estateManager();
                        case ACCOUNTANT -> texts.accountant();
                        default -> texts.technician();
                    };
            directory.saveStaffContact(
                    SYSTEM,
                    new StaffContact(
                            0,
                            organisationId,
                            new ContactScope(g.scopeType(), g.scopeId()),
                            a.displayName(),
                            role,
                            phone(texts.mobilePrefix(), random),
                            email(a.displayName(), texts.mailDomain()),
                            a.id(),
                            0));
            staff++;
        }

        int emergency = 0;
        for (Line line : texts.lines()) {
            directory.saveEmergencyContact(
                    SYSTEM,
                    new EmergencyContact(
                            0,
                            organisationId,
                            ContactScope.organisation(organisationId),
                            line.kind(),
                            line.company(),
                            line.phone(),
                            line.note(),
                            0));
            emergency++;
        }
        for (int i = 0; i < buildings.size(); i++) {
            Building b = buildings.get(i);
            directory.saveEmergencyContact(
                    SYSTEM,
                    new EmergencyContact(
                            0,
                            organisationId,
                            ContactScope.building(b.id()),
                            EmergencyKind.LIFT,
                            texts.liftCompanies().get(i % texts.liftCompanies().size()),
                            texts.liftPrefix() + digits(3, random) + " " + digits(3, random),
                            texts.liftNote(),
                            0));
            emergency++;
        }
        return new Result(true, organisation.name(), 1, staff, emergency);
    }

    private static String office(Country texts) {
        return "kancelar@" + texts.mailDomain();
    }

    /**
     * The organisation's staff accounts to list, with the grant that places them: the organisation's managers
     * and accountants, its estates' managers, the technicians of its buildings.
     */
    private Map<Account, RoleGrant> staffOf(long organisationId, List<Estate> estates, List<Building> buildings) {
        List<Long> estateIds = estates.stream().map(Estate::id).toList();
        List<Long> buildingIds = buildings.stream().map(Building::id).toList();
        Map<Account, RoleGrant> staff = new LinkedHashMap<>();
        List<Account> all = new ArrayList<>(accounts.list());
        all.sort(Comparator.comparing(Account::login));
        for (Account a : all) {
            for (RoleGrant g : accounts.grants(a.id())) {
                if (g.scopeType() == null || g.scopeId() == null) {
                    continue;
                }
                boolean listed =
                        switch (g.role()) {
                            case MANAGER -> (g.scopeType() == ScopeType.ORGANISATION && g.scopeId() == organisationId)
                                    || (g.scopeType() == ScopeType.ESTATE && estateIds.contains(g.scopeId()));
                            case ACCOUNTANT -> g.scopeType() == ScopeType.ORGANISATION && g.scopeId() == organisationId;
                            case TECHNICIAN -> g.scopeType() == ScopeType.BUILDING && buildingIds.contains(g.scopeId());
                            default -> false;
                        };
                if (listed && a.roles().stream().anyMatch(Role::isStaff)) {
                    staff.putIfAbsent(a, g);
                }
            }
        }
        return staff;
    }

    private List<Estate> estates(long organisationId) {
        List<Estate> estates = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            Page<Estate> page = registry.estates(SYSTEM, offset, PAGE);
            page.items().stream()
                    .filter(e -> e.organisationId() == organisationId)
                    .forEach(estates::add);
            if (offset + PAGE >= page.total()) {
                return estates;
            }
        }
    }

    private List<Building> buildings(List<Estate> estates) {
        List<Long> ids = estates.stream().map(Estate::id).toList();
        List<Building> buildings = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            Page<Building> page = registry.buildings(SYSTEM, BuildingFilter.NONE, offset, PAGE);
            page.items().stream().filter(b -> ids.contains(b.estateId())).forEach(buildings::add);
            if (offset + PAGE >= page.total()) {
                buildings.sort(Comparator.comparing(Building::id));
                return buildings;
            }
        }
    }

    /** A mobile number in the national format: the prefix and 8 digits, {@code +420 7xx xxx xxx}. */
    private static String phone(String prefix, Random random) {
        return prefix + digits(2, random) + " " + digits(3, random) + " " + digits(3, random);
    }

    private static String digits(int n, Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(random.nextInt(10));
        }
        return s.toString();
    }

    /** {@code jana.novakova@domain}: the name without accents. */
    static String email(String name, String domain) {
        String ascii = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace("ł", "l")
                .replace("Ł", "L")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z]+", ".")
                .replaceAll("^\\.|\\.$", "");
        return ascii + "@" + domain;
    }
}
