package org.domus.communications;

import java.util.List;

/**
 * A posted message with what a notification about it needs (the system read of
 * {@link MessageService#delivery(long)}).
 *
 * @param thread the thread (its {@code unread} is 0: it is nobody's read)
 * @param message the message
 * @param recipientAccountIds who should hear of it: the resident for an office message; the assignee, or nobody
 *     when the thread is unassigned (the office sees it in its inbox), for a resident's message
 */
public record MessageDelivery(MessageThread thread, Message message, List<Long> recipientAccountIds) {

    public MessageDelivery {
        recipientAccountIds = List.copyOf(recipientAccountIds);
    }
}
