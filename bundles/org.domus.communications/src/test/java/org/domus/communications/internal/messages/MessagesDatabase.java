package org.domus.communications.internal.messages;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Connection;
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
import javax.imageio.ImageIO;
import javax.persistence.EntityManagerFactory;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.domus.communications.internal.CommunicationsGrants;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.PermissionGrant;
import org.domus.core.access.RoleGrant;
import org.domus.core.access.ScopeType;
import org.domus.core.account.Account;
import org.domus.core.account.NewAccount;
import org.domus.core.internal.access.RoleBasedAccessPolicy;
import org.domus.core.internal.account.AccountServiceImpl;
import org.domus.core.internal.account.Argon2PasswordHasher;
import org.domus.core.internal.account.PasswordPolicy;
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
 * platform's real registry, accounts and access policy, and the message service on top.
 */
final class MessagesDatabase implements AutoCloseable {

    static final Subject ADMIN = Subject.system("admin", "Admin");

    final EmbeddedDataSource dataSource;
    final EntityManagerFactory coreEmf;
    final EntityManagerFactory commEmf;
    final RoleBasedAccessPolicy policy;
    final RegistryServiceImpl registry;
    final AccountServiceImpl accounts;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-06T08:00:00Z"));
    final MessageServiceImpl messages;

    MessagesDatabase() {
        this(MessagesSettings.defaults());
    }

    MessagesDatabase(MessagesSettings settings) {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:messages-" + UUID.randomUUID());
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
        accounts = AccountServiceImpl.create(
                coreJpa,
                new Argon2PasswordHasher(new Argon2PasswordHasher.Params(1024, 1, 1), new SecureRandom()),
                new PasswordPolicy(),
                clock);
        messages = MessageServiceImpl.create(
                new ResourceLocalJpaTemplate(commEmf), policy, registry, accounts, clock, settings);
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

    private Account account(String login) {
        return accounts.create(
                new NewAccount(login, login, null, "violet tractor harbour".toCharArray(), Set.of(), null, false),
                ADMIN);
    }

    /** A resident: an account, a person linked to it, holding the units since 2020. */
    Subject resident(String login, long organisationId, Unit... units) {
        long accountId = account(login).id();
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
                    ADMIN,
                    new Tenure(0, u.id(), person.id(), TenureRole.OWNER, Share.ONE, LocalDate.of(2020, 1, 1), null, 0));
        }
        return new Subject(accountId, login, login + " Resident", Set.of(Role.RESIDENT), Locale.ENGLISH, Set.of());
    }

    /** A staff account with one scoped grant (stored, so that the service can look the account up). */
    Subject staff(String login, Role role, ScopeType type, long id) {
        long accountId = account(login).id();
        RoleGrant grant = RoleGrant.scoped(role, type, id);
        accounts.grant(accountId, grant, ADMIN);
        return Subject.of(accountId, login, login, Locale.ENGLISH, Set.of(grant));
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

    static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xff0000);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

        void plusMinutes(long minutes) {
            now = now.plusSeconds(minutes * 60);
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
