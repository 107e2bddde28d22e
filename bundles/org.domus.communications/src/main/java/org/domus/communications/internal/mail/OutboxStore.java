package org.domus.communications.internal.mail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

/**
 * The statements on COMM_OUTBOX, in plain JDBC on the connection of an {@link EntityManager}'s transaction. Rows are
 * claimed with conditional UPDATEs, so that of several workers (threads or nodes) exactly one wins a row: each
 * update re-checks the row's state under the row lock the database takes for it.
 */
final class OutboxStore {

    /** A claimed row with what sending it needs. */
    record Outgoing(
            long id,
            String key,
            String address,
            String subject,
            String text,
            String html,
            String messageId,
            int attempts,
            List<RenderedMail.InlineImage> images) {}

    private static final String SQLSTATE_UNIQUE = "23505";

    private OutboxStore() {}

    static Connection connection(EntityManager em) {
        Connection c = em.unwrap(Connection.class);
        if (c == null) {
            throw new IllegalStateException("the outbox is written inside a transaction");
        }
        return c;
    }

    static boolean exists(EntityManager em, String key) {
        try (PreparedStatement ps = connection(em).prepareStatement("SELECT ID FROM COMM_OUTBOX WHERE MAIL_KEY = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * Inserts a queued row (and its images) behind a savepoint: when a concurrent transaction queued the same key
     * first, the unique constraint refuses the row, the savepoint undoes only this insert and the caller's
     * transaction goes on.
     *
     * @return the new row's id, or empty when the key is taken
     */
    static Optional<Long> insert(
            EntityManager em, MailRequest request, RenderedMail mail, String messageId, Instant now) {
        Connection c = connection(em);
        Savepoint savepoint = null;
        try {
            savepoint = c.setSavepoint();
            long id;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO COMM_OUTBOX (MAIL_KEY, ACCOUNT_ID, ADDRESS, LOCALE, TEMPLATE, SUBJECT, BODY_TEXT,"
                            + " BODY_HTML, MESSAGE_ID, STATE, ATTEMPTS, NEXT_ATTEMPT_AT, CREATED_AT)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                int i = 1;
                ps.setString(i++, request.key());
                if (request.accountId() > 0) {
                    ps.setLong(i++, request.accountId());
                } else {
                    ps.setNull(i++, java.sql.Types.BIGINT);
                }
                ps.setString(i++, request.address());
                ps.setString(i++, request.locale().toLanguageTag());
                ps.setString(i++, request.template());
                ps.setString(i++, clip(mail.subject(), 1000));
                ps.setString(i++, mail.text());
                ps.setString(i++, mail.html());
                ps.setString(i++, messageId);
                ps.setTimestamp(i++, utc(now));
                ps.setTimestamp(i, utc(now));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            if (!mail.images().isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO COMM_OUTBOX_IMAGE (OUTBOX_ID, CONTENT_ID, MIME_TYPE, DATA) VALUES (?, ?, ?, ?)")) {
                    for (RenderedMail.InlineImage image : mail.images()) {
                        ps.setLong(1, id);
                        ps.setString(2, image.contentId());
                        ps.setString(3, image.mimeType());
                        ps.setBytes(4, image.data());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            c.releaseSavepoint(savepoint);
            return Optional.of(id);
        } catch (SQLException e) {
            if (savepoint != null && isUniqueViolation(e)) {
                try {
                    c.rollback(savepoint);
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                    throw failure(e);
                }
                return Optional.empty();
            }
            throw failure(e);
        }
    }

    private static boolean isUniqueViolation(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (SQLSTATE_UNIQUE.equals(s.getSQLState())) {
                return true;
            }
        }
        return e.getCause() instanceof SQLException cause && SQLSTATE_UNIQUE.equals(cause.getSQLState());
    }

    /** The id of the row with the key. */
    static long idOf(EntityManager em, String key) {
        try (PreparedStatement ps = connection(em).prepareStatement("SELECT ID FROM COMM_OUTBOX WHERE MAIL_KEY = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no mail " + key);
                }
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Ids of rows a worker may claim now, oldest first: due QUEUED rows and SENDING rows whose lease ran out. */
    static List<Long> candidates(EntityManager em, Instant now, int limit) {
        try (PreparedStatement ps = connection(em)
                .prepareStatement("SELECT ID FROM COMM_OUTBOX WHERE (STATE = 'QUEUED' AND NEXT_ATTEMPT_AT <= ?)"
                        + " OR (STATE = 'SENDING' AND LEASE_UNTIL < ?) ORDER BY ID")) {
            ps.setTimestamp(1, utc(now));
            ps.setTimestamp(2, utc(now));
            ps.setMaxRows(limit);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * Claims one row for this node until {@code leaseUntil}, when it is still claimable.
     *
     * @return whether this node won the row
     */
    static boolean claim(EntityManager em, long id, String node, Instant now, Instant leaseUntil) {
        try (PreparedStatement ps = connection(em)
                .prepareStatement("UPDATE COMM_OUTBOX SET STATE = 'SENDING', CLAIMED_BY = ?, LEASE_UNTIL = ?"
                        + " WHERE ID = ? AND ((STATE = 'QUEUED' AND NEXT_ATTEMPT_AT <= ?)"
                        + " OR (STATE = 'SENDING' AND LEASE_UNTIL < ?))")) {
            ps.setString(1, node);
            ps.setTimestamp(2, utc(leaseUntil));
            ps.setLong(3, id);
            ps.setTimestamp(4, utc(now));
            ps.setTimestamp(5, utc(now));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** A row this node holds, with its images; empty when the claim has been lost meanwhile. */
    static Optional<Outgoing> load(EntityManager em, long id, String node) {
        Connection c = connection(em);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT MAIL_KEY, ADDRESS, SUBJECT, BODY_TEXT, BODY_HTML, MESSAGE_ID, ATTEMPTS FROM COMM_OUTBOX"
                        + " WHERE ID = ? AND STATE = 'SENDING' AND CLAIMED_BY = ?")) {
            ps.setLong(1, id);
            ps.setString(2, node);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String key = rs.getString(1);
                String address = rs.getString(2);
                String subject = rs.getString(3);
                String text = rs.getString(4);
                String html = rs.getString(5);
                String messageId = rs.getString(6);
                int attempts = rs.getInt(7);
                List<RenderedMail.InlineImage> images = new ArrayList<>();
                try (PreparedStatement pi = c.prepareStatement(
                        "SELECT CONTENT_ID, MIME_TYPE, DATA FROM COMM_OUTBOX_IMAGE WHERE OUTBOX_ID = ?"
                                + " ORDER BY CONTENT_ID")) {
                    pi.setLong(1, id);
                    try (ResultSet ri = pi.executeQuery()) {
                        while (ri.next()) {
                            images.add(new RenderedMail.InlineImage(ri.getString(1), ri.getString(2), ri.getBytes(3)));
                        }
                    }
                }
                return Optional.of(new Outgoing(id, key, address, subject, text, html, messageId, attempts, images));
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Marks a row this node holds as sent. @return false when the claim had been lost (another node took over) */
    static boolean markSent(EntityManager em, long id, String node, Instant now) {
        return update(
                em,
                "UPDATE COMM_OUTBOX SET STATE = 'SENT', SENT_AT = ?, LAST_ATTEMPT_AT = ?, ATTEMPTS = ATTEMPTS + 1,"
                        + " CLAIMED_BY = NULL, LEASE_UNTIL = NULL, LAST_ERROR = NULL"
                        + " WHERE ID = ? AND STATE = 'SENDING' AND CLAIMED_BY = ?",
                ps -> {
                    ps.setTimestamp(1, utc(now));
                    ps.setTimestamp(2, utc(now));
                    ps.setLong(3, id);
                    ps.setString(4, node);
                });
    }

    /** A failed attempt to try again at {@code next}. */
    static boolean retry(EntityManager em, long id, String node, Instant now, Instant next, String error) {
        return update(
                em,
                "UPDATE COMM_OUTBOX SET STATE = 'QUEUED', ATTEMPTS = ATTEMPTS + 1, NEXT_ATTEMPT_AT = ?,"
                        + " LAST_ATTEMPT_AT = ?, LAST_ERROR = ?, CLAIMED_BY = NULL, LEASE_UNTIL = NULL"
                        + " WHERE ID = ? AND STATE = 'SENDING' AND CLAIMED_BY = ?",
                ps -> {
                    ps.setTimestamp(1, utc(next));
                    ps.setTimestamp(2, utc(now));
                    ps.setString(3, clip(error, 2000));
                    ps.setLong(4, id);
                    ps.setString(5, node);
                });
    }

    /** Gives up on a row after a permanent failure or the last attempt. */
    static boolean fail(EntityManager em, long id, String node, Instant now, String error) {
        return update(
                em,
                "UPDATE COMM_OUTBOX SET STATE = 'FAILED', ATTEMPTS = ATTEMPTS + 1, LAST_ATTEMPT_AT = ?,"
                        + " LAST_ERROR = ?, CLAIMED_BY = NULL, LEASE_UNTIL = NULL"
                        + " WHERE ID = ? AND STATE = 'SENDING' AND CLAIMED_BY = ?",
                ps -> {
                    ps.setTimestamp(1, utc(now));
                    ps.setString(2, clip(error, 2000));
                    ps.setLong(3, id);
                    ps.setString(4, node);
                });
    }

    /** Hands every row this node holds but has not sent back to the queue, due at once (no attempt counted). */
    static int release(EntityManager em, String node, Instant now) {
        try (PreparedStatement ps = connection(em)
                .prepareStatement("UPDATE COMM_OUTBOX SET STATE = 'QUEUED', CLAIMED_BY = NULL, LEASE_UNTIL = NULL,"
                        + " NEXT_ATTEMPT_AT = ? WHERE STATE = 'SENDING' AND CLAIMED_BY = ?")) {
            ps.setTimestamp(1, utc(now));
            ps.setString(2, node);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Gives up on queued rows created before {@code cutoff} (too old to be worth sending). */
    static int expire(EntityManager em, Instant cutoff, Instant now) {
        try (PreparedStatement ps = connection(em)
                .prepareStatement("UPDATE COMM_OUTBOX SET STATE = 'FAILED', LAST_ATTEMPT_AT = ?,"
                        + " LAST_ERROR = 'expired: not delivered in time' WHERE STATE = 'QUEUED' AND CREATED_AT < ?")) {
            ps.setTimestamp(1, utc(now));
            ps.setTimestamp(2, utc(cutoff));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Puts a FAILED row back into the queue with its attempts reset. @return false when it is not FAILED */
    static boolean requeue(EntityManager em, long id, Instant now) {
        return update(
                em,
                "UPDATE COMM_OUTBOX SET STATE = 'QUEUED', ATTEMPTS = 0, NEXT_ATTEMPT_AT = ?, CREATED_AT = ?"
                        + " WHERE ID = ? AND STATE = 'FAILED'",
                ps -> {
                    ps.setTimestamp(1, utc(now));
                    ps.setTimestamp(2, utc(now));
                    ps.setLong(3, id);
                });
    }

    /** Rows per state, every state listed. */
    static Map<MailState, Long> counts(EntityManager em) {
        Map<MailState, Long> counts = new LinkedHashMap<>();
        for (MailState s : MailState.values()) {
            counts.put(s, 0L);
        }
        try (PreparedStatement ps =
                        connection(em).prepareStatement("SELECT STATE, COUNT(*) FROM COMM_OUTBOX GROUP BY STATE");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counts.put(MailState.valueOf(rs.getString(1)), rs.getLong(2));
            }
            return counts;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** The latest rows with an error (failed, or queued for another attempt), newest attempt first. */
    static List<QueuedMail> lastErrors(EntityManager em, int limit) {
        try (PreparedStatement ps = connection(em)
                .prepareStatement("SELECT ID, MAIL_KEY, ADDRESS, TEMPLATE, STATE, ATTEMPTS, NEXT_ATTEMPT_AT,"
                        + " CREATED_AT, SENT_AT, LAST_ERROR FROM COMM_OUTBOX WHERE LAST_ERROR IS NOT NULL"
                        + " AND STATE IN ('QUEUED', 'FAILED') ORDER BY LAST_ATTEMPT_AT DESC, ID DESC")) {
            ps.setMaxRows(limit);
            List<QueuedMail> entries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(entry(rs));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** One row by id. */
    static Optional<QueuedMail> find(EntityManager em, long id) {
        try (PreparedStatement ps = connection(em)
                .prepareStatement("SELECT ID, MAIL_KEY, ADDRESS, TEMPLATE, STATE, ATTEMPTS, NEXT_ATTEMPT_AT,"
                        + " CREATED_AT, SENT_AT, LAST_ERROR FROM COMM_OUTBOX WHERE ID = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static QueuedMail entry(ResultSet rs) throws SQLException {
        return new QueuedMail(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                MailState.valueOf(rs.getString(5).toUpperCase(Locale.ROOT)),
                rs.getInt(6),
                instant(rs.getTimestamp(7)),
                instant(rs.getTimestamp(8)),
                instant(rs.getTimestamp(9)),
                rs.getString(10));
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private static boolean update(EntityManager em, String sql, Binder binder) {
        try (PreparedStatement ps = connection(em).prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /** Instants as UTC wall time, so that nodes in different time zones compare the same values. */
    static Timestamp utc(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    static PersistenceException failure(SQLException e) {
        return new PersistenceException(e.getMessage(), e);
    }
}
