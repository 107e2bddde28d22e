package org.domus.tickets.internal;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import org.domus.tickets.Attachment;
import org.domus.tickets.AttachmentKind;

@Entity
@Table(name = "TICKETS_ATTACHMENT")
public class AttachmentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "TICKET_ID", nullable = false)
    long ticketId;

    @Column(name = "KIND", nullable = false, length = 16)
    String kind;

    @Column(name = "NAME", nullable = false, length = 200)
    String name;

    @Column(name = "MEDIA_TYPE", nullable = false, length = 100)
    String mediaType;

    @Column(name = "SIZE_BYTES", nullable = false)
    long size;

    @Column(name = "INTERNAL", nullable = false)
    boolean internal;

    @Column(name = "AUTHOR_ID")
    Long authorId;

    @Column(name = "AUTHOR_NAME", nullable = false, length = 200)
    String authorName;

    @Column(name = "CREATED_AT", nullable = false)
    Instant createdAt;

    Attachment view() {
        return new Attachment(
                id,
                ticketId,
                AttachmentKind.valueOf(kind),
                name,
                mediaType,
                size,
                createdAt,
                authorId,
                authorName,
                internal);
    }

    /** The file without its uploader (for a neighbour, when the uploader is the requester). */
    Attachment withoutAuthor() {
        return new Attachment(
                id, ticketId, AttachmentKind.valueOf(kind), name, mediaType, size, createdAt, null, null, internal);
    }
}
