package org.domus.communications.internal.mail;

import java.time.Instant;

/** A queued mail as the operator sees it (no bodies). */
public record QueuedMail(
        long id,
        String key,
        String address,
        String template,
        MailState state,
        int attempts,
        Instant nextAttemptAt,
        Instant createdAt,
        Instant sentAt,
        String lastError) {}
