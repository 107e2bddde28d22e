package org.domus.tickets;

/** What a {@link TimelineEntry} records. */
public enum TimelineKind {
    /** The ticket was submitted. */
    CREATED,
    /** The status changed (text: the reason, if any). */
    STATUS,
    /** A comment. */
    COMMENT,
    /** Feedback from the office to the requester (shown to the requester, sent as an event). */
    FEEDBACK,
    /** An attachment was added. */
    ATTACHMENT,
    /** Assigned to a contractor company / worker. */
    ASSIGNMENT,
    /** The assigned contractor accepted the assignment. */
    ASSIGNMENT_ACCEPTED,
    /** A contractor's work note. */
    WORK_NOTE,
    /** Time spent (minutes) logged by the contractor. */
    TIME,
    /** The requester's rating (1..5) and comment, given when confirming. */
    RATING,
    /** The completion protocol was generated. */
    PROTOCOL,
    /** The requester's contact details or other data were changed. */
    UPDATED
}
