package org.domus.communications;

/**
 * Where a message thread stands. The state follows the last message unless the thread is closed: a thread
 * nobody from the office has answered is {@link #OPEN}; after an office reply it is {@link #ANSWERED}; when the
 * resident writes again after an office reply it is {@link #WAITING}.
 */
public enum MessageThreadState {
    /** Opened by the resident, not answered yet. */
    OPEN,
    /** The office wrote last. */
    ANSWERED,
    /** The resident wrote last, after an office reply. */
    WAITING,
    /** Closed by the office or by the resident; only the office reopens it. */
    CLOSED;

    /** The state a thread that is not closed has, given who wrote last and whether the office ever wrote. */
    public static MessageThreadState of(boolean officeWroteLast, boolean officeEverWrote) {
        return officeWroteLast ? ANSWERED : officeEverWrote ? WAITING : OPEN;
    }
}
