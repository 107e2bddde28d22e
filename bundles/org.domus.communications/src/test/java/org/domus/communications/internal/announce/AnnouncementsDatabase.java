package org.domus.communications.internal.announce;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.persistence.EntityManagerFactory;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.domus.communications.internal.CommunicationsGrants;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.PermissionGrant;
import org.domus.core.access.RoleGrant;
import org.domus.core.access.ScopeType;
import org.domus.core.audience.Audience;
import org.domus.core.audience.AudienceTarget;
import org.domus.core.audience.Recipient;
import org.domus.core.internal.access.RoleBasedAccessPolicy;
import org.domus.core.internal.registry.JpaRegistryDirectory;
import org.domus.core.internal.registry.RegistryGrants;
import org.domus.core.internal.registry.RegistryServiceImpl;
import org.domus.core.registry.Address;
import org.domus.core.registry.Building;
import org.domus.core.registry.Estate;
import org.domus.core.registry.LegalForm;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Person;
import org.domus.core.registry.PersonKind;
import org.domus.core.registry.Share;
import org.domus.core.registry.Tenure;
import org.domus.core.registry.TenureRole;
import org.domus.core.registry.Unit;
import org.domus.core.registry.UnitKind;
import org.domus.core.registry.UnitState;
import org.domus.persistence.testing.ResourceLocalJpaTemplate;
import org.domus.persistence.testing.TestMigrations;
import org.eclipse.persistence.jpa.PersistenceProvider;

/**
 * A fresh in-memory Derby database with the platform's and the communications module's real changelogs, the
 * platform's real registry and access policy, the communications persistence unit, and an audience over the
 * platform's tables (tenures current on the day, active accounts) whose staircase labels the test sets.
 */
final class AnnouncementsDatabase implements AutoCloseable {

    static final Subject ADMIN = Subject.system("admin", "Admin");

    final EmbeddedDataSource dataSource;
    final EntityManagerFactory coreEmf;
    final EntityManagerFactory commEmf;
    final RoleBasedAccessPolicy policy;
    final RegistryServiceImpl registry;
    /** Friday 6 March 2026, 09:00 in Prague. */
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-06T08:00:00Z"));

    final TableAudience audience = new TableAudience();
    final AnnouncementServiceImpl announcements;

    AnnouncementsDatabase() {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:announcements-" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
        ClassLoader loader = getClass().getClassLoader();
        TestMigrations.apply(dataSource, loader, "db/core-changelog.xml");
        TestMigrations.apply(dataSource, loader, "db/communications-changelog.xml");
        Map<String, Object> props = new HashMap<>();
        props.put("javax.persistence.nonJtaDataSource", dataSource);
        props.put("eclipselink.logging.level", "WARNING");
        coreEmf = new PersistenceProvider().createEntityManagerFactory("domus.core", props);
        commEmf = new PersistenceProvider().createEntityManagerFactory("domus.communications", props);
        ResourceLocalJpaTemplate coreJpa = new ResourceLocalJpaTemplate(coreEmf);
        List<PermissionGrant> grants = List.of(new RegistryGrants(), new CommunicationsGrants());
        policy = new RoleBasedAccessPolicy(grants, new JpaRegistryDirectory(coreJpa), clock);
        registry = RegistryServiceImpl.create(coreJpa, policy, clock);
        announcements = AnnouncementServiceImpl.create(
                new ResourceLocalJpaTemplate(commEmf), policy, audience, registry, clock);
    }

    Organisation organisation(String name) {
        return registry.createOrganisation(ADMIN, new Organisation(0, name, null, "CZ", "CZK", 0));
    }

    Estate estate(long organisationId, String name) {
        return registry.createEstate(ADMIN, new Estate(0, organisationId, name, 0));
    }

    Building building(long estateId, String street, String number) {
        return registry.createBuilding(
                ADMIN,
                new Building(
                        0,
                        estateId,
                        street,
                        number,
                        "Brno",
                        "60200",
                        "CZ",
                        new BigDecimal("49.195000"),
                        new BigDecimal("16.608000"),
                        0));
    }

    /** A unit on a staircase (the label the audience uses for staircase targets). */
    Unit unit(long buildingId, String number, String staircase) {
        Unit u = registry.createUnit(
                ADMIN,
                new Unit(
                        0,
                        buildingId,
                        number,
                        UnitKind.FLAT,
                        1,
                        new BigDecimal("60"),
                        2,
                        List.of(),
                        new Share(1, 10),
                        LegalForm.OWNERSHIP,
                        UnitState.OCCUPIED,
                        null,
                        null,
                        null,
                        0));
        audience.staircases.put(u.id(), staircase);
        return u;
    }

