package org.domus.core.internal.ratelimit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.domus.core.internal.account.SecretBox;
import org.domus.core.internal.account.SecretKeyFile;
import org.domus.core.ratelimit.RateLimiter;
import org.domus.persistence.MigratedSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Fixed-window counters in CORE_RATE_LIMIT, shared by every node on the database.
 *
 * <p>An attempt first raises the window's counter with {@code UPDATE ... SET HITS = HITS + 1 WHERE ... AND
 * HITS < limit}; the database serialises concurrent updates of one row and re-checks the condition, so no two
 * nodes can both take the last attempt. When the window has no row yet, the attempt inserts it with 1; if a
 * concurrent attempt inserted it first (duplicate key), the insert is rolled back to a savepoint (PostgreSQL
 * would otherwise abort the whole transaction) and the conditional update is tried once more.
 */
@Component(service = RateLimiter.class)
public class DatabaseRateLimiter implements RateLimiter {

    static final String UNIT_TARGET = "(osgi.unit.name=domus.core)";
    static final String SCHEMA_TARGET = "(" + MigratedSchema.PROPERTY + "=org.domus.core)";
    static final int MAX_BUCKET_LENGTH = 100;
    /** Expired windows are deleted at most this often per node. */
    static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);

    private static final String DUPLICATE_KEY = "23505";
    /** Keys (client addresses) are stored as keyed digests: personal data, and guessable from a plain hash. */
    static final String KEY_PURPOSE = "rate-limit-key";

    private final JpaTemplate jpa;
    private final Clock clock;
    private final UnaryOperator<String> keyDigest;
    private volatile Instant nextPurge = Instant.MIN;

    @Activate
    public DatabaseRateLimiter(
            @Reference(target = UNIT_TARGET) JpaTemplate jpa,
            @Reference(target = SCHEMA_TARGET) MigratedSchema schema,
            @Reference SecretKeyFile secret) {
        this(jpa, Clock.systemUTC(), secret.box());
    }

    DatabaseRateLimiter(JpaTemplate jpa, Clock clock, SecretBox secret) {
        this.jpa = Objects.requireNonNull(jpa);
        this.clock = Objects.requireNonNull(clock);
        Objects.requireNonNull(secret);
        this.keyDigest = key -> secret.digest(KEY_PURPOSE, key);
    }

    /** For tests and tools outside OSGi. */
    public static DatabaseRateLimiter create(JpaTemplate jpa, Clock clock, SecretBox secret) {
        return new DatabaseRateLimiter(jpa, clock, secret);
    }

    @Override
    public boolean tryAcquire(String bucket, String key, int limit, Duration window) {
        Objects.requireNonNull(key, "key");
        if (bucket == null || bucket.isBlank() || bucket.length() > MAX_BUCKET_LENGTH) {
            throw new IllegalArgumentException("bucket must have 1 to " + MAX_BUCKET_LENGTH + " characters");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        if (window == null || window.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("window must be at least one second: " + window);
        }
        Instant now = clock.instant();
        long windowMillis = window.toMillis();
        Instant start = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), windowMillis) * windowMillis);
        Timestamp windowStart = utc(start);
        Timestamp expiresAt = utc(start.plus(window));
        String keyHash = keyDigest.apply(key);
        boolean purge = !now.isBefore(nextPurge);
        if (purge) {
            nextPurge = now.plus(PURGE_INTERVAL);
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            Connection c = connection(em);
            try {
                if (purge) {
                    purgeExpired(c, utc(now));
                }
                if (increment(c, bucket, keyHash, windowStart, limit)) {
                    return true;
                }
                Savepoint beforeInsert = c.setSavepoint();
                try {
                    insert(c, bucket, keyHash, windowStart, expiresAt);
                    c.releaseSavepoint(beforeInsert);
                    return true;
                } catch (SQLException e) {
                    if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                        throw e;
                    }
                    // another attempt created the window's row first: count against it
                    c.rollback(beforeInsert);
                }
                return increment(c, bucket, keyHash, windowStart, limit);
            } catch (SQLException e) {
                throw new PersistenceException("rate limit " + bucket + " not counted", e);
            }
        });
    }

    private static boolean increment(Connection c, String bucket, String keyHash, Timestamp windowStart, int limit)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE CORE_RATE_LIMIT SET HITS = HITS + 1"
                + " WHERE BUCKET = ? AND KEY_HASH = ? AND WINDOW_START = ? AND HITS < ?")) {
            ps.setString(1, bucket);
            ps.setString(2, keyHash);
            ps.setTimestamp(3, windowStart);
            ps.setInt(4, limit);
            return ps.executeUpdate() == 1;
        }
    }

    private static void insert(Connection c, String bucket, String keyHash, Timestamp windowStart, Timestamp expiresAt)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CORE_RATE_LIMIT"
                + " (BUCKET, KEY_HASH, WINDOW_START, HITS, EXPIRES_AT) VALUES (?, ?, ?, 1, ?)")) {
            ps.setString(1, bucket);
            ps.setString(2, keyHash);
            ps.setTimestamp(3, windowStart);
            ps.setTimestamp(4, expiresAt);
            ps.executeUpdate();
        }
    }

    private static void purgeExpired(Connection c, Timestamp now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM CORE_RATE_LIMIT WHERE EXPIRES_AT <= ?")) {
            ps.setTimestamp(1, now);
            ps.executeUpdate();
        }
    }

    private static Connection connection(EntityManager em) {
        Connection c = em.unwrap(Connection.class);
        if (c == null) {
            throw new IllegalStateException("rate limits are counted inside a transaction");
        }
        return c;
    }

    /** Instants as UTC wall time, so that nodes in different time zones compare the same values. */
    private static Timestamp utc(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
