package org.domus.communications;

import java.util.Map;
import java.util.Set;
import org.domus.core.Subject;
import org.domus.core.registry.Page;

/**
 * A signed-in account's notification centre and its notification preferences. Every method works on the
 * subject's own account only: another account's notification is {@code NOT_FOUND}. Notifications are made by
 * the module itself from the events of the other modules (ticket updates, charges and payment reminders) and
 * of its own (announcements, messages); see {@link NotificationKind}.
 */
public interface NotificationService {

    /**
     * The subject's notifications, unread first, then newest first.
     *
     * @param unreadOnly only the unread ones
     * @param kind only this kind, or null for all
     * @param offset how many to skip (0 or more)
     * @param limit at most how many (1 to 200)
     */
    Page<Notification> list(Subject subject, boolean unreadOnly, NotificationKind kind, int offset, int limit);

    /** How many of the subject's notifications are unread. */
    long unreadCount(Subject subject);

    /**
     * Marks one of the subject's notifications read (reading it again changes nothing).
     *
     * @throws org.domus.core.DomusException NOT_FOUND when it is not the subject's
     */
    Notification markRead(Subject subject, long notificationId);

    /** Marks every notification of the subject read; returns how many were unread. */
    int markAllRead(Subject subject);

    /** The subject's preferences: their own choices over the configured defaults. */
    NotificationPreferences preferences(Subject subject);

    /**
     * Replaces the subject's choices with {@code channels} (a kind missing from the map keeps its current
     * channels) and records the change in the audit trail.
     *
     * @throws org.domus.core.DomusException INVALID for a subject without an account (the system)
     */
    NotificationPreferences savePreferences(Subject subject, Map<NotificationKind, Set<NotificationChannel>> channels);
}
