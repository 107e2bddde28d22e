package org.domus.communications;

import java.util.List;

/**
 * A thread a resident opens with its first message.
 *
 * @param unitId one of the resident's current units
 * @param topic what it is about
 * @param subject 1..200 characters
 * @param text the first message, 1..10 000 characters of plain text
 * @param files optional attachments (at most the configured number, 5 by default)
 */
public record NewMessageThread(Long unitId, MessageTopic topic, String subject, String text, List<MessageFile> files) {

    public NewMessageThread {
        files = files == null ? List.of() : List.copyOf(files);
    }
}
