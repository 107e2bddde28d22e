package org.domus.communications;

import java.time.Instant;
import java.util.List;

/**
 * One message of a thread: plain text (at most 10 000 characters), never interpreted as markup.
 *
 * @param id database id (increasing within a thread)
 * @param threadId the thread
 * @param authorAccountId who wrote it
 * @param authorName the author's display name when it was written
 * @param fromOffice written by staff (the office side) rather than the resident
 * @param text the text
 * @param createdAt when
 * @param attachments its files (at most 5)
 */
public record Message(
        long id,
        long threadId,
        long authorAccountId,
        String authorName,
        boolean fromOffice,
        String text,
        Instant createdAt,
        List<MessageAttachment> attachments) {

    public Message {
        attachments = List.copyOf(attachments);
    }
}
