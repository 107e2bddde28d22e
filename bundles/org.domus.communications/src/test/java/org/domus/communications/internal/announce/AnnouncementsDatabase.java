package org.domus.communications.internal.announce;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.persistence.EntityManagerFactory;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.domus.communications.internal.CommunicationsGrants;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.PermissionGrant;
import org.domus.core.access.RoleGrant;
import org.domus.core.access.ScopeType;
import org.domus.core.internal.access.RoleBasedAccessPolicy;
import org.domus.core.internal.audience.SqlAudience;
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
 * platform's real registry, access policy and audience, and the communications persistence unit.
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

    final SqlAudience audience;
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
        audience = SqlAudience.create(coreJpa, "en");
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
                        null,
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
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE CORE_UNIT SET STAIRCASE = ? WHERE ID = ?")) {
            ps.setString(1, staircase);
            ps.setLong(2, u.id());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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
