package org.domus.communications;

import java.time.Instant;
import java.util.List;
import org.domus.core.audience.AudienceTarget;

/**
 * What staff write: a new announcement or the new content of one not yet published.
 *
 * @param organisationId the organisation it belongs to; every target lies inside it
 * @param title at most 200 characters
 * @param body rich text as HTML; sanitised on the server to a safe subset (paragraphs, line breaks, bold,
 *     italic, underline, lists, headings h3/h4, links with http, https or mailto, quotes), at most 20,000
 *     characters after sanitising and never empty
 * @param targets at least one, each inside the organisation and inside the author's scope
 * @param publishAt when it becomes visible once published; null means at publication
 * @param expiresAt when it leaves the residents' feeds, optional, after {@code publishAt}
 * @param urgent shown first and highlighted
 * @param version the version read, for a change (optimistic locking); ignored when creating
 */
public record AnnouncementInput(
        long organisationId,
        String title,
        String body,
        List<AudienceTarget> targets,
        Instant publishAt,
        Instant expiresAt,
        boolean urgent,
        long version) {

    public AnnouncementInput {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }
}
