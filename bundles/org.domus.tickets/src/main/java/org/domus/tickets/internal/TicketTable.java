package org.domus.tickets.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.domus.core.export.ColumnType;
import org.domus.core.export.Table;
import org.domus.tickets.Ticket;

/** A ticket list as a table for CSV/XLSX export, headers in the reader's language. */
final class TicketTable {

    private TicketTable() {}

    static Table of(List<Ticket> tickets, Locale locale) {
        Catalog t = Catalog.of(locale);
        Table.Builder b = Table.builder(t.get("tickets.export.title"))
                .column(t.get("tickets.export.reference"), ColumnType.TEXT)
                .column(t.get("tickets.export.created"), ColumnType.DATE)
                .column(t.get("tickets.export.status"), ColumnType.TEXT)
                .column(t.get("tickets.export.priority"), ColumnType.TEXT)
                .column(t.get("tickets.export.category"), ColumnType.TEXT)
                .column(t.get("tickets.export.area"), ColumnType.TEXT)
                .column(t.get("tickets.export.address"), ColumnType.TEXT)
                .column(t.get("tickets.export.title-column"), ColumnType.TEXT)
                .column(t.get("tickets.export.source"), ColumnType.TEXT)
                .column(t.get("tickets.export.company"), ColumnType.TEXT)
                .column(t.get("tickets.export.worker"), ColumnType.TEXT)
                .column(t.get("tickets.export.resolution-due"), ColumnType.DATE)
                .column(t.get("tickets.export.resolved"), ColumnType.DATE)
                .column(t.get("tickets.export.overdue"), ColumnType.TEXT)
                .column(t.get("tickets.export.on-time"), ColumnType.TEXT)
                .column(t.get("tickets.export.minutes"), ColumnType.INTEGER)
                .column(t.get("tickets.export.rating"), ColumnType.INTEGER);
        for (Ticket k : tickets) {
            b.row(
                    k.reference(),
                    day(k.createdAt()),
                    t.get("tickets.status." + k.status().name()),
                    t.get("tickets.priority." + k.priority().name()),
                    k.categoryName(),
                    t.get("tickets.area." + k.area().name()),
                    k.address(),
                    k.title(),
                    t.get("tickets.source." + k.source().name()),
                    k.companyName(),
                    k.workerName(),
                    day(k.resolutionDue()),
                    day(k.resolvedAt()),
                    k.overdue() ? t.get("tickets.export.yes") : t.get("tickets.export.no"),
                    k.doneOnTime() == null
                            ? null
                            : k.doneOnTime() ? t.get("tickets.export.yes") : t.get("tickets.export.no"),
                    k.minutesSpent(),
                    k.rating());
        }
        return b.build();
    }

    private static LocalDate day(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
