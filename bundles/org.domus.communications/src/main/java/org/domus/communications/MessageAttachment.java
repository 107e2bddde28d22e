package org.domus.communications;

/**
 * A file of a message, stored in the database after the platform's upload inspector checked it (images
 * re-encoded without metadata, PDFs checked). Downloaded by id; the name is for display only.
 *
 * @param id database id
 * @param messageId the message
 * @param name a cleaned display name
 * @param mediaType the media type detected from the content
 * @param size bytes
 */
public record MessageAttachment(long id, long messageId, String name, String mediaType, long size) {}
