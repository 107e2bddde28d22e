package org.domus.communications.internal.mail;

import javax.persistence.EntityManager;

/**
 * The e-mail delivery queue. A queued mail is rendered at once (so a restart or a template change does not alter
 * it) and stored in the database; the delivery worker sends it through SMTP, retries it when the server is
 * unreachable and marks it sent, so that every queued mail is delivered once.
 */
public interface MailOutbox {

    /**
     * Queues a mail inside the caller's transaction: it is queued exactly when the caller's change commits. The
     * entity manager may belong to any Domus persistence unit (they share one DataSource); it must have a transaction
     * open. A key queued by a concurrent transaction first leaves the caller's transaction usable (the insert sits
     * behind a savepoint). The mail is rendered now ({@link MailTemplates}); delivery starts shortly after the
     * commit on this node, or at the next run of any node's worker.
     *
     * @return false when a mail with the request's key was queued before (nothing is queued again)
     * @throws IllegalArgumentException for an unknown template or a missing required value
     */
    boolean enqueue(EntityManager em, MailRequest request);
}
