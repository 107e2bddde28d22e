package org.domus.tickets.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.domus.core.calendar.Zones;
import org.domus.tickets.Deadline;

/**
 * Turns a {@link Deadline} into an instant. Clock hours count day and night; working days skip the days the
 * organisation's calendar marks free, and a deadline of n working days ends at midnight after the n-th working
 * day following the day the ticket came in (in the organisation's zone).
 */
final class Deadlines {

    /** Whether a day is a working day in a country. */
    @FunctionalInterface
    interface WorkingDays {
        boolean isWorkingDay(String country, LocalDate day);
    }

    private Deadlines() {}

    /** The organisation's time zone from its country; UTC when the country is not known here. */
    static ZoneId zoneOf(String country) {
        return Zones.ofCountry(country, ZoneId.of("UTC"));
    }

    static Instant due(Instant from, Deadline deadline, String country, WorkingDays calendar) {
        return switch (deadline.unit()) {
            case HOURS -> from.plus(deadline.amount(), ChronoUnit.HOURS);
            case WORKING_DAYS -> {
                ZoneId zone = zoneOf(country);
                LocalDate day = from.atZone(zone).toLocalDate();
                int left = deadline.amount();
                int guard = 0;
                while (left > 0) {
                    day = day.plusDays(1);
                    if (calendar.isWorkingDay(country, day)) {
                        left--;
                    }
                    if (++guard > 3660) {
                        throw new IllegalStateException("no working days in ten years for " + country);
                    }
                }
                yield ZonedDateTime.of(day.plusDays(1).atStartOfDay(), zone).toInstant();
            }
        };
    }
}
