package org.domus.communications.internal.notify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.persistence.EntityManager;
import org.domus.communications.internal.mail.MailOutbox;
import org.domus.communications.internal.mail.MailRequest;

/**
 * A test double of the e-mail queue (the real one renders and stores mails; it is tested on its own): it keeps
 * the requests, once per key, as the queue promises.
 */
final class RecordingMailOutbox implements MailOutbox {

    private final List<MailRequest> queued = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();

    @Override
    public synchronized boolean enqueue(EntityManager em, MailRequest request) {
        if (!em.getTransaction().isActive()) {
            throw new IllegalStateException("mails are queued inside the caller's transaction");
        }
        if (!keys.add(request.key())) {
            return false;
        }
        queued.add(request);
        return true;
    }

    synchronized List<MailRequest> queued() {
        return List.copyOf(queued);
    }

    synchronized List<MailRequest> to(long accountId) {
        return queued.stream().filter(r -> r.accountId() == accountId).toList();
    }
}
