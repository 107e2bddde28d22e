package org.domus.communications.web.internal.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.domus.communications.ContactScope;
import org.domus.communications.Office;
import org.domus.communications.OfficeStatus;
import org.domus.communications.OpeningHours;
import org.domus.core.registry.InvalidFieldsException;
import org.junit.jupiter.api.Test;

class DirectoryTextsTest {

    /** Echoes the key and its arguments, so that the tests see which text with which values is shown. */
    private static final Translator KEYS = (key, args) -> key + Arrays.toString(args);

    private static final List<OpeningHours> HOURS = List.of(
            new OpeningHours(DayOfWeek.MONDAY, "08:00", "12:00"),
            new OpeningHours(DayOfWeek.MONDAY, "13:00", "17:00"),
            new OpeningHours(DayOfWeek.WEDNESDAY, "08:00", "18:00"));

    private static OfficeStatus status(
            boolean open, LocalDateTime until, LocalDateTime next, String holiday, LocalDate today) {
        Office office =
                new Office(1, 1, ContactScope.organisation(1), "Office", null, null, null, HOURS, List.of(), null, 0);
        return new OfficeStatus(office, today, List.of(), !open, holiday, open, until, next, "Europe/Prague");
    }

    @Test
    void hoursAreWrittenPerDayInTheUsersLanguage() {
        assertEquals("08:00–12:00, 13:00–17:00", DirectoryTexts.hours(HOURS.subList(0, 2)));
        assertEquals(
                List.of("Mon 08:00–12:00, 13:00–17:00", "Wed 08:00–18:00"), DirectoryTexts.week(HOURS, Locale.ENGLISH));
        assertEquals(
                "po 08:00–12:00, 13:00–17:00",
                DirectoryTexts.week(HOURS, new Locale("cs")).get(0));
    }

    @Test
    void theStateSaysUntilWhenOpenAndWhenItOpensNextWhenClosed() {
        LocalDate monday = LocalDate.of(2026, 4, 6);
        assertEquals(
                "communications.directory.state.open-until[12:00]",
                DirectoryTexts.state(
                        status(true, monday.atTime(12, 0), monday.atTime(13, 0), null, monday), Locale.ENGLISH, KEYS));
        assertEquals(
                "communications.directory.state.opens[communications.directory.state.holiday[Easter Monday],"
                        + " communications.directory.state.tomorrow[08:00]]",
                DirectoryTexts.state(
                        status(false, null, monday.plusDays(1).atTime(8, 0), "Easter Monday", monday),
                        Locale.ENGLISH,
                        KEYS));
        assertEquals(
                "communications.directory.state.opens[communications.directory.state.closed[], Wed Apr 8, 2026"
                        + " 08:00]",
                DirectoryTexts.state(
                        status(false, null, monday.plusDays(2).atTime(8, 0), null, monday), Locale.ENGLISH, KEYS));
        assertEquals(
                "communications.directory.state.closed[]",
                DirectoryTexts.state(status(false, null, null, null, monday), Locale.ENGLISH, KEYS));
    }

    @Test
    void phoneLinksDialTheDigitsAndClosedDaysAreParsedOrRefused() {
        assertEquals("tel:+420800123456", DirectoryTexts.tel("+420 800 123 456"));
        assertEquals("tel:0123456789", DirectoryTexts.tel("(012) 345-67-89"));
        assertEquals(
                List.of(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 31)),
                DirectoryView.days(" 2026-12-24,\n2026-12-31 "));
        InvalidFieldsException e = assertThrows(InvalidFieldsException.class, () -> DirectoryView.days("24.12.2026"));
        assertEquals(
                "communications.directory.closed-days.invalid-date",
                e.errors().get(0).messageKey());
    }
}
