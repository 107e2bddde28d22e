package org.domus.core.internal.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.persistence.EntityManagerFactory;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.domus.persistence.testing.ResourceLocalJpaTemplate;
import org.domus.persistence.testing.TestMigrations;
import org.eclipse.persistence.jpa.PersistenceProvider;

/**
 * A fresh in-memory Derby database with the schema made by the bundle's real changelog, and the bundle's
 * real persistence unit on top of it (only the DataSource is handed over directly instead of through
 * OSGi JNDI). If the changelog and the entity mappings disagree, the service tests fail.
 */
public final class CoreDatabase implements AutoCloseable {

    public final EmbeddedDataSource dataSource;
    public final EntityManagerFactory emf;
    public final ResourceLocalJpaTemplate jpa;
    public final int changeSetsApplied;

    public CoreDatabase() {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:core-" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
        changeSetsApplied = TestMigrations.apply(dataSource, getClass().getClassLoader(), "db/core-changelog.xml");
        Map<String, Object> props = new HashMap<>();
        props.put("javax.persistence.nonJtaDataSource", dataSource);
        props.put("eclipselink.logging.level", "WARNING");
        emf = new PersistenceProvider().createEntityManagerFactory("domus.core", props);
        jpa = new ResourceLocalJpaTemplate(emf);
    }

    /** Rows of a query as column-name maps (upper-case names), for checks the API does not expose. */
    public List<Map<String, Object>> rows(String sql) {
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
                        value = clob.getSubString(1, (int) clob.length()); // readable only while open
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

    @Override
    public void close() {
        emf.close();
    }
}
