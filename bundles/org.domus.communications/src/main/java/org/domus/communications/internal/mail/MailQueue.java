package org.domus.communications.internal.mail;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.domus.core.Subject;

/** The operator's view of the e-mail queue (the {@code domus:mail-*} shell commands). */
public interface MailQueue {

    /** Whether this node delivers (mail.enabled and valid settings). */
    boolean deliveryEnabled();

    /** The SMTP settings in one line (never the password), or why delivery is off. */
    String describeSettings();

    /** Mails per state. */
    Map<MailState, Long> counts();

    /** The latest mails with an error, newest first. */
    List<QueuedMail> lastErrors(int limit);

    /** One mail. */
    Optional<QueuedMail> find(long id);

    /**
     * Queues the {@code test} template to the address, through the queue like every mail (audited).
     *
     * @return the new mail's id
     * @throws IllegalArgumentException when the address is not an e-mail address
     */
    long queueTest(Subject actor, String address, Locale locale);

    /**
     * Puts a FAILED mail back into the queue, its attempts reset (audited).
     *
     * @return false when there is no FAILED mail with that id
     */
    boolean retry(Subject actor, long id);

    /** Wakes this node's delivery up at once (no effect while delivery is off). */
    void wake();
}
