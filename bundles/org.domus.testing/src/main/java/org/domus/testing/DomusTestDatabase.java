package org.domus.testing;

import java.math.BigDecimal;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
 * A fresh in-memory Derby database with the platform's real changelog and the module's, EclipseLink persistence
 * units on top of it (the DataSource handed over directly instead of through OSGi JNDI) and, unless made without,
 * the platform's real access policy and registry: a module is tested against the schema its changelog creates and
 * against the registry it reads in production. A module's fixture extends it with the module's services.
 *
 * <p>The helpers make registry objects in Brno with fixed details, so that a test names only what it is about.
 * Every persistence unit opened here is closed with the database.
 */
public class DomusTestDatabase implements AutoCloseable {

    /** The system administrator the helpers act as. */
    public static final Subject ADMIN = Subject.system("admin", "Admin");

    private static final String CORE_CHANGELOG = "db/core-changelog.xml";

    public final EmbeddedDataSource dataSource;
    /** The platform's persistence unit; null in a database made without the registry. */
    public final EntityManagerFactory coreEmf;
    /** Over {@link #coreEmf}, for services of the platform a test needs besides the registry; or null. */
    public final ResourceLocalJpaTemplate coreJpa;
    /** The platform's access policy with the given grants; null in a database made without the registry. */
    public final RoleBasedAccessPolicy policy;
    /** The platform's registry; null in a database made without the registry. */
    public final RegistryServiceImpl registry;

    private final Map<String, Object> properties = new HashMap<>();
    private final List<EntityManagerFactory> units = new ArrayList<>();

    /**
     * The schema only, for a test that needs nothing of the platform but its tables: no platform persistence unit,
     * no access policy, no registry; the registry helpers refuse.
     *
     * @param name part of the in-memory database's name (the area under test)
     * @param changelogs the module's changelogs, applied after the platform's
     */
    public DomusTestDatabase(String name, String... changelogs) {
        this(false, name, null, List.of(), changelogs);
    }

    /**
     * The schema, the platform's persistence unit, access policy and registry.
     *
     * @param name part of the in-memory database's name (the area under test)
     * @param clock the clock of the access policy and the registry
     * @param grants the permissions the access policy knows
     * @param changelogs the module's changelogs, applied after the platform's
     */
    public DomusTestDatabase(String name, Clock clock, List<PermissionGrant> grants, String... changelogs) {
        this(true, name, clock, grants, changelogs);
    }

    private DomusTestDatabase(
            boolean withRegistry, String name, Clock clock, List<PermissionGrant> grants, String... changelogs) {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:" + name + "-" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
        ClassLoader loader = getClass().getClassLoader();
        TestMigrations.apply(dataSource, loader, CORE_CHANGELOG);
        for (String changelog : changelogs) {
            TestMigrations.apply(dataSource, loader, changelog);
        }
        properties.put("javax.persistence.nonJtaDataSource", dataSource);
        properties.put("eclipselink.logging.level", "WARNING");
        if (withRegistry) {
            coreEmf = new PersistenceProvider().createEntityManagerFactory("domus.core", properties);
            coreJpa = new ResourceLocalJpaTemplate(coreEmf);
            policy = new RoleBasedAccessPolicy(grants, new JpaRegistryDirectory(coreJpa), clock);
            registry = RegistryServiceImpl.create(coreJpa, policy, clock);
        } else {
            coreEmf = null;
            coreJpa = null;
            policy = null;
            registry = null;
        }
    }

    /** The named persistence unit (e.g. {@code domus.ledger}) on this database; closed with the database. */
    public EntityManagerFactory persistenceUnit(String name) {
        EntityManagerFactory emf = new PersistenceProvider().createEntityManagerFactory(name, properties);
        units.add(emf);
        return emf;
    }

    /** An organisation in the country, keeping its accounts in the currency. */
    public Organisation organisation(String name, String country, String currency) {
        return requireRegistry().createOrganisation(ADMIN, new Organisation(0, name, null, country, currency, 0));
    }

    /** An organisation in the country, keeping its accounts in CZK. */
    public Organisation organisation(String name, String country) {
        return organisation(name, country, "CZK");
    }

    public Estate estate(long organisationId, String name) {
        return requireRegistry().createEstate(ADMIN, new Estate(0, organisationId, name, 0));
    }

    /** A building in Brno at 49.195 N, 16.608 E. */
    public Building building(long estateId, String street, String number) {
        return building(estateId, street, number, new BigDecimal("49.195000"), new BigDecimal("16.608000"));
    }

    /** A building in Brno at the coordinates (null: not known). */
    public Building building(long estateId, String street, String number, BigDecimal latitude, BigDecimal longitude) {
        return requireRegistry()
                .createBuilding(
                        ADMIN,
                        new Building(0, estateId, street, number, "Brno", "60200", "CZ", latitude, longitude, 0));
    }

    /** An occupied flat of 60 m² in ownership with a tenth share, two rooms on the first floor. */
    public Unit unit(long buildingId, String number) {
        return unit(buildingId, number, "60", new Share(1, 10));
    }

    /** An occupied flat of the area (m²) in ownership with the share, two rooms on the first floor. */
    public Unit unit(long buildingId, String number, String area, Share share) {
        return requireRegistry()
                .createUnit(
                        ADMIN,
                        new Unit(
                                0,
                                buildingId,
                                number,
                                UnitKind.FLAT,
                                1,
                                null,
                                new BigDecimal(area),
                                2,
                                List.of(),
                                share,
                                LegalForm.OWNERSHIP,
                                UnitState.OCCUPIED,
                                null,
                                null,
                                null,
                                0));
    }

    /** An active account row named by its login, without e-mail address or language. */
    public long insertAccount(String login) {
        return insertAccount(login, login, null, null);
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
        return requireRegistry()
                .createPerson(
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
        return requireRegistry()
                .createTenure(ADMIN, new Tenure(0, unit.id(), person.id(), role, Share.ONE, from, to, 0));
    }

    /** The person holds each of the units, whole, in the role since 1 January 2020. */
    public void holdSince2020(Person person, TenureRole role, Unit... units) {
        for (Unit u : units) {
            tenure(u, person, role, LocalDate.of(2020, 1, 1), null);
        }
    }

    /**
     * Rows of a query as maps by upper-case column name, for checks the API does not expose; CLOBs are read as
     * strings (they are readable only while the connection is open).
     */
    public List<Map<String, Object>> rows(String sql) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            int n = meta.getColumnCount();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= n; i++) {
                    Object value = rs.getObject(i);
                    if (value instanceof Clob clob) {
                        value = clob.getSubString(1, (int) clob.length());
                    }
                    row.put(meta.getColumnName(i).toUpperCase(Locale.ROOT), value);
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row of a query, such as a {@code COUNT(*)}. */
    public long count(String sql) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("no row: " + sql);
            }
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs an update, for states the API does not let a test make. */
    public void execute(String sql) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes the persistence units, the modules' (latest first) before the platform's. */
    @Override
    public void close() {
        for (int i = units.size() - 1; i >= 0; i--) {
            units.get(i).close();
        }
        if (coreEmf != null) {
            coreEmf.close();
        }
    }

    private RegistryServiceImpl requireRegistry() {
        if (registry == null) {
            throw new IllegalStateException("this test database was made without the registry");
        }
        return registry;
    }
}
