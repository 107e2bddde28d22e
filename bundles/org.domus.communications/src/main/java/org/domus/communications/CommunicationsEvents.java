package org.domus.communications;

/**
 * EventAdmin topics the communications module posts after a change has committed (asynchronously). Every event
 * carries {@value #ORGANISATION_ID} and {@value #ACTOR_ACCOUNT_ID} (0 for the system); ids are {@code Long}.
 * The module's views listen to them to update open pages through server push.
 */
public final class CommunicationsEvents {

    /** An announcement became visible (published now, or its publish time came): {@value #ANNOUNCEMENT_ID}. */
    public static final String ANNOUNCEMENT_PUBLISHED = "org/domus/communications/ANNOUNCEMENT_PUBLISHED";

    /** A message was added to a thread: {@value #THREAD_ID}, {@value #MESSAGE_ID}. */
    public static final String MESSAGE_POSTED = "org/domus/communications/MESSAGE_POSTED";

    /** A thread was assigned, closed or reopened: {@value #THREAD_ID}. */
    public static final String THREAD_CHANGED = "org/domus/communications/THREAD_CHANGED";

    /** Notifications were added to or read in accounts' notification centres: {@value #ACCOUNT_IDS}. */
    public static final String NOTIFICATIONS_CHANGED = "org/domus/communications/NOTIFICATIONS_CHANGED";

    public static final String ORGANISATION_ID = "organisationId";
    public static final String ACTOR_ACCOUNT_ID = "actorAccountId";
    public static final String ANNOUNCEMENT_ID = "announcementId";
    public static final String THREAD_ID = "threadId";
    public static final String MESSAGE_ID = "messageId";
    /** {@code long[]} of the accounts concerned. */
    public static final String ACCOUNT_IDS = "accountIds";

    private CommunicationsEvents() {}
}
