package org.domus.ledger.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.domus.core.Subject;
import org.domus.core.audit.AuditTrail;

/**
 * A job that runs once per period across every node on the database: a node claims the job's LEDGER_JOB row
 * with one conditional UPDATE (the period is not done yet and nobody holds a live lease), which the database
 * lets exactly one concurrent claimer win, whatever the isolation level, since both updates touch the same
 * row. The winner completes the period or releases the claim; a node that dies keeps the lease only until it
 * expires.
 */
final class JobLock {

    private final JpaTemplate jpa;
    private final Clock clock;
    private final String node;

    /** @param node this node's name, stored in the claim (for the operator's eyes) */
    JobLock(JpaTemplate jpa, Clock clock, String node) {
        this.jpa = Objects.requireNonNull(jpa);
        this.clock = Objects.requireNonNull(clock);
        this.node = Objects.requireNonNull(node);
    }

    String node() {
        return node;
    }

    /** The last period the job completed, if any: YYYYMM for the monthly billing run, yyyyMMdd for daily jobs. */
    OptionalInt donePeriod(String job) {
        return jpa.txExpr(TransactionType.Required, em -> {
            try (PreparedStatement ps =
                    Books.connection(em).prepareStatement("SELECT DONE_PERIOD FROM LEDGER_JOB WHERE JOB_NAME = ?")) {
                ps.setString(1, job);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("no LEDGER_JOB row " + job);
                    }
                    int period = rs.getInt(1);
                    return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(period);
                }
            } catch (SQLException e) {
                throw Books.failure(e);
            }
        });
    }

    /**
     * Claims the job for the period.
     *
     * @return true when this node won the claim and must run the job, false when the period is done or another
     *     node holds a live lease
     */
    boolean claim(String job, int period, Duration lease) {
        Instant now = clock.instant();
        return jpa.txExpr(TransactionType.Required, em -> {
            try (PreparedStatement ps = Books.connection(em)
                    .prepareStatement("UPDATE LEDGER_JOB SET CLAIMED_BY = ?, CLAIMED_UNTIL = ? WHERE JOB_NAME = ?"
                            + " AND (DONE_PERIOD IS NULL OR DONE_PERIOD < ?)"
                            + " AND (CLAIMED_UNTIL IS NULL OR CLAIMED_UNTIL < ?)")) {
                ps.setString(1, node);
                ps.setTimestamp(2, utc(now.plus(lease)));
                ps.setString(3, job);
                ps.setInt(4, period);
                ps.setTimestamp(5, utc(now));
                return ps.executeUpdate() == 1;
            } catch (SQLException e) {
                throw Books.failure(e);
            }
        });
    }

    /**
     * Marks the period done and drops this node's claim, with an audit event naming the system subject, in one
     * transaction.
     */
    void complete(String job, int period, String outcome, Subject actor, Map<String, ?> audit) {
        finish(job, period, outcome, actor, "ledger.job.complete", audit);
    }

    /** Drops this node's claim without marking the period done (the job failed; the next check retries). */
    void release(String job, String outcome, Subject actor, Map<String, ?> audit) {
        finish(job, null, outcome, actor, "ledger.job.fail", audit);
    }

    private void finish(
            String job, Integer period, String outcome, Subject actor, String action, Map<String, ?> audit) {
        Instant now = clock.instant();
        jpa.txExpr(TransactionType.Required, em -> {
            String sql = period == null
                    ? "UPDATE LEDGER_JOB SET CLAIMED_BY = NULL, CLAIMED_UNTIL = NULL, LAST_RUN_AT = ?,"
                            + " LAST_OUTCOME = ? WHERE JOB_NAME = ? AND CLAIMED_BY = ?"
                    : "UPDATE LEDGER_JOB SET CLAIMED_BY = NULL, CLAIMED_UNTIL = NULL, LAST_RUN_AT = ?,"
                            + " LAST_OUTCOME = ?, DONE_PERIOD = ? WHERE JOB_NAME = ? AND CLAIMED_BY = ?";
            try (PreparedStatement ps = Books.connection(em).prepareStatement(sql)) {
                int i = 1;
                ps.setTimestamp(i++, utc(now));
                ps.setString(i++, outcome.length() > 2000 ? outcome.substring(0, 2000) : outcome);
                if (period != null) {
                    ps.setInt(i++, period);
                }
                ps.setString(i++, job);
                ps.setString(i, node);
                if (ps.executeUpdate() != 1) {
                    // The lease expired and another node took the job over: its run, not ours, finishes it.
                    return null;
                }
            } catch (SQLException e) {
                throw Books.failure(e);
            }
            AuditTrail.record(em, actor, now, action, "ledger-job", job, null, audit);
            return null;
        });
    }

    /** Instants as UTC wall time, so that nodes in different time zones compare the same values. */
    private static Timestamp utc(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /** A lease long enough for a large billing run. */
    static final Duration DEFAULT_LEASE = Duration.ofHours(2);
}
