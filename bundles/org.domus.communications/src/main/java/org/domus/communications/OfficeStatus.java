package org.domus.communications;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * An office as a resident sees it now: today's hours and whether it is open, in the organisation's zone.
 *
 * @param office the office
 * @param today today's date in the organisation's zone
 * @param todayHours today's opening hours (empty when closed all day)
 * @param closedToday whether the office is closed today although its weekday has hours, or has none
 * @param holiday the English name of today's public holiday, or null
 * @param openNow whether it is open at this moment
 * @param openUntil when the current opening ends (local time), null when closed
 * @param nextOpening when it opens next (local time) after now, null when not within two weeks
 * @param zone the organisation's time zone, e.g. {@code Europe/Prague}
 */
public record OfficeStatus(
        Office office,
        LocalDate today,
        List<OpeningHours> todayHours,
        boolean closedToday,
        String holiday,
        boolean openNow,
        LocalDateTime openUntil,
        LocalDateTime nextOpening,
        String zone) {

    public OfficeStatus {
        todayHours = List.copyOf(todayHours);
    }
}
