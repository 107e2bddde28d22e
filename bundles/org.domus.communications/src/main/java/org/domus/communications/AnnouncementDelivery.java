package org.domus.communications;

import java.time.Instant;
import java.util.List;
import org.domus.core.audience.AudienceTarget;

/**
 * What a delivery channel (notifications, e-mail) needs of a published announcement; see
 * {@link AnnouncementService#forDelivery(long)}.
 *
 * @param id the announcement
 * @param organisationId its organisation
 * @param title the title (plain text, unescaped)
 * @param bodyHtml the sanitised HTML body, safe to embed in an HTML e-mail as it is
 * @param bodyText the body as plain text for the text part of an e-mail
 * @param urgent whether it is urgent
 * @param targets who it is addressed to: pass them to {@link org.domus.core.audience.Audience#residents}
 * @param publishedAt when it became visible
 * @param expiresAt when it leaves the feeds, optional
 */
public record AnnouncementDelivery(
        long id,
        long organisationId,
        String title,
        String bodyHtml,
        String bodyText,
        boolean urgent,
        List<AudienceTarget> targets,
        Instant publishedAt,
        Instant expiresAt) {

    public AnnouncementDelivery {
        targets = List.copyOf(targets);
    }
}
