package org.domus.communications;

import java.time.DayOfWeek;

/**
 * One interval of an office's weekly opening hours, in the organisation's local time. A day may have several
 * intervals (a lunch break), which must not overlap.
 *
 * @param day the weekday
 * @param from opening time {@code HH:mm}, from {@code 00:00}
 * @param to closing time {@code HH:mm}, after {@code from}, at most {@code 24:00}
 */
public record OpeningHours(DayOfWeek day, String from, String to) {

    /** {@code from} in minutes after midnight; -1 when it is not a valid {@code HH:mm} time. */
    public int fromMinute() {
        return minutes(from);
    }

    /** {@code to} in minutes after midnight (1440 for {@code 24:00}); -1 when it is not a valid time. */
    public int toMinute() {
        return minutes(to);
    }

    /** An interval from minutes after midnight. */
    public static OpeningHours of(DayOfWeek day, int fromMinute, int toMinute) {
        return new OpeningHours(day, text(fromMinute), text(toMinute));
    }

    /** {@code HH:mm} of minutes after midnight (0..1440). */
    public static String text(int minute) {
        return String.format(java.util.Locale.ROOT, "%02d:%02d", minute / 60, minute % 60);
    }

    private static int minutes(String time) {
        if (time == null || !time.strip().matches("\\d{1,2}:\\d{2}")) {
            return -1;
        }
        String[] parts = time.strip().split(":");
        int hours = Integer.parseInt(parts[0]);
        int minutes = Integer.parseInt(parts[1]);
        if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0)) {
            return -1;
        }
        return hours * 60 + minutes;
    }
}
