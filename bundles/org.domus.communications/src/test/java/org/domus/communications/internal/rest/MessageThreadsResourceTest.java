package org.domus.communications.internal.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import javax.ws.rs.core.Response;
import org.domus.communications.MessageAttachment;
import org.domus.communications.MessageAttachmentContent;
import org.domus.communications.MessageFile;
import org.domus.communications.MessageThreadState;
import org.domus.rest.ValidationException;
import org.junit.jupiter.api.Test;

class MessageThreadsResourceTest {

    @Test
    void filesAreDecodedFromBase64OrDataUrlsAndBadOnesAreNamedByIndex() {
        ValidationException.Builder errors = ValidationException.builder();
        List<MessageFile> files = MessageThreadsResource.files(
                List.of(
                        new MessageThreadsResource.FileInput("a.png", "AQID"),
                        new MessageThreadsResource.FileInput("b.png", "data:image/png;base64,BAUG")),
                errors);
        errors.throwIfAny();
        assertArrayEquals(new byte[] {1, 2, 3}, files.get(0).content());
        assertArrayEquals(new byte[] {4, 5, 6}, files.get(1).content());

        ValidationException.Builder bad = ValidationException.builder();
        MessageThreadsResource.files(
                List.of(
                        new MessageThreadsResource.FileInput("a.png", "not base64!"),
                        new MessageThreadsResource.FileInput(" ", "AQID"),
                        new MessageThreadsResource.FileInput("c.png", "")),
                bad);
        ValidationException e = assertThrows(ValidationException.class, bad::throwIfAny);
        assertEquals(
                List.of("attachments[0].content", "attachments[1].name", "attachments[2].content"),
                e.violations().stream()
                        .map(ValidationException.Violation::field)
                        .toList());
        assertEquals(
                "communications.messages.attachment.base64",
                e.violations().get(0).messageKey());
    }

    @Test
    void statesAreParsedOrRefused() {
        ValidationException.Builder errors = ValidationException.builder();
        assertEquals(
                Set.of(MessageThreadState.OPEN, MessageThreadState.WAITING),
                MessageThreadsResource.states("open, WAITING", errors));
        errors.throwIfAny();
        ValidationException.Builder bad = ValidationException.builder();
        MessageThreadsResource.states("NEW", bad);
        assertEquals(
                "state",
                assertThrows(ValidationException.class, bad::throwIfAny)
                        .violations()
                        .get(0)
                        .field());
    }

    @Test
    void filesAreNeverSniffedAndOnlyImagesShowInline() {
        Response pdf = MessageThreadsResource.file(new MessageAttachmentContent(
                new MessageAttachment(1, 2, "Vyúčtování 2025.pdf", "application/pdf", 3), new byte[] {1, 2, 3}));
        assertEquals("nosniff", pdf.getHeaderString("X-Content-Type-Options"));
        assertEquals("attachment; filename=\"Vy__tov_n__2025.pdf\"", pdf.getHeaderString("Content-Disposition"));
        Response photo = MessageThreadsResource.file(new MessageAttachmentContent(
                new MessageAttachment(1, 2, "leak.png", "image/png", 3), new byte[] {1, 2, 3}));
        assertEquals("inline; filename=\"leak.png\"", photo.getHeaderString("Content-Disposition"));
    }
}
