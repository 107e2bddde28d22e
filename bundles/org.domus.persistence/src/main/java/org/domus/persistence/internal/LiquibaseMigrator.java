package org.domus.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ResourceAccessor;

/**
 * Applies one Liquibase changelog to a DataSource. Plain Java so that it runs the same inside the
 * extender and in unit tests. Each changeset runs in its own transaction (Liquibase's default), so a
 * failing changeset leaves the ones before it applied and is itself rolled back where the database
 * has transactional DDL (Derby and PostgreSQL both have).
 */
public final class LiquibaseMigrator {

    /** Outcome of one successful update. */
    public record Result(String changelog, int changeSetsApplied) {}

    /**
     * Applies the pending changesets of {@code changelog}.
     *
     * @param resources where the changelog and its includes are read from (the owning bundle)
     * @param classLoader class loader for Liquibase's scope; Liquibase's own in OSGi
     * @return how many changesets were applied (0 when the schema was already current)
     * @throws MigrationException naming the changelog and the cause when anything failed
     */
    public Result migrate(
            DataSource dataSource, ResourceAccessor resources, ClassLoader classLoader, String changelog) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(changelog, "changelog");
        try (Connection connection = dataSource.getConnection()) {
            return migrate(connection, resources, classLoader, changelog);
        } catch (SQLException e) {
            throw new MigrationException("cannot open a connection for " + changelog + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("deprecation") // the Liquibase facade is still the smallest stable API in 4.33
    private Result migrate(
            Connection connection, ResourceAccessor resources, ClassLoader classLoader, String changelog) {
        int[] applied = {0};
        Map<String, Object> scope = Map.of(
                Scope.Attr.resourceAccessor.name(), resources,
                Scope.Attr.classLoader.name(), classLoader);
        try {
            Scope.child(scope, () -> {
                Database database =
                        DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
                // The connection stays ours: the caller closes it (or returns it to the pool).
                Liquibase liquibase = new Liquibase(changelog, resources, database);
                List<ChangeSet> pending = liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression());
                liquibase.update(new Contexts(), new LabelExpression());
                applied[0] = pending.size();
            });
            return new Result(changelog, applied[0]);
        } catch (Exception e) {
            throw new MigrationException(changelog + ": " + messages(e), e);
        } finally {
            endReadTransaction(connection);
        }
    }

    /**
     * Liquibase leaves the connection in manual-commit mode with a read transaction open after its last
     * query; its changes are committed by then. Ending it lets the connection be closed or pooled.
     */
    private static void endReadTransaction(Connection connection) {
        try {
            if (!connection.isClosed() && !connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new MigrationException("cannot release the migration connection: " + e.getMessage(), e);
        }
    }

    /** The messages of the whole cause chain: Liquibase's outer message rarely names the SQL error. */
    private static String messages(Throwable e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null && !sb.toString().contains(t.getMessage())) {
                sb.append(" <- ").append(t.getMessage());
            }
        }
        return sb.toString();
    }

    /** A changelog could not be applied. */
    public static final class MigrationException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public MigrationException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
