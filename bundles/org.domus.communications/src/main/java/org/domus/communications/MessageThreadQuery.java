package org.domus.communications;

import java.util.Set;

/**
 * The office's inbox filters; every filter is optional and they combine with AND.
 *
 * @param states only threads in these states (empty: all)
 * @param topic only this topic
 * @param assignedToMe only threads assigned to the reader
 * @param unassigned only threads assigned to nobody
 * @param buildingId only threads about units of this building
 * @param offset index of the first thread
 * @param limit page size, 1..{@link MessageService#MAX_PAGE}
 */
public record MessageThreadQuery(
        Set<MessageThreadState> states,
        MessageTopic topic,
        boolean assignedToMe,
        boolean unassigned,
        Long buildingId,
        int offset,
        int limit) {

    public MessageThreadQuery {
        states = states == null ? Set.of() : Set.copyOf(states);
    }

    /** Every thread in scope, first page. */
    public static MessageThreadQuery all() {
        return new MessageThreadQuery(Set.of(), null, false, false, null, 0, 50);
    }
}
