package org.domus.communications.internal.notify;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.persistence.EntityManagerFactory;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.PermissionGrant;
import org.domus.core.audience.Audience;
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
 * real registry and audience, the communications persistence unit, the notification service and the fan-out on top (mails go
 * to a {@link RecordingMailOutbox}).
 */
final class NotifyDatabase implements AutoCloseable {

    static final Subject ADMIN = Subject.system("admin", "Admin");

    final EmbeddedDataSource dataSource;
    final EntityManagerFactory coreEmf;
    final EntityManagerFactory commEmf;
    final ResourceLocalJpaTemplate jpa;
    final RegistryServiceImpl registry;
    final Audience audience;
    final RecordingMailOutbox outbox = new RecordingMailOutbox();
    /** Friday 6 March 2026, 09:00 in Prague. */
    final Clock clock = Clock.fixed(Instant.parse("2026-03-06T08:00:00Z"), ZoneId.of("Europe/Prague"));

    final NotificationServiceImpl notifications;
    final Fanout fanout;

    NotifyDatabase() {
        this(NotifySettings.standard());
    }

    /** @param extra further sources, made with the database's audience */
    @SafeVarargs
    NotifyDatabase(NotifySettings settings, java.util.function.Function<Audience, FanoutSource>... extra) {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:notify-" + UUID.randomUUID());
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
        jpa = new ResourceLocalJpaTemplate(commEmf);
        List<PermissionGrant> grants = List.of(new RegistryGrants());
        RoleBasedAccessPolicy policy = new RoleBasedAccessPolicy(grants, new JpaRegistryDirectory(coreJpa), clock);
        registry = RegistryServiceImpl.create(coreJpa, policy, clock);
        audience = SqlAudience.create(coreJpa, "en");
        notifications = NotificationServiceImpl.create(jpa, audience, clock, settings);
        List<FanoutSource> sources = new ArrayList<>(List.of(
                new TicketSource(audience), new LedgerSource(audience, id -> FanoutWorker.unitLabel(registry, id))));
        for (java.util.function.Function<Audience, FanoutSource> f : extra) {
            sources.add(f.apply(audience));
        }
        fanout = new Fanout(notifications, outbox, sources);
    }

    Organisation organisation(String country) {
        return registry.createOrganisation(ADMIN, new Organisation(0, "SBD " + country, null, country, "CZK", 0));
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

    Unit unit(long buildingId, String number) {
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

    /** An account row with an e-mail address (or none) and a language. */
    long account(String login, String email, String language) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO CORE_ACCOUNT (LOGIN, DISPLAY_NAME, EMAIL, LOCALE, PASSWORD_HASH, STATUS,"
                                + " CREATED_AT) VALUES (?, ?, ?, ?, 'x', 'ACTIVE', CURRENT_TIMESTAMP)",
                        Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, login);
            ps.setString(2, login + " Resident");
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

    /** A resident holding the units (in the role) since 2020, with an e-mail address unless {@code email} is null. */
    Subject resident(String login, String email, String language, TenureRole role, Unit... units) {
        long accountId = account(login, email, language);
        long organisationId = registry.estate(
                        ADMIN, registry.building(ADMIN, units[0].buildingId()).estateId())
                .organisationId();
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
        for (Unit u : units) {
            registry.createTenure(
                    ADMIN, new Tenure(0, u.id(), person.id(), role, Share.ONE, LocalDate.of(2020, 1, 1), null, 0));
        }
        return new Subject(
                accountId,
                login,
                login + " Resident",
                Set.of(Role.RESIDENT),
                Locale.forLanguageTag(language),
                Set.of());
    }

    List<Map<String, Object>> rows(String sql) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= n; i++) {
                    row.put(rs.getMetaData().getColumnName(i).toUpperCase(Locale.ROOT), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long count(String sql) {
        return ((Number) rows(sql).get(0).values().iterator().next()).longValue();
    }

    void execute(String sql) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        commEmf.close();
        coreEmf.close();
    }
}
