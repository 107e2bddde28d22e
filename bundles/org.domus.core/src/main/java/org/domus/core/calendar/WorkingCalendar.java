package org.domus.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The working days of one country: Monday to Friday except public holidays, and except extra days off that
 * a cooperative configures. Deadlines such as a ticket's response and resolution times are counted in these
 * working days.
 *
 * <p>Holidays follow the law as of 2026 for Czechia (CZ), Poland (PL), Romania (RO) and Slovakia (SK),
 * including changes with their first year (PL's Christmas Eve from 2025, RO's Epiphany and St John from
 * 2024, SK's holidays abolished from 2025 and 2026). Movable feasts come from Easter, computed by
 * algorithm: Western Easter for CZ, PL and SK, Orthodox Easter for RO. Any other country has weekends
 * only. Instances are immutable and thread-safe.
 */
public final class WorkingCalendar {

    private final String country;
    private final Set<LocalDate> extraHolidays;

    private WorkingCalendar(String country, Set<LocalDate> extraHolidays) {
        this.country = country;
        this.extraHolidays = extraHolidays;
    }

    /**
     * The calendar of a country by its ISO 3166-1 alpha-2 code (case-insensitive); an unknown or blank code
     * gives a calendar with weekends only.
     */
    public static WorkingCalendar forCountry(String iso2) {
        String code = iso2 == null ? "" : iso2.trim().toUpperCase(Locale.ROOT);
        return new WorkingCalendar(code, Set.of());
    }

    /** The ISO code this calendar was made for, upper case. */
    public String country() {
        return country;
    }

    /** This calendar with additional days off (a cooperative's configured closing days), added to any before. */
    public WorkingCalendar withExtraHolidays(Collection<LocalDate> days) {
        Set<LocalDate> all = new java.util.HashSet<>(extraHolidays);
        for (LocalDate day : days) {
            all.add(Objects.requireNonNull(day));
        }
        return new WorkingCalendar(country, Set.copyOf(all));
    }

    /** Whether the day is neither a Saturday, a Sunday, a public holiday nor an extra day off. */
    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY
                && dow != DayOfWeek.SUNDAY
                && !extraHolidays.contains(day)
                && publicHoliday(day).isEmpty();
    }

    /**
     * The English name of the public holiday on this day, such as "Easter Monday", or "Extra day off" for a
     * configured day; empty on other days (weekends included).
     */
    public Optional<String> holiday(LocalDate day) {
        Optional<String> name = publicHoliday(day);
        if (name.isEmpty() && extraHolidays.contains(day)) {
            return Optional.of("Extra day off");
        }
        return name;
    }

    /**
     * The working day {@code days} working days after {@code day}; with 0, the day itself when it is a working
     * day, else the next working day.
     *
     * @throws IllegalArgumentException when days is negative
     */
    public LocalDate plusWorkingDays(LocalDate day, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        LocalDate current = day;
        while (!isWorkingDay(current)) {
            current = current.plusDays(1);
        }
        for (int i = 0; i < days; i++) {
            current = current.plusDays(1);
            while (!isWorkingDay(current)) {
                current = current.plusDays(1);
            }
        }
        return current;
    }

    /**
     * The moment a deadline of {@code workingDays} working days from {@code start} falls due: the same local
     * time on the n-th working day after the start's date, in the start's zone. A start on a non-working day
     * counts as 00:00 of the next working day, so its deadline is 00:00 of the n-th working day after that.
     *
     * @throws IllegalArgumentException when workingDays is negative
     */
    public ZonedDateTime deadline(ZonedDateTime start, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must not be negative: " + workingDays);
        }
        LocalDate date = start.toLocalDate();
        LocalTime time = start.toLocalTime();
        if (!isWorkingDay(date)) {
            date = plusWorkingDays(date, 0);
            time = LocalTime.MIDNIGHT;
        }
        return ZonedDateTime.of(plusWorkingDays(date, workingDays), time, start.getZone());
    }

    /** The number of working days from {@code fromInclusive} up to but excluding {@code toExclusive}; 0 if not after. */
    public int workingDaysBetween(LocalDate fromInclusive, LocalDate toExclusive) {
        int count = 0;
        for (LocalDate d = fromInclusive; d.isBefore(toExclusive); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    /** Western (Gregorian) Easter Sunday of a year, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    public static LocalDate westernEaster(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }

    /**
     * Orthodox Easter Sunday of a year as a Gregorian date: Meeus' Julian algorithm, then the Julian date moved
     * to the Gregorian calendar (13 days in 1900-2099; the general difference is used for other centuries).
     */
    public static LocalDate orthodoxEaster(int year) {
        int a = year % 4;
        int b = year % 7;
        int c = year % 19;
        int d = (19 * c + 15) % 30;
        int e = (2 * a + 4 * b - d + 34) % 7;
        int month = (d + e + 114) / 31;
        int day = ((d + e + 114) % 31) + 1;
        int century = year / 100;
        int julianToGregorian = century - century / 4 - 2;
        return LocalDate.of(year, month, day).plusDays(julianToGregorian);
    }

    private Optional<String> publicHoliday(LocalDate day) {
        String name =
                switch (country) {
                    case "CZ" -> czech(day);
                    case "SK" -> slovak(day);
                    case "PL" -> polish(day);
                    case "RO" -> romanian(day);
                    default -> null;
                };
        return Optional.ofNullable(name);
    }

    private static String czech(LocalDate day) {
        String fixed =
                switch (monthDay(day)) {
                    case 101 -> "New Year's Day";
                    case 501 -> "Labour Day";
                    case 508 -> "Liberation Day";
                    case 705 -> "Saints Cyril and Methodius Day";
                    case 706 -> "Jan Hus Day";
                    case 928 -> "St. Wenceslas Day";
                    case 1028 -> "Independent Czechoslovak State Day";
                    case 1117 -> "Struggle for Freedom and Democracy Day";
                    case 1224 -> "Christmas Eve";
                    case 1225 -> "Christmas Day";
                    case 1226 -> "St. Stephen's Day";
                    default -> null;
                };
        if (fixed != null) {
            return fixed;
        }
        long fromEaster = fromEaster(day, westernEaster(day.getYear()));
        if (fromEaster == -2 && day.getYear() >= 2016) {
            return "Good Friday";
        }
        return fromEaster == 1 ? "Easter Monday" : null;
    }

    private static String slovak(LocalDate day) {
        int year = day.getYear();
        String fixed =
                switch (monthDay(day)) {
                    case 101 -> "Day of the Establishment of the Slovak Republic";
                    case 106 -> "Epiphany";
                    case 501 -> "Labour Day";
                    case 508 -> "Day of Victory over Fascism";
                    case 705 -> "Saints Cyril and Methodius Day";
                    case 829 -> "Slovak National Uprising Anniversary";
                        // Constitution Day is a day of rest no more from 2025 (consolidation act 2024)
                    case 901 -> year < 2025 ? "Constitution Day" : null;
                    case 915 -> "Day of Our Lady of the Seven Sorrows";
                    case 1101 -> "All Saints' Day";
                        // Struggle for Freedom and Democracy Day is a day of rest no more from 2026 (consolidation act
                        // 2025)
                    case 1117 -> year < 2026 ? "Struggle for Freedom and Democracy Day" : null;
                    case 1224 -> "Christmas Eve";
                    case 1225 -> "Christmas Day";
                    case 1226 -> "St. Stephen's Day";
                    default -> null;
                };
        if (fixed != null) {
            return fixed;
        }
        long fromEaster = fromEaster(day, westernEaster(year));
        if (fromEaster == -2) {
            return "Good Friday";
        }
        return fromEaster == 1 ? "Easter Monday" : null;
    }

    private static String polish(LocalDate day) {
        int year = day.getYear();
        String fixed =
                switch (monthDay(day)) {
                    case 101 -> "New Year's Day";
                    case 106 -> year >= 2011 ? "Epiphany" : null;
                    case 501 -> "Labour Day";
                    case 503 -> "Constitution Day";
                    case 815 -> "Assumption of Mary";
                    case 1101 -> "All Saints' Day";
                    case 1111 -> "Independence Day";
                    case 1224 -> year >= 2025 ? "Christmas Eve" : null;
                    case 1225 -> "Christmas Day";
                    case 1226 -> "Second Day of Christmas";
                    default -> null;
                };
        if (fixed != null) {
            return fixed;
        }
        long fromEaster = fromEaster(day, westernEaster(year));
        if (fromEaster == 0) {
            return "Easter Sunday";
        }
        if (fromEaster == 1) {
            return "Easter Monday";
        }
        if (fromEaster == 49) {
            return "Pentecost Sunday";
        }
        return fromEaster == 60 ? "Corpus Christi" : null;
    }

    private static String romanian(LocalDate day) {
        int year = day.getYear();
        String fixed =
                switch (monthDay(day)) {
                    case 101 -> "New Year's Day";
                    case 102 -> "Day after New Year's Day";
                    case 106 -> year >= 2024 ? "Epiphany" : null;
                    case 107 -> year >= 2024 ? "Saint John the Baptist" : null;
                    case 124 -> "Union Day";
                    case 501 -> "Labour Day";
                    case 601 -> "Children's Day";
                    case 815 -> "Assumption of Mary";
                    case 1130 -> "Saint Andrew's Day";
                    case 1201 -> "National Day";
                    case 1225 -> "Christmas Day";
                    case 1226 -> "Second Day of Christmas";
                    default -> null;
                };
        if (fixed != null) {
            return fixed;
        }
        long fromEaster = fromEaster(day, orthodoxEaster(year));
        if (fromEaster == -2 && year >= 2018) {
            return "Orthodox Good Friday";
        }
        if (fromEaster == 0) {
            return "Orthodox Easter Sunday";
        }
        if (fromEaster == 1) {
            return "Orthodox Easter Monday";
        }
        if (fromEaster == 49) {
            return "Orthodox Pentecost Sunday";
        }
        return fromEaster == 50 ? "Orthodox Pentecost Monday" : null;
    }

    private static int monthDay(LocalDate day) {
        return day.getMonthValue() * 100 + day.getDayOfMonth();
    }

    private static long fromEaster(LocalDate day, LocalDate easter) {
        if (day.getMonth().compareTo(Month.MARCH) < 0 || day.getMonth().compareTo(Month.JULY) > 0) {
            return Long.MIN_VALUE;
        }
        return java.time.temporal.ChronoUnit.DAYS.between(easter, day);
    }
}
