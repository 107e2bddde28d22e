package org.domus.communications.internal.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.mail.MessagingException;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's delivery of the outbox. A run claims a batch of due rows (conditional UPDATEs: of several nodes one
 * wins each row), sends them over one SMTP connection and records each outcome in its own short transaction right
 * after the server answered: SENT; back to QUEUED with a backoff (server unreachable, 4xx, a broken connection);
 * FAILED (a bad address, a 5xx, or the last allowed attempt). Rows claimed but not sent when the run ends or the
 * node stops are released at once.
 *
 * <p>Exactly once: a row is sent only by the node that holds its claim, and marked SENT right after the server's
 * 250. The one window left is a crash (or a lost database) between that 250 and the SENT update: the row stays
 * SENDING until its lease ({@link MailSettings#lease()}) runs out and is then sent again, with the same Message-ID,
 * so that mail clients can recognise the duplicate. At most the one mail in flight is affected.
 */
final class DeliveryWorker {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);

    /** What one run did. */
    record Result(int sent, int retried, int failed, int released) {
        boolean idle() {
            return sent == 0 && retried == 0 && failed == 0 && released == 0;
        }
    }

    private final JpaTemplate jpa;
    private final MailSettings settings;
    private final SmtpSender sender;
    private final Clock clock;
    private final String node;
    private volatile boolean stopping;
    /** Held by a run: a stopping node waits for it before it releases anything. */
    private final ReentrantLock running = new ReentrantLock();

    DeliveryWorker(JpaTemplate jpa, MailSettings settings, SmtpSender sender, Clock clock, String node) {
        this.jpa = Objects.requireNonNull(jpa);
        this.settings = Objects.requireNonNull(settings);
        this.sender = Objects.requireNonNull(sender);
        this.clock = Objects.requireNonNull(clock);
        this.node = Objects.requireNonNull(node);
    }

    String node() {
        return node;
    }

    /** Asks a running {@link #run()} to finish the mail it is sending and release the rest of its batch. */
    void stop() {
        stopping = true;
    }

    boolean stopping() {
        return stopping;
    }

    /**
     * Waits until no run is under way (after {@link #stop()}: until the mail in flight is finished).
     *
     * @return false when a run still goes on after the timeout
     */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        if (!running.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        running.unlock();
        return true;
    }

    /** Delivers due mails, batch after batch, until none is due or the worker is stopped. */
    Result run() {
        running.lock();
        try {
            return runLocked();
        } finally {
            running.unlock();
        }
    }

    private Result runLocked() {
        int sent = 0;
        int retried = 0;
        int failed = 0;
        int released = 0;
        Instant now = clock.instant();
        int expired =
                jpa.txExpr(TransactionType.Required, em -> OutboxStore.expire(em, now.minus(settings.maxAge()), now));
        if (expired > 0) {
            LOG.warn("{} queued mails were older than {} and are given up (FAILED)", expired, settings.maxAge());
        }
        while (!stopping) {
            Result batch = batch();
            sent += batch.sent();
            retried += batch.retried();
            failed += batch.failed();
            released += batch.released();
            if (batch.idle() || batch.retried() > 0) {
                // nothing due, or the server is in trouble: the next run (or wake-up) carries on
                break;
            }
        }
        return new Result(sent, retried, failed, released);
    }

    /** Claims one batch and sends it. */
    Result batch() {
        Instant now = clock.instant();
        Instant leaseUntil = now.plus(settings.lease());
        List<Long> claimed = jpa.txExpr(TransactionType.Required, em -> {
            List<Long> won = new ArrayList<>();
            for (long id : OutboxStore.candidates(em, now, settings.batchSize())) {
                if (OutboxStore.claim(em, id, node, now, leaseUntil)) {
                    won.add(id);
                }
            }
            return won;
        });
        if (claimed.isEmpty()) {
            return new Result(0, 0, 0, 0);
        }
        int sent = 0;
        int retried = 0;
        int failed = 0;
        SmtpSender.Connection connection = null;
        try {
            for (long id : claimed) {
                if (stopping) {
                    break;
                }
                Optional<OutboxStore.Outgoing> row =
                        jpa.txExpr(TransactionType.Required, em -> OutboxStore.load(em, id, node));
                if (row.isEmpty()) {
                    continue; // our lease ran out and another node took the row over
                }
                OutboxStore.Outgoing mail = row.get();
                try {
                    if (connection == null || !connection.isConnected()) {
                        if (connection != null) {
                            connection.close();
                        }
                        connection = null;
                        connection = sender.open();
                    }
                    connection.send(mail);
                } catch (MessagingException e) {
                    if (attemptFailed(mail, e)) {
                        failed++;
                    } else {
                        retried++;
                    }
                    if (connection == null) {
                        // could not even connect: the rest of the batch would fail the same way
                        for (long rest : claimed.subList(claimed.indexOf(id) + 1, claimed.size())) {
                            Optional<OutboxStore.Outgoing> other =
                                    jpa.txExpr(TransactionType.Required, em -> OutboxStore.load(em, rest, node));
                            if (other.isPresent()) {
                                if (attemptFailed(other.get(), e)) {
                                    failed++;
                                } else {
                                    retried++;
                                }
                            }
                        }
                        break;
                    }
                    continue;
                } catch (RuntimeException e) {
                    // an unexpected failure building the message: counted as an attempt, never loops forever
                    if (attemptFailed(mail, new MessagingException(e.toString(), e))) {
                        failed++;
                    } else {
                        retried++;
                    }
                    continue;
                }
                try {
                    boolean marked = jpa.txExpr(
                            TransactionType.Required, em -> OutboxStore.markSent(em, mail.id(), node, clock.instant()));
                    if (!marked) {
                        LOG.warn("Mail {} was sent but its claim had passed to another node meanwhile", mail.id());
                    }
                    sent++;
                } catch (RuntimeException e) {
                    LOG.error(
                            "Mail {} ({}) was accepted by the SMTP server but could not be marked sent: {}; it will be"
                                    + " sent again with the same Message-ID once its claim expires",
                            mail.id(),
                            mail.key(),
                            e.toString());
                }
            }
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
        int released = release();
        return new Result(sent, retried, failed, released);
    }

    /**
     * Records a failed attempt: FAILED when permanent or the last allowed one, else QUEUED with a backoff.
     *
     * @return whether the mail was given up
     */
    private boolean attemptFailed(OutboxStore.Outgoing mail, MessagingException e) {
        Instant now = clock.instant();
        int attempts = mail.attempts() + 1;
        String error = SmtpSender.describe(e);
        boolean permanent = SmtpSender.permanent(e);
        if (permanent || attempts >= settings.maxAttempts()) {
            jpa.txExpr(TransactionType.Required, em -> OutboxStore.fail(em, mail.id(), node, now, error));
            LOG.warn(
                    "Mail {} ({}) failed {}after {} attempts: {}",
                    mail.id(),
                    mail.key(),
                    permanent ? "permanently " : "",
                    attempts,
                    error);
            return true;
        }
        Instant next = now.plus(settings.backoffAfter(attempts));
        jpa.txExpr(TransactionType.Required, em -> OutboxStore.retry(em, mail.id(), node, now, next, error));
        LOG.info("Mail {} not sent (attempt {}), next attempt at {}: {}", mail.id(), attempts, next, error);
        return false;
    }

    /** Hands the rows this node claimed but did not send back to the queue. */
    int release() {
        int released = jpa.txExpr(TransactionType.Required, em -> OutboxStore.release(em, node, clock.instant()));
        if (released > 0) {
            LOG.info("{} claimed mails released to the queue by {}", released, node);
        }
        return released;
    }
}
