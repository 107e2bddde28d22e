package org.domus.communications.internal.messages;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

/**
 * Attachment bytes in COMM_MESSAGE_ATTACHMENT_DATA, written and read as binary streams on the unit's connection
 * (inside the caller's transaction): the binding both a Derby BLOB and a PostgreSQL BYTEA column take.
 */
final class AttachmentData {

    private AttachmentData() {}

    static void write(EntityManager em, long attachmentId, byte[] content) {
        Connection c = em.unwrap(Connection.class);
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO COMM_MESSAGE_ATTACHMENT_DATA (ATTACHMENT_ID, CONTENT) VALUES (?, ?)")) {
            ps.setLong(1, attachmentId);
            ps.setBinaryStream(2, new ByteArrayInputStream(content), content.length);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("message attachment " + attachmentId + " could not be stored", e);
        }
    }

    static byte[] read(EntityManager em, long attachmentId) {
        Connection c = em.unwrap(Connection.class);
        try (PreparedStatement ps =
                c.prepareStatement("SELECT CONTENT FROM COMM_MESSAGE_ATTACHMENT_DATA WHERE ATTACHMENT_ID = ?")) {
            ps.setLong(1, attachmentId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new PersistenceException("message attachment " + attachmentId + " has no content");
                }
                try (InputStream in = rs.getBinaryStream(1)) {
                    return in.readAllBytes();
                }
            }
        } catch (SQLException | IOException e) {
            throw new PersistenceException("message attachment " + attachmentId + " could not be read", e);
        }
    }
}
