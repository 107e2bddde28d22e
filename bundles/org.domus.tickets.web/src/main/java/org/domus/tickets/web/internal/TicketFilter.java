package org.domus.tickets.web.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.domus.core.calendar.Zones;
import org.domus.tickets.TicketQuery;
import org.domus.tickets.TicketSort;
import org.domus.tickets.TicketSource;
import org.domus.tickets.TicketStatus;

/**
 * What the management panel and the statistics filter by, as chosen in {@link TicketFilters}: every part
 * optional. {@link #query} turns it, with one of the panel's lists, into the service's query, so that the list,
 * its download and the statistics of the same choice count the same tickets.
 */
record TicketFilter(
        Long organisationId,
        Long estateId,
        Long buildingId,
        String street,
        Long categoryId,
        String group,
        Long companyId,
        Long workerId,
        Set<TicketStatus> statuses,
        Boolean overdue,
        TicketSource source,
        String text) {

    static final TicketFilter NONE =
            new TicketFilter(null, null, null, null, null, null, null, null, Set.of(), null, null, null);

    /** The management panel's lists. */
    enum ListKind {
        /** Reported today. */
        TODAY,
        /** Everything in scope. */
        ALL,
        /** Forwarded to a contractor today. */
        FORWARDED_TODAY,
        /** Ever forwarded to a contractor. */
        FORWARDED_ALL
    }

    TicketFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        street = blankToNull(street);
        group = blankToNull(group);
        text = blankToNull(text);
    }

    /** Where "today" begins and ends for an organisation of the country (null: the server's zone). */
    static ZoneId zone(String country) {
        return Zones.ofCountry(country, ZoneId.systemDefault());
    }

    /**
     * The service's query for this filter and list: "today" runs from the start of {@code now}'s day in
     * {@code zone} to the start of the next.
     */
    TicketQuery query(
            ListKind kind, ZoneId zone, Instant now, TicketSort sort, boolean descending, int offset, int limit) {
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant from = today.atStartOfDay(zone).toInstant();
        Instant to = today.plusDays(1).atStartOfDay(zone).toInstant();
        boolean createdToday = kind == ListKind.TODAY;
        boolean forwardedToday = kind == ListKind.FORWARDED_TODAY;
        boolean forwarded = forwardedToday || kind == ListKind.FORWARDED_ALL;
        return new TicketQuery(
                organisationId,
                estateId,
                buildingId,
                street,
                categoryId,
                group,
                companyId,
                workerId,
                statuses,
                overdue,
                source,
                createdToday ? from : null,
                createdToday ? to : null,
                forwardedToday ? from : null,
                forwardedToday ? to : null,
                forwarded,
                text,
                sort,
                descending,
                offset,
                limit);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
