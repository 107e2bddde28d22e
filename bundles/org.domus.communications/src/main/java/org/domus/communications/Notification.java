package org.domus.communications;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an account's notification centre.
 *
 * @param id the notification
 * @param kind what it is about
 * @param title a short line, in the recipient's language when it was made
 * @param text the details (may be empty)
 * @param link the UI route of the item it is about (for example {@code tickets/ticket/12}), or null
 * @param created when it was made (UTC)
 * @param readAt when the account read it, or null while it is unread
 */
public record Notification(
        long id, NotificationKind kind, String title, String text, String link, Instant created, Instant readAt) {

    public Notification {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(created, "created");
        text = text == null ? "" : text;
    }

    public boolean unread() {
        return readAt == null;
    }
}
