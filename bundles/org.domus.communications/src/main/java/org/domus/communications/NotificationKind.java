package org.domus.communications;

/**
 * What a notification is about; preferences are kept per kind and {@link NotificationChannel}. New charges of a
 * billing run count as {@link #PAYMENT_REMINDERS}: both are about what a unit has to pay, and a resident who wants
 * no payment mail wants neither.
 */
public enum NotificationKind {
    /** An announcement addressed to a unit the account holds (urgent ones too). */
    ANNOUNCEMENTS,
    /** A status change, feedback or comment on a ticket the account filed. */
    TICKET_UPDATES,
    /** New charges, a payment falling due, a payment overdue (only to owners, co-owners, members, tenants). */
    PAYMENT_REMINDERS,
    /** A new message in one of the account's threads with the office. */
    MESSAGES
}
