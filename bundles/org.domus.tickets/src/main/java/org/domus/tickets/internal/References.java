package org.domus.tickets.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

/**
 * Ticket references {@code T-<year>-<number>}, numbered per organisation and year without gaps in one
 * transaction: the counter row is updated (and so locked) before it is read.
 */
final class References {

    private References() {}

    static String next(EntityManager em, long organisationId, int year) {
        Connection c = em.unwrap(Connection.class);
        try {
            long number;
            try (PreparedStatement up = c.prepareStatement("UPDATE TICKETS_SEQUENCE SET NEXT_NUMBER = NEXT_NUMBER + 1"
                    + " WHERE ORGANISATION_ID = ? AND YEAR_NUMBER = ?")) {
                up.setLong(1, organisationId);
                up.setInt(2, year);
                if (up.executeUpdate() == 0) {
                    try (PreparedStatement in = c.prepareStatement(
                            "INSERT INTO TICKETS_SEQUENCE (ORGANISATION_ID, YEAR_NUMBER, NEXT_NUMBER) VALUES (?, ?, 2)")) {
                        in.setLong(1, organisationId);
                        in.setInt(2, year);
                        in.executeUpdate();
                    }
                    number = 1;
                } else {
                    try (PreparedStatement q = c.prepareStatement(
                            "SELECT NEXT_NUMBER FROM TICKETS_SEQUENCE WHERE ORGANISATION_ID = ? AND YEAR_NUMBER = ?")) {
                        q.setLong(1, organisationId);
                        q.setInt(2, year);
                        try (ResultSet rs = q.executeQuery()) {
                            rs.next();
                            number = rs.getLong(1) - 1;
                        }
                    }
                }
            }
            return String.format("T-%d-%06d", year, number);
        } catch (SQLException e) {
            throw new PersistenceException("ticket reference for organisation " + organisationId, e);
        }
    }
}
