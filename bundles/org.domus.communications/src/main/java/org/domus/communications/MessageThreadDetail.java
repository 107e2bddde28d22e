package org.domus.communications;

import java.util.List;

/**
 * A thread with its messages, oldest first.
 *
 * @param thread the thread (its {@code unread} as it was before this read marked the messages read)
 * @param messages every message of the thread
 */
public record MessageThreadDetail(MessageThread thread, List<Message> messages) {

    public MessageThreadDetail {
        messages = List.copyOf(messages);
    }
}
