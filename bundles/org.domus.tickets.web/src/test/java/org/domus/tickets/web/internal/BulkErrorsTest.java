package org.domus.tickets.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.domus.core.DomusException;
import org.domus.core.registry.FieldError;
import org.domus.core.registry.InvalidFieldsException;
import org.domus.tickets.Ticket;
import org.domus.tickets.TicketArea;
import org.domus.tickets.TicketPriority;
import org.domus.tickets.TicketSource;
import org.domus.tickets.TicketStatus;
import org.junit.jupiter.api.Test;

class BulkErrorsTest {

    static Ticket ticket(long id, String reference, TicketStatus status) {
        return new Ticket(
                id,
                reference,
                1,
                2,
                3,
                null,
                "Street 1, Town",
                "Street",
                TicketArea.BUILDING,
                4,
                "Lift",
                "lifts",
                TicketPriority.NORMAL,
                "Lift stuck",
                "The lift is stuck",
                status,
                TicketSource.STAFF,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                false,
                null,
                0,
                null,
                null,
                0);
    }

    @Test
    void eachRefusedTicketIsNamedByItsReferenceInTheOrderSent() {
        List<Ticket> sent = List.of(
                ticket(7, "T-2026-000007", TicketStatus.NEW),
                ticket(9, "T-2026-000009", TicketStatus.DONE),
                ticket(12, "T-2026-000012", TicketStatus.REJECTED));
        InvalidFieldsException refusal = new InvalidFieldsException(List.of(
                new FieldError("tickets[1]", "tickets.transition.refused", List.of("DONE", "ACCEPTED", "[CONFIRMED]")),
                new FieldError("tickets[2]", "tickets.transition.refused", List.of("REJECTED", "ACCEPTED", "[]"))));
        List<BulkErrors.Line> lines = BulkErrors.lines(sent, refusal);
        assertEquals(2, lines.size());
        assertEquals("T-2026-000009", lines.get(0).reference());
        assertEquals("tickets.transition.refused", lines.get(0).messageKey());
        assertEquals(List.of("DONE", "ACCEPTED", "[CONFIRMED]"), lines.get(0).arguments());
        assertEquals("T-2026-000012", lines.get(1).reference());
    }

    @Test
    void aRefusalOfTheWholeBatchHasNoReference() {
        List<BulkErrors.Line> lines = BulkErrors.lines(
                List.of(ticket(1, "T-2026-000001", TicketStatus.NEW)),
                new DomusException(DomusException.Kind.FORBIDDEN, "error.forbidden", "tickets.manage"));
        assertEquals(1, lines.size());
        assertNull(lines.get(0).reference());
        assertEquals("error.forbidden", lines.get(0).messageKey());
    }
}
