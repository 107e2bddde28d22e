package org.domus.tickets.web.internal;

import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.domus.tickets.Ticket;
import org.domus.web.DomusUi;

/**
 * How the tickets' views write statuses, times and deadlines: translated, in the UI's locale, instants in the
 * server's zone (as the ledger's views do). Keys built here from enum constants are listed in CatalogsTest.
 */
final class TicketText {

    private TicketText() {}

    static String date(Instant instant, Locale locale) {
        return instant == null
                ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(locale)
                        .withZone(ZoneId.systemDefault())
                        .format(instant);
    }

    static String dateTime(Instant instant, Locale locale) {
        return instant == null
                ? ""
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(locale)
                        .withZone(ZoneId.systemDefault())
                        .format(instant);
    }

    static String dateTime(LocalDateTime time, Locale locale) {
        return time == null
                ? ""
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(locale)
                        .format(time);
    }

    /** Minutes as hours and minutes, e.g. {@code 1 h 30 min}. */
    static String minutes(long minutes) {
        return DomusUi.translate("tickets.ui.minutes", minutes / 60, minutes % 60);
    }

    /** The translated name of an enum constant under a key prefix, e.g. {@code tickets.ui.status.} + NEW. */
    static String of(String prefix, Enum<?> value) {
        return value == null ? "" : DomusUi.translate(prefix + value.name());
    }

    /**
     * The deadline badge of a ticket: done on time, done late, overdue (a deadline missed while it is open),
     * or in time.
     */
    static Span deadlineBadge(Ticket ticket) {
        Span badge;
        if (Boolean.TRUE.equals(ticket.doneOnTime())) {
            badge = Panels.badge(DomusUi.translate("tickets.ui.badge.onTime"), "success");
        } else if (Boolean.FALSE.equals(ticket.doneOnTime())) {
            badge = Panels.badge(DomusUi.translate("tickets.ui.badge.late"), "error");
        } else if (ticket.overdue()) {
            badge = Panels.badge(DomusUi.translate("tickets.ui.badge.overdue"), "error");
        } else {
            badge = Panels.badge(DomusUi.translate("tickets.ui.badge.inTime"), "contrast");
        }
        badge.addClassName("tickets-deadline");
        return badge;
    }
}
