package org.domus.communications;

/**
 * What the reader has not read yet: a resident's own threads; for staff the threads assigned to them and the
 * unassigned threads in their {@link CommunicationsPermissions#MESSAGES} scope. Only messages of the other side
 * count (a resident's own messages are never unread to them, nor an office reply to staff).
 *
 * @param threads threads with at least one unread message
 * @param messages unread messages in all
 */
public record UnreadMessages(long threads, long messages) {}
