package org.domus.communications.internal.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import org.domus.communications.Office;
import org.domus.communications.OfficeStatus;
import org.domus.communications.OpeningHours;
import org.domus.core.calendar.WorkingCalendar;
import org.domus.core.calendar.Zones;

/**
 * Whether an office is open at a moment and when it opens next, in the organisation's local time: the weekly
 * hours of the day, except on the public holidays of the country's calendar and the office's own closed days.
 * An interval ending at 24:00 runs on into one starting at 00:00 the next day.
 */
final class OpeningTimes {

    /** How far ahead the next opening is looked for. */
    static final int HORIZON_DAYS = 14;

    private OpeningTimes() {}

    /** The organisation's zone from its country; UTC when the country is not known here. */
    static ZoneId zoneOf(String country) {
        return Zones.ofCountry(country, ZoneId.of("UTC"));
    }

    static OfficeStatus status(Office office, Instant now, ZoneId zone, WorkingCalendar calendar) {
        LocalDateTime local = LocalDateTime.ofInstant(now, zone);
        LocalDate today = local.toLocalDate();
        int minute = local.getHour() * 60 + local.getMinute();
        List<OpeningHours> todayHours = open(office, today, calendar);
        String holiday = calendar.holiday(today).orElse(null);
        boolean closedToday = todayHours.isEmpty();

        LocalDateTime openUntil = null;
        for (OpeningHours h : todayHours) {
            if (h.fromMinute() <= minute && minute < h.toMinute()) {
                openUntil = runsUntil(office, today, h, calendar);
                break;
            }
        }
        LocalDateTime nextOpening = null;
        search:
        for (int i = 0; i <= HORIZON_DAYS; i++) {
            LocalDate day = today.plusDays(i);
            for (OpeningHours h : open(office, day, calendar)) {
                LocalDateTime start = day.atStartOfDay().plusMinutes(h.fromMinute());
                boolean later = start.isAfter(local);
                boolean partOfCurrent = openUntil != null && !start.isAfter(openUntil);
                if (later && !partOfCurrent) {
                    nextOpening = start;
                    break search;
                }
            }
        }
        return new OfficeStatus(
                office,
                today,
                todayHours,
                closedToday,
                holiday,
                openUntil != null,
                openUntil,
                nextOpening,
                zone.getId());
    }

    /** The day's intervals by start time; none on a holiday or a closed day. */
    static List<OpeningHours> open(Office office, LocalDate day, WorkingCalendar calendar) {
        if (calendar.holiday(day).isPresent() || office.closedDays().contains(day)) {
            return List.of();
        }
        return office.hours().stream()
                .filter(h -> h.day() == day.getDayOfWeek())
                .sorted(Comparator.comparingInt(OpeningHours::fromMinute))
                .toList();
    }

    /** The end of an opening, following intervals that continue it (24:00 into 00:00, or back to back). */
    private static LocalDateTime runsUntil(Office office, LocalDate day, OpeningHours interval, WorkingCalendar cal) {
        LocalDateTime end = day.atStartOfDay().plusMinutes(interval.toMinute());
        for (int i = 0; i <= HORIZON_DAYS; i++) {
            LocalDate d = day.plusDays(i);
            boolean extended = false;
            for (OpeningHours h : open(office, d, cal)) {
                LocalDateTime start = d.atStartOfDay().plusMinutes(h.fromMinute());
                LocalDateTime stop = d.atStartOfDay().plusMinutes(h.toMinute());
                if (!start.isAfter(end) && stop.isAfter(end)) {
                    end = stop;
                    extended = true;
                }
            }
            if (!extended && end.isBefore(d.plusDays(1).atStartOfDay())) {
                break;
            }
        }
        return end;
    }
}
