package org.domus.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LiquibaseMigratorTest {

    private final LiquibaseMigrator migrator = new LiquibaseMigrator();
    private final ClassLoader loader = getClass().getClassLoader();
    private EmbeddedDataSource dataSource;

    @BeforeEach
    void freshDatabase() {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:migr-" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
    }

    private LiquibaseMigrator.Result run(String changelog) {
        return migrator.migrate(dataSource, new ClassLoaderResourceAccessor(loader), loader, changelog);
    }

    @Test
    void appliesEveryChangesetOfAFreshChangelog() throws SQLException {
        LiquibaseMigrator.Result result = run("db/good-changelog.xml");

        assertEquals(2, result.changeSetsApplied());
        assertEquals(1, count("SELECT COUNT(*) FROM TEST_ITEM"));
        assertEquals(2, count("SELECT COUNT(*) FROM DATABASECHANGELOG"));
    }

    @Test
    void secondRunAppliesNothingAndChangesNothing() throws SQLException {
        run("db/good-changelog.xml");

        LiquibaseMigrator.Result again = run("db/good-changelog.xml");

        assertEquals(0, again.changeSetsApplied());
        assertEquals(1, count("SELECT COUNT(*) FROM TEST_ITEM"));
        assertEquals(2, count("SELECT COUNT(*) FROM DATABASECHANGELOG"));
    }

    @Test
    void failingChangesetIsRolledBackWholeAndReported() throws SQLException {
        LiquibaseMigrator.MigrationException failure =
                assertThrows(LiquibaseMigrator.MigrationException.class, () -> run("db/broken-changelog.xml"));

        assertTrue(failure.getMessage().contains("db/broken-changelog.xml"), failure.getMessage());
        assertTrue(failure.getMessage().contains("NO_SUCH_TABLE"), failure.getMessage());
        assertTrue(tableExists("BROKEN_OK"), "the changeset before the failure stays applied");
        assertFalse(tableExists("BROKEN_HALF"), "the failing changeset left a table behind");
        assertEquals(1, count("SELECT COUNT(*) FROM DATABASECHANGELOG"));
        assertEquals(
                0,
                count("SELECT COUNT(*) FROM DATABASECHANGELOGLOCK WHERE LOCKED = TRUE"),
                "the lock must be released so other bundles can migrate");
    }

    @Test
    void missingChangelogIsReportedWithItsName() {
        LiquibaseMigrator.MigrationException failure =
                assertThrows(LiquibaseMigrator.MigrationException.class, () -> run("db/absent.xml"));

        assertTrue(failure.getMessage().contains("db/absent.xml"), failure.getMessage());
    }

    private int count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private boolean tableExists(String table) throws SQLException {
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.getMetaData().getTables(null, null, table, null)) {
            return rs.next();
        }
    }
}
