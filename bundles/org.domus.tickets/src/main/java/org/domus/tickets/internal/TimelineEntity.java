package org.domus.tickets.internal;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import org.domus.tickets.TicketStatus;
import org.domus.tickets.TimelineEntry;
import org.domus.tickets.TimelineKind;

@Entity
@Table(name = "TICKETS_TIMELINE")
public class TimelineEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "TICKET_ID", nullable = false)
    long ticketId;

    @Column(name = "OCCURRED_AT", nullable = false)
    Instant at;

    @Column(name = "AUTHOR_ID")
    Long authorId;

    @Column(name = "AUTHOR_NAME", nullable = false, length = 200)
    String authorName;

    @Column(name = "KIND", nullable = false, length = 24)
    String kind;

    @Column(name = "STATUS", nullable = false, length = 16)
    String status;

    @Column(name = "TEXT", length = 4000)
    String text;

    @Column(name = "INTERNAL", nullable = false)
    boolean internal;

    @Column(name = "ATTACHMENT_ID")
    Long attachmentId;

    @Column(name = "MINUTES")
    Integer minutes;

    /** The entry without its author (for a neighbour, when the author is the requester). */
    TimelineEntry withoutAuthor() {
        return new TimelineEntry(
                id,
                ticketId,
                at,
                null,
                null,
                TimelineKind.valueOf(kind),
                TicketStatus.valueOf(status),
                text,
                internal,
                attachmentId,
                minutes);
    }

    TimelineEntry view() {
        return new TimelineEntry(
                id,
                ticketId,
                at,
                authorId,
                authorName,
                TimelineKind.valueOf(kind),
                TicketStatus.valueOf(status),
                text,
                internal,
                attachmentId,
                minutes);
    }
}
