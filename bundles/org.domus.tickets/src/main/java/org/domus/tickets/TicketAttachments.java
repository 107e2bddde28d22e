package org.domus.tickets;

import java.util.List;
import org.domus.core.Subject;

/**
 * Files of a ticket, stored in the database and checked by the platform's upload inspector by content
 * (photos JPEG/PNG/GIF, PDF documents, audio voice notes; size and count limits from PID
 * {@code org.domus.tickets}). Names are cleaned for display and never used to store or find a file.
 */
public interface TicketAttachments {

    /**
     * Stores a file for the ticket; whoever may see the ticket and is its requester, staff with MANAGE or the
     * assigned contractor may add. The kind is derived from the content (PHOTO, DOCUMENT, AUDIO).
     *
     * @param name the client's file name (display only)
     * @param internal contractor/staff-only (never shown to residents)
     */
    Attachment upload(Subject subject, long ticketId, String name, byte[] content, boolean internal);

    /**
     * Checks a file exactly as {@link #upload} would (content type, size, name), storing nothing: forms check
     * every file when it is chosen, so that a report is never saved with some of its files refused.
     *
     * @throws org.domus.core.DomusException INVALID with the upload inspector's message
     */
    void check(String name, byte[] content);

    /** The ticket's attachments the subject may see. */
    List<Attachment> list(Subject subject, long ticketId);

    /** One attachment with its bytes, checked like the ticket. */
    AttachmentContent download(Subject subject, long ticketId, long attachmentId);

    /**
     * The contractor completes the work: validates the signature PNG, moves IN_PROGRESS to DONE, generates
     * the completion protocol PDF in the requester's language (ticket data, address, unit, category, timeline
     * of work, time spent, work done, the photos, the signature, signer and date) and stores it as a
     * {@link AttachmentKind#PROTOCOL} attachment (the signature as SIGNATURE).
     *
     * @return the protocol attachment
     */
    Attachment complete(Subject subject, long ticketId, String workDone, byte[] signaturePng, String signerName);

    /** The ticket's (latest) completion protocol PDF; NOT_FOUND when none was made. */
    AttachmentContent protocol(Subject subject, long ticketId);
}
