package org.domus.communications;

import java.time.Instant;

/**
 * A thread between a resident and the office about one of the resident's units, as the reader sees it.
 *
 * @param id database id
 * @param organisationId the unit's organisation
 * @param buildingId the unit's building
 * @param unitId the unit the thread is about
 * @param unitLabel the unit's number and its building's address, for lists
 * @param topic what it is about
 * @param subject the subject line (at most 200 characters)
 * @param state where it stands
 * @param residentAccountId the account that opened it (the only resident who sees it)
 * @param residentName that account's display name
 * @param assigneeAccountId the colleague it is assigned to, null when unassigned
 * @param assigneeName the assignee's display name, null when unassigned
 * @param createdAt when it was opened
 * @param lastMessageAt when the last message was written
 * @param lastMessageId the last message's id (views compare it to notice new messages)
 * @param messageCount how many messages it holds
 * @param unread how many messages of the other side the reader has not seen yet (0 for readers outside the
 *     thread's unread accounting: staff who only read)
 * @param version changes with every change of the thread (optimistic locking)
 */
public record MessageThread(
        long id,
        long organisationId,
        long buildingId,
        long unitId,
        String unitLabel,
        MessageTopic topic,
        String subject,
        MessageThreadState state,
        long residentAccountId,
        String residentName,
        Long assigneeAccountId,
        String assigneeName,
        Instant createdAt,
        Instant lastMessageAt,
        long lastMessageId,
        int messageCount,
        int unread,
        long version) {}
