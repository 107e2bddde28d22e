package org.domus.communications.internal.mail;

import java.lang.reflect.Proxy;
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
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.persistence.EntityManagerFactory;
import org.apache.aries.jpa.template.TransactionType;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.domus.persistence.testing.ResourceLocalJpaTemplate;
import org.domus.persistence.testing.TestMigrations;
import org.eclipse.persistence.jpa.PersistenceProvider;

/**
 * A fresh in-memory Derby database with the platform's and the communications module's real changelogs and the
 * communications persistence unit; settings from a map over the defaults of {@link MailSettings.Config}.
 */
final class MailDatabase implements AutoCloseable {

    final EmbeddedDataSource dataSource;
    final EntityManagerFactory emf;
    final ResourceLocalJpaTemplate jpa;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-06T08:00:00Z"));

    MailDatabase() {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:mail-" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
        ClassLoader loader = getClass().getClassLoader();
        TestMigrations.apply(dataSource, loader, "db/core-changelog.xml");
        TestMigrations.apply(dataSource, loader, "db/communications-changelog.xml");
        Map<String, Object> props = new HashMap<>();
        props.put("javax.persistence.nonJtaDataSource", dataSource);
        props.put("eclipselink.logging.level", "WARNING");
        emf = new PersistenceProvider().createEntityManagerFactory("domus.communications", props);
        jpa = new ResourceLocalJpaTemplate(emf);
    }

    /** The configuration with the given keys ({@code smtp.port}) over the defaults. */
    static MailSettings.Config config(Map<String, Object> values) {
        return (MailSettings.Config) Proxy.newProxyInstance(
                MailSettings.Config.class.getClassLoader(), new Class<?>[] {MailSettings.Config.class}, (p, m, a) -> {
                    if (m.getName().equals("annotationType")) {
                        return MailSettings.Config.class;
                    }
                    String key = m.getName().replace('_', '.');
                    Object v = values.get(key);
                    return v != null ? v : m.getDefaultValue();
                });
    }

    /** A service on this database delivering to localhost:port, without a schedule (tests run it). */
    MailService service(String node, int port, Map<String, Object> extra) {
        Map<String, Object> values = new HashMap<>();
        values.put("mail.enabled", true);
        values.put("smtp.port", port);
        values.put("smtp.from", "Domus <domus@example.org>");
        values.put("smtp.timeoutSeconds", 5);
        values.put("publicUrl", "https://domus.example.org");
        values.putAll(extra);
        return new MailService(jpa, config(values), clock, node, false);
    }

    /** Queues one mail in its own transaction. */
    boolean enqueue(MailService service, MailRequest request) {
        return jpa.txExpr(TransactionType.Required, em -> service.enqueue(em, request));
    }

    static MailRequest testMail(String key, String address) {
        return new MailRequest(key, 0, address, Locale.ENGLISH, MailTemplates.TEST, Map.of("name", "Jana"));
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

    @Override
    public void close() {
        emf.close();
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void plusSeconds(long seconds) {
            now = now.plusSeconds(seconds);
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
