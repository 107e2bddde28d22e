package org.domus.tickets;

import java.time.Instant;

/**
 * One line of a ticket's timeline.
 *
 * @param id database id
 * @param ticketId the ticket
 * @param at when (UTC)
 * @param authorAccountId the author's account, null for the public form and the system (and for the requester's
 *     entries when a neighbour reads a building-wide ticket)
 * @param authorName the author's display name ({@code anonymous} for the public form; null for the requester's
 *     entries when a neighbour reads a building-wide ticket)
 * @param kind what happened
 * @param status the ticket's status after the entry
 * @param text the reason, comment, note or rating comment; may be null
 * @param internal staff and contractor notes: never shown to residents
 * @param attachmentId the attachment of an ATTACHMENT or PROTOCOL entry
 * @param minutes the minutes of a TIME entry, the rating of a RATING entry
 */
public record TimelineEntry(
        long id,
        long ticketId,
        Instant at,
        Long authorAccountId,
        String authorName,
        TimelineKind kind,
        TicketStatus status,
        String text,
        boolean internal,
        Long attachmentId,
        Integer minutes) {}
