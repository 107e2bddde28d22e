package org.domus.communications;

import java.time.Instant;
import java.util.List;
import org.domus.core.audience.AudienceTarget;

/**
 * An announcement as staff see it, with its read receipts.
 *
 * @param id database id
 * @param organisationId its organisation
 * @param title the title
 * @param body sanitised HTML
 * @param bodyText the body as plain text (for previews and e-mails)
 * @param targets who it is addressed to
 * @param publishAt when it becomes (or became) visible; null for a draft without a chosen time
 * @param expiresAt when it leaves the feeds, optional
 * @param urgent highlighted and listed first
 * @param state its state now
 * @param authorAccountId who wrote it, null for the system
 * @param authorName the author's name
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param audienceCount M of "read by N of M": residents reached when it became visible; for a draft or a
 *     scheduled one the residents it would reach today ("will reach M")
 * @param readCount N of "read by N of M": distinct accounts that opened it
 * @param version optimistic-lock version; send it back with a change
 */
public record Announcement(
        long id,
        long organisationId,
        String title,
        String body,
        String bodyText,
        List<AudienceTarget> targets,
        Instant publishAt,
        Instant expiresAt,
        boolean urgent,
        AnnouncementState state,
        Long authorAccountId,
        String authorName,
        Instant createdAt,
        Instant updatedAt,
        long audienceCount,
        long readCount,
        long version) {

    public Announcement {
        targets = List.copyOf(targets);
    }
}
