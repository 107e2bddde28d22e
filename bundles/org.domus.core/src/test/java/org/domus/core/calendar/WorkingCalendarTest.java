package org.domus.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");

    @Test
    void westernEasterMatchesKnownDates() {
        assertEquals(LocalDate.of(2026, 4, 5), WorkingCalendar.westernEaster(2026));
        assertEquals(LocalDate.of(2025, 4, 20), WorkingCalendar.westernEaster(2025));
        assertEquals(LocalDate.of(2024, 3, 31), WorkingCalendar.westernEaster(2024));
        assertEquals(LocalDate.of(2027, 3, 28), WorkingCalendar.westernEaster(2027));
        assertEquals(LocalDate.of(2019, 4, 21), WorkingCalendar.westernEaster(2019));
        assertEquals(LocalDate.of(2008, 3, 23), WorkingCalendar.westernEaster(2008));
        assertEquals(LocalDate.of(2038, 4, 25), WorkingCalendar.westernEaster(2038));
        assertEquals(LocalDate.of(2000, 4, 23), WorkingCalendar.westernEaster(2000));
    }

    @Test
    void orthodoxEasterMatchesKnownDates() {
        assertEquals(LocalDate.of(2026, 4, 12), WorkingCalendar.orthodoxEaster(2026));
        assertEquals(LocalDate.of(2025, 4, 20), WorkingCalendar.orthodoxEaster(2025));
        assertEquals(LocalDate.of(2024, 5, 5), WorkingCalendar.orthodoxEaster(2024));
        assertEquals(LocalDate.of(2023, 4, 16), WorkingCalendar.orthodoxEaster(2023));
        assertEquals(LocalDate.of(2021, 5, 2), WorkingCalendar.orthodoxEaster(2021));
        assertEquals(LocalDate.of(2027, 5, 2), WorkingCalendar.orthodoxEaster(2027));
    }

    @Test
    void czechHolidaysOf2026() {
        assertEquals(
                Map.ofEntries(
                        Map.entry(LocalDate.of(2026, 1, 1), "New Year's Day"),
                        Map.entry(LocalDate.of(2026, 4, 3), "Good Friday"),
                        Map.entry(LocalDate.of(2026, 4, 6), "Easter Monday"),
                        Map.entry(LocalDate.of(2026, 5, 1), "Labour Day"),
                        Map.entry(LocalDate.of(2026, 5, 8), "Liberation Day"),
                        Map.entry(LocalDate.of(2026, 7, 5), "Saints Cyril and Methodius Day"),
                        Map.entry(LocalDate.of(2026, 7, 6), "Jan Hus Day"),
                        Map.entry(LocalDate.of(2026, 9, 28), "St. Wenceslas Day"),
                        Map.entry(LocalDate.of(2026, 10, 28), "Independent Czechoslovak State Day"),
                        Map.entry(LocalDate.of(2026, 11, 17), "Struggle for Freedom and Democracy Day"),
                        Map.entry(LocalDate.of(2026, 12, 24), "Christmas Eve"),
                        Map.entry(LocalDate.of(2026, 12, 25), "Christmas Day"),
                        Map.entry(LocalDate.of(2026, 12, 26), "St. Stephen's Day")),
                holidaysOf(WorkingCalendar.forCountry("CZ"), 2026));
    }

    @Test
    void polishHolidaysOf2026IncludeChristmasEve() {
        assertEquals(
                Map.ofEntries(
                        Map.entry(LocalDate.of(2026, 1, 1), "New Year's Day"),
                        Map.entry(LocalDate.of(2026, 1, 6), "Epiphany"),
                        Map.entry(LocalDate.of(2026, 4, 5), "Easter Sunday"),
                        Map.entry(LocalDate.of(2026, 4, 6), "Easter Monday"),
                        Map.entry(LocalDate.of(2026, 5, 1), "Labour Day"),
                        Map.entry(LocalDate.of(2026, 5, 3), "Constitution Day"),
                        Map.entry(LocalDate.of(2026, 5, 24), "Pentecost Sunday"),
                        Map.entry(LocalDate.of(2026, 6, 4), "Corpus Christi"),
                        Map.entry(LocalDate.of(2026, 8, 15), "Assumption of Mary"),
                        Map.entry(LocalDate.of(2026, 11, 1), "All Saints' Day"),
                        Map.entry(LocalDate.of(2026, 11, 11), "Independence Day"),
                        Map.entry(LocalDate.of(2026, 12, 24), "Christmas Eve"),
                        Map.entry(LocalDate.of(2026, 12, 25), "Christmas Day"),
                        Map.entry(LocalDate.of(2026, 12, 26), "Second Day of Christmas")),
                holidaysOf(WorkingCalendar.forCountry("pl"), 2026));
        WorkingCalendar poland = WorkingCalendar.forCountry("PL");
        assertTrue(poland.isWorkingDay(LocalDate.of(2024, 12, 24)), "Christmas Eve is a day off only since 2025");
        assertFalse(poland.isWorkingDay(LocalDate.of(2025, 12, 24)));
    }

    @Test
    void romanianHolidaysOf2026FollowOrthodoxEaster() {
        assertEquals(
                Map.ofEntries(
                        Map.entry(LocalDate.of(2026, 1, 1), "New Year's Day"),
                        Map.entry(LocalDate.of(2026, 1, 2), "Day after New Year's Day"),
                        Map.entry(LocalDate.of(2026, 1, 6), "Epiphany"),
                        Map.entry(LocalDate.of(2026, 1, 7), "Saint John the Baptist"),
                        Map.entry(LocalDate.of(2026, 1, 24), "Union Day"),
                        Map.entry(LocalDate.of(2026, 4, 10), "Orthodox Good Friday"),
                        Map.entry(LocalDate.of(2026, 4, 12), "Orthodox Easter Sunday"),
                        Map.entry(LocalDate.of(2026, 4, 13), "Orthodox Easter Monday"),
                        Map.entry(LocalDate.of(2026, 5, 1), "Labour Day"),
                        Map.entry(LocalDate.of(2026, 5, 31), "Orthodox Pentecost Sunday"),
                        // Pentecost Monday falls on Children's Day in 2026: one day off
                        Map.entry(LocalDate.of(2026, 6, 1), "Children's Day"),
                        Map.entry(LocalDate.of(2026, 8, 15), "Assumption of Mary"),
                        Map.entry(LocalDate.of(2026, 11, 30), "Saint Andrew's Day"),
                        Map.entry(LocalDate.of(2026, 12, 1), "National Day"),
                        Map.entry(LocalDate.of(2026, 12, 25), "Christmas Day"),
                        Map.entry(LocalDate.of(2026, 12, 26), "Second Day of Christmas")),
                holidaysOf(WorkingCalendar.forCountry("RO"), 2026));
        WorkingCalendar romania = WorkingCalendar.forCountry("RO");
        assertEquals(Optional.of("Orthodox Pentecost Monday"), romania.holiday(LocalDate.of(2025, 6, 9)));
        assertTrue(romania.isWorkingDay(LocalDate.of(2023, 1, 6)), "Epiphany is a day off only since 2024");
        assertTrue(romania.isWorkingDay(LocalDate.of(2026, 4, 3)), "Western Good Friday is a working day");
    }

    @Test
    void slovakHolidaysOf2026() {
        assertEquals(
                Map.ofEntries(
                        Map.entry(LocalDate.of(2026, 1, 1), "Day of the Establishment of the Slovak Republic"),
                        Map.entry(LocalDate.of(2026, 1, 6), "Epiphany"),
                        Map.entry(LocalDate.of(2026, 4, 3), "Good Friday"),
                        Map.entry(LocalDate.of(2026, 4, 6), "Easter Monday"),
                        Map.entry(LocalDate.of(2026, 5, 1), "Labour Day"),
                        Map.entry(LocalDate.of(2026, 5, 8), "Day of Victory over Fascism"),
                        Map.entry(LocalDate.of(2026, 7, 5), "Saints Cyril and Methodius Day"),
                        Map.entry(LocalDate.of(2026, 8, 29), "Slovak National Uprising Anniversary"),
                        Map.entry(LocalDate.of(2026, 9, 15), "Day of Our Lady of the Seven Sorrows"),
                        Map.entry(LocalDate.of(2026, 11, 1), "All Saints' Day"),
                        Map.entry(LocalDate.of(2026, 12, 24), "Christmas Eve"),
                        Map.entry(LocalDate.of(2026, 12, 25), "Christmas Day"),
                        Map.entry(LocalDate.of(2026, 12, 26), "St. Stephen's Day")),
                holidaysOf(WorkingCalendar.forCountry("SK"), 2026));
        assertFalse(WorkingCalendar.forCountry("SK").isWorkingDay(LocalDate.of(2023, 9, 1)));
    }

    @Test
    void unknownCountryHasWeekendsOnly() {
        WorkingCalendar other = WorkingCalendar.forCountry("XX");
        assertEquals(Map.of(), holidaysOf(other, 2026));
        assertTrue(other.isWorkingDay(LocalDate.of(2026, 12, 25)));
        assertFalse(other.isWorkingDay(LocalDate.of(2026, 12, 26)));
        assertEquals(261, other.workingDaysBetween(LocalDate.of(2027, 1, 1), LocalDate.of(2028, 1, 1)));
    }

    @Test
    void plusWorkingDaysSkipsWeekendsAndEaster() {
        WorkingCalendar cz = WorkingCalendar.forCountry("CZ");
        LocalDate maundyThursday = LocalDate.of(2026, 4, 2);
        assertEquals(maundyThursday, cz.plusWorkingDays(maundyThursday, 0));
        assertEquals(LocalDate.of(2026, 4, 7), cz.plusWorkingDays(maundyThursday, 1));
        assertEquals(LocalDate.of(2026, 4, 8), cz.plusWorkingDays(maundyThursday, 2));
        assertEquals(LocalDate.of(2026, 4, 7), cz.plusWorkingDays(LocalDate.of(2026, 4, 4), 0));
        assertEquals(LocalDate.of(2026, 4, 14), cz.plusWorkingDays(LocalDate.of(2026, 4, 4), 5));
        assertThrows(IllegalArgumentException.class, () -> cz.plusWorkingDays(maundyThursday, -1));
    }

    @Test
    void deadlineKeepsTheLocalTimeOnTheNthWorkingDay() {
        WorkingCalendar cz = WorkingCalendar.forCountry("CZ");
        ZonedDateTime start = ZonedDateTime.of(LocalDateTime.of(2026, 4, 2, 10, 30), PRAGUE);
        assertEquals(ZonedDateTime.of(LocalDateTime.of(2026, 4, 7, 10, 30), PRAGUE), cz.deadline(start, 1));
        assertEquals(ZonedDateTime.of(LocalDateTime.of(2026, 4, 9, 10, 30), PRAGUE), cz.deadline(start, 3));
        assertEquals(start, cz.deadline(start, 0));
        // Friday evening before Christmas: 24-26 Dec, the weekend; the next working day is Monday 28th
        ZonedDateTime friday = ZonedDateTime.of(LocalDateTime.of(2026, 12, 18, 18, 0), PRAGUE);
        assertEquals(ZonedDateTime.of(LocalDateTime.of(2026, 12, 28, 18, 0), PRAGUE), cz.deadline(friday, 4));
    }

    @Test
    void deadlineFromANonWorkingDayCountsFromMidnightOfTheNextWorkingDay() {
        WorkingCalendar cz = WorkingCalendar.forCountry("CZ");
        ZonedDateTime easterSaturday = ZonedDateTime.of(LocalDateTime.of(2026, 4, 4, 14, 0), PRAGUE);
        assertEquals(ZonedDateTime.of(LocalDateTime.of(2026, 4, 7, 0, 0), PRAGUE), cz.deadline(easterSaturday, 0));
        assertEquals(ZonedDateTime.of(LocalDateTime.of(2026, 4, 8, 0, 0), PRAGUE), cz.deadline(easterSaturday, 1));
    }

    @Test
    void extraHolidaysAreDaysOffToo() {
        WorkingCalendar cz = WorkingCalendar.forCountry("CZ")
                .withExtraHolidays(List.of(LocalDate.of(2026, 12, 28)))
                .withExtraHolidays(List.of(LocalDate.of(2026, 12, 29)));
        assertFalse(cz.isWorkingDay(LocalDate.of(2026, 12, 28)));
        assertFalse(cz.isWorkingDay(LocalDate.of(2026, 12, 29)));
        assertEquals(Optional.of("Extra day off"), cz.holiday(LocalDate.of(2026, 12, 29)));
        assertEquals(LocalDate.of(2026, 12, 30), cz.plusWorkingDays(LocalDate.of(2026, 12, 24), 0));
        assertTrue(
                WorkingCalendar.forCountry("CZ").isWorkingDay(LocalDate.of(2026, 12, 28)), "the original is unchanged");
    }

    @Test
    void workingDaysBetweenCountsFromInclusiveToExclusive() {
        WorkingCalendar cz = WorkingCalendar.forCountry("CZ");
        assertEquals(3, cz.workingDaysBetween(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 8)));
        assertEquals(0, cz.workingDaysBetween(LocalDate.of(2026, 4, 8), LocalDate.of(2026, 4, 1)));
        assertEquals(0, cz.workingDaysBetween(LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 7)));
        assertEquals(250, cz.workingDaysBetween(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1)));
    }

    private static Map<LocalDate, String> holidaysOf(WorkingCalendar calendar, int year) {
        Map<LocalDate, String> holidays = new TreeMap<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            LocalDate day = d;
            calendar.holiday(day).ifPresent(name -> holidays.put(day, name));
        }
        return holidays;
    }
}
