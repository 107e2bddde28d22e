package org.domus.communications.internal;

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
import java.util.Map;
import java.util.UUID;
import javax.persistence.EntityManagerFactory;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.domus.core.Subject;
import org.domus.core.access.PermissionGrant;
import org.domus.core.internal.access.RoleBasedAccessPolicy;
import org.domus.core.internal.registry.JpaRegistryDirectory;
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
 * platform's real registry and access policy, and both persistence units: what every area's test database
 * (announcements, messages, directory, notifications) builds its service on. The helpers make registry objects
 * in Brno with fixed details, so that a test names only what it is about.
 */
public class CommunicationsDatabase implements AutoCloseable {

    public static final Subject ADMIN = Subject.system("admin", "Admin");

    public final EmbeddedDataSource dataSource;
    public final EntityManagerFactory coreEmf;
    public final EntityManagerFactory commEmf;
    /** The platform's persistence unit, for services of the platform an area needs besides the registry. */
    public final ResourceLocalJpaTemplate coreJpa;

    public final RoleBasedAccessPolicy policy;
    public final RegistryServiceImpl registry;

    /**
     * @param name the area, part of the in-memory database's name
     * @param clock the clock of the access policy and the registry
     * @param grants the permissions the access policy knows
     */
    protected CommunicationsDatabase(String name, Clock clock, List<PermissionGrant> grants) {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:" + name + "-" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
        ClassLoader loader = getClass().getClassLoader();
        TestMigrations.apply(dataSource, loader, "db/core-changelog.xml");
        TestMigrations.apply(dataSource, loader, "db/communications-changelog.xml");
        Map<String, Object> props = new HashMap<>();
        props.put("javax.persistence.nonJtaDataSource", dataSource);
        props.put("eclipselink.logging.level", "WARNING");
        coreEmf = new PersistenceProvider().createEntityManagerFactory("domus.core", props);
        commEmf = new PersistenceProvider().createEntityManagerFactory("domus.communications", props);
        coreJpa = new ResourceLocalJpaTemplate(coreEmf);
        policy = new RoleBasedAccessPolicy(grants, new JpaRegistryDirectory(coreJpa), clock);
        registry = RegistryServiceImpl.create(coreJpa, policy, clock);
    }

    /** An organisation in the country, keeping its accounts in CZK. */
    public Organisation organisation(String name, String country) {
        return registry.createOrganisation(ADMIN, new Organisation(0, name, null, country, "CZK", 0));
    }

    public Estate estate(long organisationId, String name) {
        return registry.createEstate(ADMIN, new Estate(0, organisationId, name, 0));
    }

    /** A building in Brno. */
    public Building building(long estateId, String street, String number) {
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

    /** An occupied flat of 60 m² in ownership, on the first floor. */
    public Unit unit(long buildingId, String number) {
        return registry.createUnit(
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
    }

    /**
     * An active account row, written directly (the registry links persons to accounts by foreign key only).
     *
     * @param email the e-mail address, or null
     * @param language the language tag, or null
     */
    public long insertAccount(String login, String displayName, String email, String language) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO CORE_ACCOUNT (LOGIN, DISPLAY_NAME, EMAIL, LOCALE, PASSWORD_HASH, STATUS,"
                                + " CREATED_AT) VALUES (?, ?, ?, ?, 'x', 'ACTIVE', CURRENT_TIMESTAMP)",
                        Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, login);
            ps.setString(2, displayName);
            ps.setString(3, email);
            ps.setString(4, language);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A natural person called "{@code firstName} Resident", living in Brno, linked to the account. */
    public Person person(long organisationId, String firstName, long accountId) {
        return registry.createPerson(
                ADMIN,
                new Person(
                        0,
                        organisationId,
                        PersonKind.NATURAL,
                        firstName,
                        "Resident",
                        null,
                        null,
                        null,
                        null,
                        new Address("Main 1", "Brno", "60200", "CZ"),
                        null,
                        accountId,
                        0));
    }

    /** The person holds the whole unit in the role from {@code from} to {@code to} (null: still). */
    public Tenure tenure(Unit unit, Person person, TenureRole role, LocalDate from, LocalDate to) {
        return registry.createTenure(ADMIN, new Tenure(0, unit.id(), person.id(), role, Share.ONE, from, to, 0));
    }

    /** The person holds each of the units, whole, in the role since 1 January 2020. */
    public void holdSince2020(Person person, TenureRole role, Unit... units) {
        for (Unit u : units) {
            tenure(u, person, role, LocalDate.of(2020, 1, 1), null);
        }
    }

    /** The first column of the first row of a query, such as a {@code COUNT(*)}. */
    public long count(String sql) {
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

    /** A clock tests move by hand; its zone is UTC. */
    public static final class MutableClock extends Clock {
        private volatile Instant now;

        public MutableClock(Instant start) {
            this.now = start;
        }

        public void set(Instant instant) {
            now = instant;
        }

        public void plusMinutes(long minutes) {
            now = now.plusSeconds(minutes * 60);
        }

        public void plusHours(long hours) {
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
