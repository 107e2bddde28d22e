package org.domus.communications.internal.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.domus.communications.ContactScope;
import org.domus.communications.Office;
import org.domus.communications.OfficeStatus;
import org.domus.communications.OpeningHours;
import org.domus.core.calendar.WorkingCalendar;
import org.junit.jupiter.api.Test;

class OpeningTimesTest {

    private static final WorkingCalendar CZ = WorkingCalendar.forCountry("CZ");

    private static Office office(List<OpeningHours> hours, List<LocalDate> closed) {
        return new Office(1, 1, ContactScope.organisation(1), "Office", null, null, null, hours, closed, null, 0);
    }

    private static OfficeStatus at(Office office, String instant, String country) {
        return OpeningTimes.status(
                office, Instant.parse(instant), OpeningTimes.zoneOf(country), WorkingCalendar.forCountry(country));
    }

    @Test
    void openDuringAnIntervalClosedOverLunchAndAfterHoursInTheOrganisationsZone() {
        Office office = office(DirectoryFixture.weekdays(), List.of());
        // Wednesday 4 March 2026, 09:00 in Prague (08:00 UTC)
        OfficeStatus morning = at(office, "2026-03-04T08:00:00Z", "CZ");
        assertTrue(morning.openNow());
        assertEquals(LocalDateTime.of(2026, 3, 4, 12, 0), morning.openUntil());
        assertEquals(LocalDateTime.of(2026, 3, 4, 13, 0), morning.nextOpening());
        assertEquals(2, morning.todayHours().size());
        assertEquals("Europe/Prague", morning.zone());
        // 12:30 Prague: lunch break
        OfficeStatus lunch = at(office, "2026-03-04T11:30:00Z", "CZ");
        assertFalse(lunch.openNow());
        assertEquals(LocalDateTime.of(2026, 3, 4, 13, 0), lunch.nextOpening());
        // Friday 18:00 Prague: next opening on Monday at 8
        OfficeStatus friday = at(office, "2026-03-06T17:00:00Z", "CZ");
        assertFalse(friday.openNow());
        assertEquals(LocalDateTime.of(2026, 3, 9, 8, 0), friday.nextOpening());
        // 07:30 UTC is 08:30 in Prague but 09:30 in Bucharest: both open; 06:30 UTC only in Bucharest
        assertFalse(at(office, "2026-03-04T06:30:00Z", "CZ").openNow());
        OfficeStatus bucharest = at(office, "2026-03-04T06:30:00Z", "RO");
        assertTrue(bucharest.openNow());
        assertEquals("Europe/Bucharest", bucharest.zone());
    }

    @Test
    void publicHolidaysAndTheOfficesClosedDaysCloseIt() {
        // Easter Monday 2026 is 6 April in Czechia; Good Friday 3 April
        Office office = office(DirectoryFixture.weekdays(), List.of(LocalDate.of(2026, 4, 7)));
        OfficeStatus easterMonday = at(office, "2026-04-06T08:00:00Z", "CZ");
        assertFalse(easterMonday.openNow());
        assertTrue(easterMonday.closedToday());
        assertEquals("Easter Monday", easterMonday.holiday());
        assertTrue(easterMonday.todayHours().isEmpty());
        // Tuesday 7 April is the office's own closed day: next opening Wednesday
        assertEquals(LocalDateTime.of(2026, 4, 8, 8, 0), easterMonday.nextOpening());
        // Thursday 2 April evening: Good Friday and the weekend and Easter Monday and the closed day skipped
        assertEquals(
                LocalDateTime.of(2026, 4, 8, 8, 0),
                at(office, "2026-04-02T17:00:00Z", "CZ").nextOpening());
        // the same days are working days in Romania (Orthodox Easter 2026 is 12 April)
        assertTrue(at(office, "2026-04-06T08:00:00Z", "RO").openNow());
    }

    @Test
    void anIntervalEndingAtMidnightRunsOnIntoTheNextDaysAndNoHoursMeansNoNextOpening() {
        Office weekend = office(
                List.of(
                        new OpeningHours(DayOfWeek.SATURDAY, "18:00", "24:00"),
                        new OpeningHours(DayOfWeek.SUNDAY, "00:00", "06:00")),
                List.of());
        // Saturday 7 March 2026, 23:00 in Prague
        OfficeStatus night = at(weekend, "2026-03-07T22:00:00Z", "CZ");
        assertTrue(night.openNow());
        assertEquals(LocalDateTime.of(2026, 3, 8, 6, 0), night.openUntil());
        assertEquals(LocalDateTime.of(2026, 3, 14, 18, 0), night.nextOpening());
        OfficeStatus never = at(office(List.of(), List.of()), "2026-03-07T22:00:00Z", "CZ");
        assertFalse(never.openNow());
        assertTrue(never.closedToday());
        assertNull(never.nextOpening());
        assertNull(never.holiday());
        assertEquals(LocalDate.of(2026, 3, 7), never.today());
        assertTrue(CZ.isWorkingDay(LocalDate.of(2026, 3, 4)));
    }
}
