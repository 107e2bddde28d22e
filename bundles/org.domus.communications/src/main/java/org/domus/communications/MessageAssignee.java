package org.domus.communications;

/**
 * A colleague a thread can be assigned to: an active staff account holding
 * {@link CommunicationsPermissions#MESSAGES} in a scope that covers the thread's building.
 *
 * @param accountId the account
 * @param displayName its display name
 */
public record MessageAssignee(long accountId, String displayName) {}
