package org.domus.tickets.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.domus.core.DomusException;
import org.domus.core.DomusException.Kind;
import org.domus.tickets.Attachment;
import org.domus.tickets.BuildingCode;
import org.domus.tickets.PublicBuilding;
import org.domus.tickets.PublicForm;
import org.domus.tickets.PublicSubmission;
import org.domus.tickets.RateLimitedException;
import org.domus.tickets.Ticket;
import org.domus.tickets.TicketArea;
import org.domus.tickets.TicketQuery;
import org.domus.tickets.TicketSource;
import org.domus.tickets.TicketStatus;
import org.domus.tickets.TimelineEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PublicTicketsTest {

    Fixture f = new Fixture();
    TicketAttachmentsImpl attachments = TicketAttachmentsImpl.create(f.db.tickets);
    PublicTicketsImpl form = PublicTicketsImpl.create(f.db.tickets, attachments, new CountingRateLimiter(f.db.clock));

    @AfterEach
    void tearDown() {
        f.close();
    }

    private PublicForm report(String text) {
        return new PublicForm(f.lift.id(), text, null, null, null, null);
    }

    @Test
    void anAnonymousReportLandsInTheOfficeListsAsNewWithOnePhoto() {
        BuildingCode code = form.code(f.manager, f.cejl.id());
        assertTrue(code.code().length() >= 30);
        assertEquals(code, form.code(f.manager, f.cejl.id()));
        PublicBuilding building = form.building(code.code());
        assertEquals("Cejl 12, 60200 Brno", building.address());
        assertTrue(building.categories().stream().anyMatch(c -> c.code().equals("LIFT")));

        PublicSubmission sent = form.submit(
                code.code(),
                new PublicForm(f.lift.id(), "Výtah stojí mezi patry", "Soused", "+420 600 100 200", null, null),
                "198.51.100.7");
        Ticket t = f.db.tickets.list(f.manager, TicketQuery.all()).items().get(0);
        assertEquals(sent.reference(), t.reference());
        assertEquals(TicketSource.PUBLIC_FORM, t.source());
        assertEquals(TicketArea.BUILDING, t.area());
        assertEquals(TicketStatus.NEW, t.status());
        assertNull(t.requesterAccountId());
        assertEquals("+420 600 100 200", t.contactPhone());
        TimelineEntry created = f.db.tickets.timeline(f.manager, t.id()).get(0);
        assertEquals("anonymous", created.authorName());
        assertNull(created.authorAccountId());

        Attachment photo = form.attachPhoto(sent.photoToken(), "lift.jpg", Images.jpeg(64, 48));
        assertEquals(t.id(), photo.ticketId());
        // one photo per token
        DomusException spent = assertThrows(
                DomusException.class, () -> form.attachPhoto(sent.photoToken(), "again.jpg", Images.jpeg(8, 8)));
        assertEquals("tickets.public.token-invalid", spent.messageKey());
        // residents of the building see the report, without the reporter's contacts
        assertNull(f.db.tickets.get(f.jana, t.id()).contactPhone());
    }

    @Test
    void limitsHoldPerAddressAndPerCodeAndRotatedCodesStopWorking() {
        String code = form.code(f.manager, f.cejl.id()).code();
        for (int i = 0; i < 5; i++) {
            form.submit(code, report("report " + i), "203.0.113.5");
        }
        RateLimitedException limited =
                assertThrows(RateLimitedException.class, () -> form.submit(code, report("sixth"), "203.0.113.5"));
        assertTrue(limited.retryAfterSeconds() > 0 && limited.retryAfterSeconds() <= 3600);
        assertEquals(5, f.db.count("SELECT COUNT(*) FROM TICKETS_TICKET"));
        // another address may still report
        form.submit(code, report("from elsewhere"), "203.0.113.6");
        // a long description, a foreign category: refused, nothing written
        String tooLong = "x".repeat(PublicTicketsImpl.MAX_DESCRIPTION + 1);
        assertThrows(DomusException.class, () -> form.submit(code, report(tooLong), "203.0.113.9"));
        assertEquals(6, f.db.count("SELECT COUNT(*) FROM TICKETS_TICKET"));

        String rotated = form.rotateCode(f.manager, f.cejl.id()).code();
        assertNotEquals(code, rotated);
        DomusException old = assertThrows(DomusException.class, () -> form.building(code));
        assertEquals(Kind.NOT_FOUND, old.kind());
        // residents cannot read or rotate codes
        assertEquals(
                Kind.NOT_FOUND,
                assertThrows(DomusException.class, () -> form.code(f.jana, f.cejl.id()))
                        .kind());
    }

    @Test
    void theCodeLimitHoldsAcrossAddresses() {
        f.db.tickets.settings(new TicketsSettings(java.util.Set.of(), true, 10_000_000, 20, 5, 3, 14, 300));
        String code = form.code(f.manager, f.cejl.id()).code();
        for (int i = 0; i < 3; i++) {
            form.submit(code, report("r" + i), "192.0.2." + i);
        }
        assertThrows(RateLimitedException.class, () -> form.submit(code, report("r4"), "192.0.2.99"));
        assertEquals(List.of(3L), List.of(f.db.count("SELECT COUNT(*) FROM TICKETS_TICKET")));
    }
}
