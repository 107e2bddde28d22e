package org.domus.communications.internal.mail;

import java.util.List;
import java.util.Objects;

/**
 * A mail as it is queued and sent: subject, plain text and HTML, and the images the HTML shows inline.
 *
 * @param images referenced from the HTML as {@code cid:<contentId>}
 */
record RenderedMail(String subject, String text, String html, List<InlineImage> images) {

    RenderedMail {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        images = List.copyOf(images);
    }

    /** An image of the HTML part, such as the payment QR code. */
    record InlineImage(String contentId, String mimeType, byte[] data) {
        InlineImage {
            Objects.requireNonNull(contentId, "contentId");
            Objects.requireNonNull(mimeType, "mimeType");
            Objects.requireNonNull(data, "data");
        }
    }
}
