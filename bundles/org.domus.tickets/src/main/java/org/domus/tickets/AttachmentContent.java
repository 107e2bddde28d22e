package org.domus.tickets;

/**
 * An attachment with its bytes, for download.
 *
 * @param attachment the description (media type, name)
 * @param data the content
 */
public record AttachmentContent(Attachment attachment, byte[] data) {}
