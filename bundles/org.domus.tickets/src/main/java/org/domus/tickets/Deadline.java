package org.domus.tickets;

/**
 * A deadline length.
 *
 * @param amount how many units, at least 1
 * @param unit clock hours or working days
 */
public record Deadline(int amount, DeadlineUnit unit) {

    public static Deadline hours(int amount) {
        return new Deadline(amount, DeadlineUnit.HOURS);
    }

    public static Deadline workingDays(int amount) {
        return new Deadline(amount, DeadlineUnit.WORKING_DAYS);
    }
}