    long account(String login) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO CORE_ACCOUNT (LOGIN, DISPLAY_NAME, PASSWORD_HASH, STATUS, CREATED_AT)"
                                + " VALUES (?, ?, 'x', 'ACTIVE', CURRENT_TIMESTAMP)",
                        Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, login);
            ps.setString(2, login);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A resident holding the unit from {@code from} to {@code to} (null: still). */
    Subject resident(String login, long organisationId, Unit unit, LocalDate from, LocalDate to) {
        long accountId = account(login);
        Person person = registry.createPerson(
                ADMIN,
                new Person(
                        0,
                        organisationId,
                        PersonKind.NATURAL,
                        login,
                        "Resident",
                        null,
                        null,
                        null,
                        null,
                        new Address("Main 1", "Brno", "60200", "CZ"),
                        null,
                        accountId,
                        0));
        registry.createTenure(ADMIN, new Tenure(0, unit.id(), person.id(), TenureRole.OWNER, Share.ONE, from, to, 0));
        return new Subject(accountId, login, login, Set.of(Role.RESIDENT), Locale.ENGLISH, Set.of());
    }

    Subject resident(String login, long organisationId, Unit unit) {
        return resident(login, organisationId, unit, LocalDate.of(2020, 1, 1), null);
    }

    Subject staff(String login, Role role, ScopeType type, long id) {
        long accountId = account(login);
        return Subject.of(accountId, login, login, Locale.ENGLISH, Set.of(RoleGrant.scoped(role, type, id)));
    }

    long count(String sql) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        commEmf.close();
        coreEmf.close();
    }

    /**
     * Who holds which unit on a day, read from the platform's tenure, person, account and unit tables; staircase
     * labels come from the test (the registry of this branch has none yet).
     */
    final class TableAudience implements Audience {

        final Map<Long, String> staircases = new HashMap<>();

        private record Holding(long accountId, String name, long unitId, long buildingId, long estateId, long orgId) {}

        private List<Holding> holdings(LocalDate day) {
            String sql = "SELECT a.ID, a.DISPLAY_NAME, u.ID, u.BUILDING_ID, u.ESTATE_ID, u.ORGANISATION_ID"
                    + " FROM CORE_TENURE t JOIN CORE_PERSON p ON t.PERSON_ID = p.ID"
                    + " JOIN CORE_ACCOUNT a ON p.ACCOUNT_ID = a.ID JOIN CORE_UNIT u ON t.UNIT_ID = u.ID"
                    + " WHERE a.STATUS = 'ACTIVE' AND t.VALID_FROM <= ? AND (t.VALID_TO IS NULL OR t.VALID_TO >= ?)";
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setDate(1, Date.valueOf(day));
                ps.setDate(2, Date.valueOf(day));
                List<Holding> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Holding(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getLong(3),
                                rs.getLong(4),
                                rs.getLong(5),
                                rs.getLong(6)));
                    }
                }
                return rows;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private boolean matches(Holding h, AudienceTarget t) {
            return switch (t.kind()) {
                case ORGANISATION -> h.orgId() == t.id();
                case ESTATE -> h.estateId() == t.id();
                case BUILDING -> h.buildingId() == t.id();
                case STAIRCASE -> h.buildingId() == t.id() && t.staircase().equals(staircases.get(h.unitId()));
                case UNIT -> h.unitId() == t.id();
            };
        }

        @Override
        public List<Recipient> residents(Collection<AudienceTarget> targets, LocalDate day, Set<TenureRole> roles) {
            Map<Long, Recipient> byAccount = new java.util.TreeMap<>();
            for (Holding h : holdings(day)) {
                if (targets.stream().anyMatch(t -> matches(h, t))) {
                    byAccount.putIfAbsent(
                            h.accountId(),
                            new Recipient(h.accountId(), h.name(), Optional.empty(), Locale.ENGLISH, Set.of()));
                }
            }
            return List.copyOf(byAccount.values());
        }

        @Override
        public long countResidents(Collection<AudienceTarget> targets, LocalDate day, Set<TenureRole> roles) {
            return residents(targets, day, roles).size();
        }

        @Override
        public boolean reaches(long accountId, Collection<AudienceTarget> targets, LocalDate day) {
            return holdings(day).stream()
                    .anyMatch(
                            h -> h.accountId() == accountId && targets.stream().anyMatch(t -> matches(h, t)));
        }

        @Override
        public List<Recipient> staff(long buildingId, Set<Role> roles) {
            return List.of();
        }

        @Override
        public List<Recipient> staffOfOrganisation(long organisationId, Set<Role> roles) {
            return List.of();
        }

        @Override
        public Optional<Recipient> account(long accountId) {
            return Optional.of(
                    new Recipient(accountId, "account " + accountId, Optional.empty(), Locale.ENGLISH, Set.of()));
        }

        @Override
        public List<String> staircases(long buildingId) {
            TreeSet<String> labels = new TreeSet<>();
            for (Holding h : holdings(LocalDate.now(clock))) {
                if (h.buildingId() == buildingId && staircases.containsKey(h.unitId())) {
                    labels.add(staircases.get(h.unitId()));
                }
            }
            return List.copyOf(labels);
        }
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void plusHours(long hours) {
            now = now.plusSeconds(hours * 3600);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
