package org.domus.core.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;
import org.domus.core.Subject;
import org.domus.core.internal.account.Audit;

/**
 * Writes audit events for module bundles, in the caller's database transaction: a module's change and
 * its audit event commit or roll back together although the module has a persistence unit of its own.
 * Every persistence unit of Domus works on the one Domus DataSource, so the event is written on the
 * connection of the caller's {@link EntityManager}, which must have a transaction open.
 *
 * <p>Modules never name the platform's audit table themselves; this class is the contract. Actions are
 * prefixed by the module ({@code ledger.transaction.post}); before/after are flat maps of strings,
 * numbers, booleans or collections of those, never secrets.
 *
 * @since 1.1
 */
public final class AuditTrail {

    private static final String INSERT = "INSERT INTO CORE_AUDIT_EVENT (ACTOR_ID, ACTOR_LOGIN, OCCURRED_AT,"
            + " ACTION_NAME, ENTITY_TYPE, ENTITY_ID, BEFORE_STATE, AFTER_STATE) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private AuditTrail() {}

    /**
     * Records one event in the transaction of {@code em}.
     *
     * @param em an entity manager of any Domus persistence unit, inside an active transaction
     * @param actor who acted; null means the system
     * @param at when (UTC)
     * @param action what was done, at most 64 characters, e.g. {@code ledger.billing-run.post}
     * @param entityType the kind of object, at most 64 characters, e.g. {@code ledger-transaction}
     * @param entityId the object's id, or null
     * @param before the state before, or null for a creation
     * @param after the state after, or null for a removal
     * @throws PersistenceException when the database refuses the row (the caller's transaction then rolls back)
     */
    public static void record(
            EntityManager em,
            Subject actor,
            Instant at,
            String action,
            String entityType,
            Object entityId,
            Map<String, ?> before,
            Map<String, ?> after) {
        Objects.requireNonNull(em, "em");
        Connection connection = em.unwrap(Connection.class);
        if (connection == null) {
            throw new IllegalStateException("audit events are written inside a transaction");
        }
        try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
            if (actor == null || actor.accountId() <= 0) {
                ps.setNull(1, Types.BIGINT);
            } else {
                ps.setLong(1, actor.accountId());
            }
            ps.setString(2, actor == null ? Audit.SYSTEM : Audit.truncate(actor.login(), 128));
            ps.setTimestamp(3, Timestamp.valueOf(LocalDateTime.ofInstant(at, ZoneOffset.UTC)));
            ps.setString(4, Audit.truncate(Objects.requireNonNull(action, "action"), 64));
            ps.setString(5, Audit.truncate(Objects.requireNonNull(entityType, "entityType"), 64));
            ps.setString(6, entityId == null ? null : Audit.truncate(entityId.toString(), 64));
            setText(ps, 7, before == null ? null : Audit.json(before));
            setText(ps, 8, after == null ? null : Audit.json(after));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("audit event " + action + " not written", e);
        }
    }

    private static void setText(PreparedStatement ps, int index, String text) throws SQLException {
        if (text == null) {
            ps.setNull(index, Types.CLOB);
        } else {
            ps.setString(index, text);
        }
    }
}
