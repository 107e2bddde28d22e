package org.domus.communications;

import java.util.Objects;

/**
 * A file as the client sent it, to attach to a new message.
 *
 * @param name the client's file name (display only; never used to store or find the file)
 * @param content the bytes
 */
public record MessageFile(String name, byte[] content) {

    public MessageFile {
        content = Objects.requireNonNullElse(content, new byte[0]);
    }
}
