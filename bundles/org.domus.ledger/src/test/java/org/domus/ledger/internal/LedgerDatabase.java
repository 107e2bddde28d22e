package org.domus.ledger.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
import org.domus.core.internal.registry.RegistryGrants;
import org.domus.core.internal.registry.RegistryServiceImpl;
import org.domus.core.registry.Building;
import org.domus.core.registry.Estate;
import org.domus.core.registry.LegalForm;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Share;
import org.domus.core.registry.Unit;
import org.domus.core.registry.UnitKind;
import org.domus.core.registry.UnitState;
import org.domus.persistence.testing.ResourceLocalJpaTemplate;
import org.domus.persistence.testing.TestMigrations;
import org.eclipse.persistence.jpa.PersistenceProvider;

/**
 * A fresh in-memory Derby database with the platform's and the ledger's real changelogs, the real
 * registry and access policy of the platform, and the ledger's persistence unit on top: the ledger is
 * tested against the schema its changelog creates and against the registry it reads in production.
 */
final class LedgerDatabase implements AutoCloseable {

    static final Subject ADMIN = Subject.system("admin", "Admin");

    final EmbeddedDataSource dataSource;
    final EntityManagerFactory coreEmf;
    final EntityManagerFactory ledgerEmf;
    final ResourceLocalJpaTemplate coreJpa;
    final ResourceLocalJpaTemplate jpa;
    final RoleBasedAccessPolicy policy;
    final RegistryServiceImpl registry;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));

    LedgerDatabase() {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:ledger-" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
        ClassLoader loader = getClass().getClassLoader();
        TestMigrations.apply(dataSource, loader, "db/core-changelog.xml");
        TestMigrations.apply(dataSource, loader, "db/ledger-changelog.xml");
        Map<String, Object> props = new HashMap<>();
        props.put("javax.persistence.nonJtaDataSource", dataSource);
        props.put("eclipselink.logging.level", "WARNING");
        coreEmf = new PersistenceProvider().createEntityManagerFactory("domus.core", props);
        ledgerEmf = new PersistenceProvider().createEntityManagerFactory("domus.ledger", props);
        coreJpa = new ResourceLocalJpaTemplate(coreEmf);
        jpa = new ResourceLocalJpaTemplate(ledgerEmf);
        List<PermissionGrant> grants = List.of(new RegistryGrants(), new LedgerGrants());
        policy = new RoleBasedAccessPolicy(grants, new JpaRegistryDirectory(coreJpa), clock);
        registry = RegistryServiceImpl.create(coreJpa, policy, clock);
    }

    LedgerServiceImpl ledger() {
        return LedgerServiceImpl.create(jpa, policy, registry, clock);
    }

    /** An organisation with one estate; returns it. */
    Organisation organisation(String currency) {
        return registry.createOrganisation(ADMIN, new Organisation(0, "SBD " + currency, null, "CZ", currency, 0));
    }

    Estate estate(long organisationId, String name) {
        return registry.createEstate(ADMIN, new Estate(0, organisationId, name, 0));
    }

    Building building(long estateId, String number) {
        return registry.createBuilding(
                ADMIN, new Building(0, estateId, "Main", number, "Brno", "60200", "CZ", null, null, 0));
    }

    Unit unit(long buildingId, String number, String area, Share share) {
        return registry.createUnit(
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

    List<Map<String, Object>> rows(String sql) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= n; i++) {
                    Object value = rs.getObject(i);
                    if (value instanceof java.sql.Clob clob) {
                        value = clob.getSubString(1, (int) clob.length());
                    }
                    row.put(rs.getMetaData().getColumnName(i).toUpperCase(), value);
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

    @Override
    public void close() {
        ledgerEmf.close();
        coreEmf.close();
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void set(Instant instant) {
            now = instant;
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
