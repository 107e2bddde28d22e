package org.domus.communications.internal.mail;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The e-mail templates the outbox renders, and the values each one takes. Texts live in
 * {@code mail/templates_<lang>.properties} (en, cs, pl, ro; other languages fall back to English); every mail is
 * rendered into a subject, a plain text part and an HTML part inside the common Domus layout (header, greeting,
 * body, a button to {@code link}, the footer with {@code preferencesLink}).
 *
 * <p>Values are plain text: the HTML part escapes them, except {@code bodyHtml}, which is inserted as is (the
 * announcements service sanitised it). Every template takes:
 *
 * <ul>
 *   <li>{@value #NAME}: the recipient's display name (the greeting)
 *   <li>{@value #LINK} (optional): the item in Domus, absolute or relative to the configured {@code publicUrl}
 *   <li>{@value #PREFERENCES_LINK} (optional): where the recipient changes notification settings, absolute or
 *       relative; without it {@code publicUrl} + {@value #DEFAULT_PREFERENCES_PATH}
 * </ul>
 *
 * <p>Values by template:
 *
 * <ul>
 *   <li>{@value #TICKET_STATUS}: reference, summary, status (already translated), note (optional)
 *   <li>{@value #TICKET_MESSAGE}: reference, summary, text (feedback or a comment from the office)
 *   <li>{@value #ANNOUNCEMENT}: title, bodyHtml, bodyText, urgent ({@code "true"} marks the subject urgent)
 *   <li>{@value #MESSAGE}: subject, author, text (a new message in a thread)
 *   <li>{@value #CHARGES_POSTED}: unit, month ({@code 2026-03}), amount ({@code 1234.50}), currency ({@code CZK}),
 *       dueDate ({@code 2026-03-15})
 *   <li>{@value #PAYMENT_DUE}: unit, amount, currency, dueDate, account, reference, qrPayload (the last three
 *       optional)
 *   <li>{@value #PAYMENT_OVERDUE}: unit, amount, currency, dueDate, daysOverdue, account, reference, qrPayload (the
 *       last three optional)
 *   <li>{@value #TEST}: nothing more (the operator's test mail, {@code domus:mail-test})
 * </ul>
 *
 * <p>Amounts are formatted for the recipient's language with the currency ({@code 1 234,50 Kč}), dates
 * ({@code dueDate}) and months ({@code month}) too. With a {@code qrPayload} the HTML part shows the payment QR code
 * as an inline image ({@code cid:qr}) and the plain text part quotes the payload.
 */
public final class MailTemplates {

    public static final String TICKET_STATUS = "ticket-status";
    public static final String TICKET_MESSAGE = "ticket-message";
    public static final String ANNOUNCEMENT = "announcement";
    public static final String MESSAGE = "message";
    public static final String CHARGES_POSTED = "charges-posted";
    public static final String PAYMENT_DUE = "payment-due";
    public static final String PAYMENT_OVERDUE = "payment-overdue";
    public static final String TEST = "test";

    public static final String NAME = "name";
    public static final String LINK = "link";
    public static final String PREFERENCES_LINK = "preferencesLink";
    /** Where notification settings are, relative to {@code publicUrl}, when the request names no link. */
    public static final String DEFAULT_PREFERENCES_PATH = "/notifications/preferences";

    /** The values a template cannot do without; queueing a request missing one is refused. */
    static final Map<String, List<String>> REQUIRED = Map.of(
            TICKET_STATUS, List.of("reference", "summary", "status"),
            TICKET_MESSAGE, List.of("reference", "summary", "text"),
            ANNOUNCEMENT, List.of("title", "bodyHtml", "bodyText"),
            MESSAGE, List.of("subject", "author", "text"),
            CHARGES_POSTED, List.of("unit", "month", "amount", "currency", "dueDate"),
            PAYMENT_DUE, List.of("unit", "amount", "currency", "dueDate"),
            PAYMENT_OVERDUE, List.of("unit", "amount", "currency", "dueDate", "daysOverdue"),
            TEST, List.of());

    /** Every template name. */
    public static final Set<String> NAMES = REQUIRED.keySet();

    /** The languages the templates are written in; others get English. */
    public static final List<String> LANGUAGES = List.of("en", "cs", "pl", "ro");

    private MailTemplates() {}
}
