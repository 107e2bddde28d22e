package org.domus.communications.internal.notify;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.domus.communications.NotificationKind;
import org.domus.core.audience.Recipient;

/**
 * What one event means for one recipient: a notification in their centre and an e-mail, each as their
 * preferences for {@link #kind} allow.
 *
 * @param recipient who
 * @param kind the preference that decides the channels
 * @param sourceKey unique per event (and unit, when the event concerns several); with the account it identifies
 *     the notification, so handling the event again notifies nobody twice
 * @param link the UI route of the item, or null
 * @param content the texts in the language of the catalog it is given
 */
record Delivery(
        Recipient recipient,
        NotificationKind kind,
        String sourceKey,
        String link,
        Function<NotifyCatalog, Content> content) {

    Delivery {
        Objects.requireNonNull(recipient);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(sourceKey);
        Objects.requireNonNull(content);
    }

    /**
     * The texts of a notification and its e-mail.
     *
     * @param title the notification's line
     * @param text the notification's details
     * @param template the e-mail template (names agreed with the mail renderer)
     * @param values the template's values besides {@code name}, {@code link} and {@code preferencesLink}
     */
    record Content(String title, String text, String template, Map<String, String> values) {}
}
