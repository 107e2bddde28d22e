package org.domus.tickets.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Set;
import javax.ws.rs.core.Response;
import org.domus.rest.ValidationException;
import org.domus.tickets.Attachment;
import org.domus.tickets.AttachmentContent;
import org.domus.tickets.AttachmentKind;
import org.domus.tickets.TicketStatus;
import org.junit.jupiter.api.Test;

class TicketsRestTest {

    private static AttachmentContent file(String name, String type) {
        return new AttachmentContent(
                new Attachment(1, 2, AttachmentKind.DOCUMENT, name, type, 3, Instant.EPOCH, null, "x", false),
                new byte[] {1, 2, 3});
    }

    @Test
    void filesKeepTheirStoredTypeAreNeverSniffedAndOnlyImagesShowInline() {
        Response pdf = TicketsRest.file(file("Protokol \"č. 1\".pdf", "application/pdf"));
        assertEquals(
                "application/pdf", pdf.getMetadata().getFirst("Content-Type").toString());
        assertEquals("nosniff", pdf.getHeaderString("X-Content-Type-Options"));
        assertEquals("attachment; filename=\"Protokol___._1_.pdf\"", pdf.getHeaderString("Content-Disposition"));
        Response photo = TicketsRest.file(file("leak.jpg", "image/jpeg"));
        assertEquals("inline; filename=\"leak.jpg\"", photo.getHeaderString("Content-Disposition"));
    }

    @Test
    void statusesAndDaysAreParsedOrRefusedByField() {
        ValidationException.Builder errors = ValidationException.builder();
        assertEquals(
                Set.of(TicketStatus.NEW, TicketStatus.IN_PROGRESS), TicketsRest.statuses("new, IN_PROGRESS", errors));
        assertEquals(
                Instant.parse("2026-03-05T23:00:00Z"),
                TicketsRest.instant(
                        "2026-03-06",
                        "createdFrom",
                        d -> d.atStartOfDay(java.time.ZoneId.of("Europe/Prague"))
                                .toInstant(),
                        errors));
        assertEquals(
                Instant.parse("2026-03-06T10:00:00Z"),
                TicketsRest.instant("2026-03-06T10:00:00Z", "createdFrom", d -> null, errors));
        errors.throwIfAny();
        ValidationException.Builder bad = ValidationException.builder();
        TicketsRest.statuses("OPEN", bad);
        assertNull(TicketsRest.instant("yesterday", "createdTo", d -> null, bad));
        ValidationException e = assertThrows(ValidationException.class, bad::throwIfAny);
        assertEquals(2, e.violations().size());
        assertEquals("status", e.violations().get(0).field());
        assertEquals("createdTo", e.violations().get(1).field());
    }
}
