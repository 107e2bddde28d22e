package org.domus.communications;

import java.util.List;
import java.util.Optional;
import org.domus.core.Subject;
import org.domus.core.registry.Page;

/**
 * Message threads between a resident and the office. A resident opens a thread about one of their current units;
 * it belongs to that unit's building and organisation. Only the account that opened it sees it on the resident
 * side (co-holders of the unit do not see each other's threads); on the office side staff holding
 * {@link CommunicationsPermissions#MESSAGES} in a scope covering the building see, answer, assign, close and
 * reopen it, staff holding only {@link CommunicationsPermissions#READ} there read it.
 *
 * <p>Refusals are {@link org.domus.core.DomusException}s: NOT_FOUND for a thread (or unit) the subject may not know
 * about (another resident's thread), FORBIDDEN for staff outside their scope, INVALID for bad input (nothing is
 * stored), CONFLICT for a reply to a closed thread or a move the state does not allow. Changes post
 * {@link CommunicationsEvents#MESSAGE_POSTED} and {@link CommunicationsEvents#THREAD_CHANGED} after they
 * committed, with the properties {@link MessageEvents} lists.
 */
public interface MessageService {

    /** Largest page of a list. */
    int MAX_PAGE = 200;

    /** Longest subject line. */
    int MAX_SUBJECT = 200;

    /** Longest message text. */
    int MAX_TEXT = 10_000;

    /**
     * A resident opens a thread about one of their current units with its first message and files (all stored
     * together or nothing).
     *
     * @return the new thread with its first message
     */
    MessageThreadDetail open(Subject subject, NewMessageThread thread);

    /** The resident's own threads, the latest activity first. */
    Page<MessageThread> mine(Subject subject, int offset, int limit);

    /**
     * The office's inbox: threads in the subject's READ or MESSAGES scope matching the query, the latest activity
     * first. FORBIDDEN for subjects without either permission.
     */
    Page<MessageThread> inbox(Subject subject, MessageThreadQuery query);

    /** A thread with its messages; marks its messages read for the subject. */
    MessageThreadDetail read(Subject subject, long threadId);

    /**
     * The messages after {@code afterMessageId} (for an open page to add what is new); marks them read for the
     * subject.
     */
    List<Message> messagesAfter(Subject subject, long threadId, long afterMessageId);

    /**
     * Adds a message (the resident owner or staff with MESSAGES in scope); the state follows: ANSWERED after an
     * office reply, WAITING (OPEN when the office never wrote) after the resident's. CONFLICT on a closed thread.
     */
    Message reply(Subject subject, long threadId, String text, List<MessageFile> files);

    /**
     * Assigns the thread to a colleague holding MESSAGES in a scope covering its building ({@code null}:
     * unassigned); INVALID ({@code communications.messages.assignee-invalid}) for anyone else.
     */
    MessageThread assign(Subject subject, long threadId, Long assigneeAccountId);

    /** The colleagues the thread can be assigned to (for the staff's dropdown). */
    List<MessageAssignee> assignees(Subject subject, long threadId);

    /** Closes the thread (the resident owner or staff with MESSAGES). */
    MessageThread close(Subject subject, long threadId);

    /** Reopens a closed thread (staff with MESSAGES); its state follows its last message again. */
    MessageThread reopen(Subject subject, long threadId);

    /** What the subject has not read yet (see {@link UnreadMessages}). */
    UnreadMessages unread(Subject subject);

    /** One file of a message of the thread, for the thread's parties only. */
    MessageAttachmentContent attachment(Subject subject, long threadId, long attachmentId);

    /**
     * Checks a file as a new message would (content type, size), storing nothing: forms check each file when it
     * is chosen.
     *
     * @throws org.domus.core.DomusException INVALID with the upload inspector's message
     */
    void check(String name, byte[] content);

    /** The most files one message may carry (configuration, 5 by default). */
    int maxFilesPerMessage();

    /** The largest file in bytes (configuration). */
    long maxFileBytes();

    /** The organisation's time zone, in which views and mails show the messages' times. */
    java.time.ZoneId zone(long organisationId);

    /**
     * A system read for notifications and e-mail: the message with its thread and who should hear of it, or
     * empty when it does not exist. It checks no access: callers deliver only to the returned recipients.
     */
    Optional<MessageDelivery> delivery(long messageId);
}
