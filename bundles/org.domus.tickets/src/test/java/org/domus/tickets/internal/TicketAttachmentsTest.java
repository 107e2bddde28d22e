package org.domus.tickets.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.domus.core.DomusException;
import org.domus.core.DomusException.Kind;
import org.domus.tickets.Attachment;
import org.domus.tickets.AttachmentContent;
import org.domus.tickets.AttachmentKind;
import org.domus.tickets.Ticket;
import org.domus.tickets.TicketStatus;
import org.domus.tickets.TimelineKind;
import org.domus.tickets.TransitionRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TicketAttachmentsTest {

    Fixture f = new Fixture();
    TicketAttachmentsImpl attachments = TicketAttachmentsImpl.create(f.db.tickets);

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void aPhotoIsStoredCheckedAndServedOnlyToThoseWhoSeeTheTicket() {
        Ticket t = f.unitTicket(f.jana, f.flat1, "Tap drips");
        Attachment photo = attachments.upload(f.jana, t.id(), "tap.jpeg", Images.jpeg(40, 30), false);
        assertEquals(AttachmentKind.PHOTO, photo.kind());
        assertEquals("image/jpeg", photo.mediaType());
        assertEquals("tap.jpg", photo.name());
        AttachmentContent back = attachments.download(f.manager, t.id(), photo.id());
        assertEquals(photo.size(), back.data().length);
        DomusException other =
                assertThrows(DomusException.class, () -> attachments.download(f.karel, t.id(), photo.id()));
        assertEquals(Kind.NOT_FOUND, other.kind());
        // Wrong ticket id for an existing attachment: not found either.
        Ticket second = f.unitTicket(f.karel, f.flat2, "Other");
        assertThrows(DomusException.class, () -> attachments.download(f.karel, second.id(), photo.id()));
        assertTrue(f.db.tickets.timeline(f.jana, t.id()).stream().anyMatch(e -> e.kind() == TimelineKind.ATTACHMENT));
    }

    @Test
    void refusedFilesLeaveNothingBehind() {
        Ticket t = f.unitTicket(f.jana, f.flat1, "Tap drips");
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        DomusException disguised =
                assertThrows(DomusException.class, () -> attachments.upload(f.jana, t.id(), "photo.jpg", html, false));
        assertEquals(Kind.INVALID, disguised.kind());
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        assertThrows(DomusException.class, () -> attachments.upload(f.jana, t.id(), "a.svg", svg, false));
        DomusException path = assertThrows(
                DomusException.class,
                () -> attachments.upload(f.jana, t.id(), "../../etc/tap.jpg", Images.jpeg(40, 30), false));
        assertEquals("upload.name-invalid", path.messageKey());
        // a stranger is refused before the file is even looked at
        DomusException stranger = assertThrows(
                DomusException.class, () -> attachments.upload(f.olga, t.id(), "a.jpg", Images.jpeg(4, 4), false));
        assertEquals(Kind.NOT_FOUND, stranger.kind());
        assertEquals(0, f.db.count("SELECT COUNT(*) FROM TICKETS_ATTACHMENT"));
        assertEquals(0, f.db.count("SELECT COUNT(*) FROM TICKETS_ATTACHMENT_DATA"));
    }

    @Test
    void aFileIsCheckedBeforeAnyTicketExistsAsUploadWouldCheckIt() {
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        DomusException disguised = assertThrows(DomusException.class, () -> attachments.check("photo.jpg", html));
        assertEquals("upload.type-refused", disguised.messageKey());
        DomusException path =
                assertThrows(DomusException.class, () -> attachments.check("../x.jpg", Images.jpeg(4, 4)));
        assertEquals("upload.name-invalid", path.messageKey());
        attachments.check("tap.jpg", Images.jpeg(40, 30));
        assertEquals(0, f.db.count("SELECT COUNT(*) FROM TICKETS_ATTACHMENT"));
        assertEquals(0, f.db.count("SELECT COUNT(*) FROM TICKETS_ATTACHMENT_DATA"));
    }

    @Test
    void completionMakesAProtocolPdfWithTheWorkThePhotosAndTheSignature() throws IOException {
        Ticket t = f.assigned(f.unitTicket(f.jana, f.flat1, "Kohoutek v kuchyni kape, žluťoučký kůň"));
        attachments.upload(f.jana, t.id(), "tap.jpg", Images.jpeg(400, 300), false);
        attachments.upload(f.plumber, t.id(), "after.png", Images.png(200, 200), false);
        f.db.tickets.transition(f.plumber, t.id(), TransitionRequest.to(TicketStatus.IN_PROGRESS, null));
        f.db.tickets.logWork(f.plumber, t.id(), 50, null);
        // only from IN_PROGRESS, only with a PNG signature
        DomusException notPng = assertThrows(
                DomusException.class,
                () -> attachments.complete(f.plumber, t.id(), "done", Images.jpeg(100, 40), "Jana"));
        assertEquals("tickets.protocol.signature-png", notPng.messageKey());
        Attachment protocol = attachments.complete(
                f.plumber, t.id(), "Vyměněno těsnění, zkontrolován přívod", Images.png(300, 100), "Jana Nováková");
        assertEquals(AttachmentKind.PROTOCOL, protocol.kind());
        assertEquals(TicketStatus.DONE, f.db.tickets.get(f.jana, t.id()).status());

        AttachmentContent pdf = attachments.protocol(f.jana, t.id());
        assertEquals("application/pdf", pdf.attachment().mediaType());
        try (PDDocument doc = PDDocument.load(pdf.data())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains(t.reference()), text);
            assertTrue(text.contains("Vyměněno těsnění"), text);
            assertTrue(text.contains("žluťoučký kůň"), text);
            assertTrue(text.contains("Jana Nováková"), text);
            assertTrue(text.contains("50 min"), text);
            assertTrue(text.contains("Cejl 12"), text);
            int images = 0;
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                        images++;
                    }
                }
            }
            // two photos and the signature
            assertEquals(3, images);
        }
        List<TimelineKind> kinds = f.db.tickets.timeline(f.jana, t.id()).stream()
                .map(e -> e.kind())
                .toList();
        assertTrue(kinds.contains(TimelineKind.PROTOCOL), kinds.toString());
        // The protocol is the same bytes through download by id.
        assertArrayEquals(
                pdf.data(), attachments.download(f.jana, t.id(), protocol.id()).data());
    }
}
