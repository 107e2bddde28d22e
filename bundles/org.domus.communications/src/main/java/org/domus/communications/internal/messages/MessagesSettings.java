package org.domus.communications.internal.messages;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The message threads' settings from PID {@value #PID} ({@code etc/org.domus.communications.cfg}), properties
 * prefixed {@code messages.}.
 *
 * @param maxFileBytes largest attachment
 * @param maxFilesPerMessage most attachments per message
 */
public record MessagesSettings(long maxFileBytes, int maxFilesPerMessage) {

    static final String PID = "org.domus.communications";

    @ObjectClassDefinition(name = "Domus communications: messages", description = "Message threads: attachments")
    public @interface Config {
        @AttributeDefinition(description = "Largest attachment of a message in bytes")
        long messages_uploads_maxBytes() default 10L * 1024 * 1024;

        @AttributeDefinition(description = "Most attachments per message")
        int messages_uploads_maxPerMessage() default 5;
    }

    public MessagesSettings {
        if (maxFileBytes < 1 || maxFilesPerMessage < 0) {
            throw new IllegalArgumentException("messages: upload limits must be positive");
        }
    }

    static MessagesSettings of(Config config) {
        return new MessagesSettings(config.messages_uploads_maxBytes(), config.messages_uploads_maxPerMessage());
    }

    static MessagesSettings defaults() {
        return new MessagesSettings(10L * 1024 * 1024, 5);
    }
}
