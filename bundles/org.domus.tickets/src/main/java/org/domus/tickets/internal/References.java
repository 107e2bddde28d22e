package org.domus.tickets.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

/**
 * Ticket references {@code T-<year>-<number>}, numbered per organisation and year without gaps: the counter
 * row is updated (and so locked until the filing transaction ends) before it is read. The first ticket of a
 * year inserts the row; when another node inserted it at the same moment, the insert is undone to a savepoint
 * (PostgreSQL would otherwise abort the whole transaction) and the row is counted up instead.
 */
final class References {

    private References() {}

    static String next(EntityManager em, long organisationId, int year) {
        Connection c = em.unwrap(Connection.class);
        try {
            Long number = increment(c, organisationId, year);
            if (number == null) {
                Savepoint before = c.setSavepoint();
                try (PreparedStatement in = c.prepareStatement(
                        "INSERT INTO TICKETS_SEQUENCE (ORGANISATION_ID, YEAR_NUMBER, NEXT_NUMBER) VALUES (?, ?, 2)")) {
                    in.setLong(1, organisationId);
                    in.setInt(2, year);
                    in.executeUpdate();
                    number = 1L;
                } catch (SQLException raced) {
                    c.rollback(before);
                    number = increment(c, organisationId, year);
                    if (number == null) {
                        throw raced;
                    }
                }
            }
            return String.format("T-%d-%06d", year, number);
        } catch (SQLException e) {
            throw new PersistenceException("ticket reference for organisation " + organisationId, e);
        }
    }

    /** The number this call takes, or null when the year has no counter row yet. */
    private static Long increment(Connection c, long organisationId, int year) throws SQLException {
        try (PreparedStatement up = c.prepareStatement("UPDATE TICKETS_SEQUENCE SET NEXT_NUMBER = NEXT_NUMBER + 1"
                + " WHERE ORGANISATION_ID = ? AND YEAR_NUMBER = ?")) {
            up.setLong(1, organisationId);
            up.setInt(2, year);
            if (up.executeUpdate() == 0) {
                return null;
            }
        }
        try (PreparedStatement q = c.prepareStatement(
                "SELECT NEXT_NUMBER FROM TICKETS_SEQUENCE WHERE ORGANISATION_ID = ? AND YEAR_NUMBER = ?")) {
            q.setLong(1, organisationId);
            q.setInt(2, year);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1) - 1;
            }
        }
    }
}
