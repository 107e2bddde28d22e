package org.domus.communications;

/**
 * A message's file with its bytes, for download.
 *
 * @param attachment the description (media type, name)
 * @param data the content
 */
public record MessageAttachmentContent(MessageAttachment attachment, byte[] data) {}
