package org.domus.communications.web.internal.directory;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.domus.communications.OfficeStatus;
import org.domus.communications.OpeningHours;

/** How the directory's views write hours, an office's state and phone links. */
final class DirectoryTexts {

    private DirectoryTexts() {}

    /** {@code 08:00–12:00, 13:00–17:00}. */
    static String hours(List<OpeningHours> hours) {
        return hours.stream().map(h -> h.from() + "–" + h.to()).collect(Collectors.joining(", "));
    }

    /** A week of hours, one line a day that has any: {@code Mon 08:00–12:00, 13:00–17:00}. */
    static List<String> week(List<OpeningHours> hours, Locale locale) {
        return hours.stream()
                .map(OpeningHours::day)
                .distinct()
                .sorted()
                .map(d -> d.getDisplayName(TextStyle.SHORT, locale) + " "
                        + hours(hours.stream().filter(h -> h.day() == d).toList()))
                .toList();
    }

    /**
     * "Open until 12:00", "Closed today (Easter Monday) · opens Wed 8 Apr 08:00", "Closed · opens today 13:00",
     * "Closed".
     */
    static String state(OfficeStatus s, Locale locale, Translator t) {
        if (s.openNow()) {
            return t.translate("communications.directory.state.open-until", when(s.openUntil(), s, locale, t));
        }
        String closed = s.holiday() != null
                ? t.translate("communications.directory.state.holiday", s.holiday())
                : t.translate("communications.directory.state.closed");
        if (s.nextOpening() == null) {
            return closed;
        }
        return t.translate("communications.directory.state.opens", closed, when(s.nextOpening(), s, locale, t));
    }

    /** {@code 13:00} today, "tomorrow 08:00", else the weekday and date. */
    static String when(LocalDateTime at, OfficeStatus s, Locale locale, Translator t) {
        String time = OpeningHours.text(at.getHour() * 60 + at.getMinute());
        if (at.toLocalDate().equals(s.today())) {
            return time;
        }
        if (at.toLocalDate().equals(s.today().plusDays(1))) {
            return t.translate("communications.directory.state.tomorrow", time);
        }
        return at.getDayOfWeek().getDisplayName(TextStyle.SHORT, locale) + " "
                + at.toLocalDate()
                        .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                                .withLocale(locale))
                + " " + time;
    }

    /** {@code tel:} link of a number as written ({@code +420 800 123 456} -> {@code tel:+420800123456}). */
    static String tel(String phone) {
        return "tel:" + phone.replaceAll("[^0-9+]", "");
    }
}
