package org.domus.tickets;

/** How a deadline's amount is counted. */
public enum DeadlineUnit {
    /** Clock hours, day and night, weekends and holidays included (emergencies). */
    HOURS,
    /**
     * Working days of the organisation's country calendar ({@code org.domus.core.calendar.WorkingCalendar})
     * minus the extra holidays of PID {@code org.domus.tickets} key {@code holidays}; the deadline is the end
     * of the last working day in the organisation's zone.
     */
    WORKING_DAYS
}
