package org.domus.communications;

import java.time.Instant;

/**
 * An announcement in a resident's feed.
 *
 * @param id database id
 * @param title the title
 * @param body sanitised HTML
 * @param bodyText the body as plain text, for previews
 * @param urgent highlighted and listed first
 * @param publishedAt when it became visible
 * @param expiresAt when it leaves the feed, optional
 * @param read whether this resident has opened it
 */
public record AnnouncementNews(
        long id,
        String title,
        String body,
        String bodyText,
        boolean urgent,
        Instant publishedAt,
        Instant expiresAt,
        boolean read) {}
