package org.domus.communications;

/**
 * The properties of the message threads' events {@link CommunicationsEvents#MESSAGE_POSTED} and
 * {@link CommunicationsEvents#THREAD_CHANGED}, posted asynchronously after the change committed. Besides
 * {@link CommunicationsEvents#ORGANISATION_ID}, {@link CommunicationsEvents#ACTOR_ACCOUNT_ID} and
 * {@link CommunicationsEvents#THREAD_ID} (all {@code Long}) both carry:
 *
 * <ul>
 *   <li>{@value #UNIT_ID}, {@value #BUILDING_ID} ({@code Long}): what the thread is about;
 *   <li>{@value #RESIDENT_ACCOUNT_ID} ({@code Long}): the resident who opened it;
 *   <li>{@value #ASSIGNEE_ACCOUNT_ID} ({@code Long}, absent when unassigned);
 *   <li>{@value #TOPIC} and {@value #STATE} (enum names), {@value #SUBJECT} (the subject line).
 * </ul>
 *
 * MESSAGE_POSTED adds {@link CommunicationsEvents#MESSAGE_ID}, {@value #AUTHOR_ACCOUNT_ID} ({@code Long}),
 * {@value #FROM_OFFICE} ({@code Boolean}) and {@value #RECIPIENT_ACCOUNT_IDS} ({@code long[]}: the resident for an
 * office message; the assignee, or nobody when unassigned, for a resident's message); the notification centre
 * reads the text itself through {@link MessageService#delivery(long)} (events never carry message texts).
 * THREAD_CHANGED adds {@value #CHANGE}: {@code ASSIGNED}, {@code CLOSED} or {@code REOPENED}.
 */
public final class MessageEvents {

    public static final String UNIT_ID = "unitId";
    public static final String BUILDING_ID = "buildingId";
    public static final String RESIDENT_ACCOUNT_ID = "residentAccountId";
    public static final String ASSIGNEE_ACCOUNT_ID = "assigneeAccountId";
    public static final String TOPIC = "topic";
    public static final String STATE = "state";
    public static final String SUBJECT = "subject";
    public static final String AUTHOR_ACCOUNT_ID = "authorAccountId";
    public static final String FROM_OFFICE = "fromOffice";
    public static final String RECIPIENT_ACCOUNT_IDS = "recipientAccountIds";
    public static final String CHANGE = "change";

    private MessageEvents() {}
}
