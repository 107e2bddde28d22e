package org.domus.communications.internal.mail;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One e-mail to queue: a template rendered in the recipient's language with the given values.
 *
 * @param key unique per message (for example {@code notification:<id>}); queueing the same key twice queues once
 * @param accountId the recipient's account
 * @param address the recipient's e-mail address
 * @param locale the recipient's language; templates fall back to English
 * @param template the template name, such as {@code ticket-status}; {@link MailTemplates} documents the names
 * @param values the template's placeholders and their (unescaped) values
 */
public record MailRequest(
        String key, long accountId, String address, Locale locale, String template, Map<String, String> values) {

    public MailRequest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(template, "template");
        values = Map.copyOf(values);
    }
}
