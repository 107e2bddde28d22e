package org.domus.communications;

/** Where a notification is delivered. */
public enum NotificationChannel {
    /** The notification centre in the application (the bell). */
    IN_APP,
    /** An e-mail to the account's address; accounts without an address get in-app notifications only. */
    EMAIL
}
