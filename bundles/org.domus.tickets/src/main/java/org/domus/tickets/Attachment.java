package org.domus.tickets;

import java.time.Instant;

/**
 * A file stored with a ticket (in the database). Downloaded by id only; names are for display and never
 * used as paths.
 *
 * @param id database id
 * @param ticketId the ticket
 * @param kind photo, document, audio, signature or protocol
 * @param name a cleaned display name
 * @param mediaType the media type the inspector detected from the content
 * @param size bytes
 * @param createdAt when
 * @param authorAccountId who uploaded it, null for the public form (and for the requester's files when a
 *     neighbour reads a building-wide ticket)
 * @param authorName the uploader's display name (null where {@code authorAccountId} is hidden)
 * @param internal contractor-only files (never shown to residents)
 */
public record Attachment(
        long id,
        long ticketId,
        AttachmentKind kind,
        String name,
        String mediaType,
        long size,
        Instant createdAt,
        Long authorAccountId,
        String authorName,
        boolean internal) {}
