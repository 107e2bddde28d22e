package org.domus.ledger.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.domus.core.Subject;
import org.domus.ledger.LedgerEvents;
import org.domus.ledger.LedgerTransaction;
import org.domus.ledger.Posting;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Posts {@link LedgerEvents} asynchronously when EventAdmin is there; without it (tests) nothing is sent. */
final class LedgerEventPublisher {

    private final AtomicReference<EventAdmin> eventAdmin = new AtomicReference<>();

    void set(EventAdmin admin) {
        eventAdmin.set(admin);
    }

    void unset(EventAdmin admin) {
        eventAdmin.compareAndSet(admin, null);
    }

    void transactionPosted(LedgerTransaction tx, Subject actor) {
        Map<String, Object> props = base(tx.organisationId(), actor);
        props.put(LedgerEvents.TRANSACTION_ID, tx.id());
        props.put(LedgerEvents.KIND, tx.kind().name());
        props.put(
                LedgerEvents.UNIT_IDS,
                tx.postings().stream()
                        .map(Posting::unitId)
                        .filter(u -> u != null)
                        .mapToLong(Long::longValue)
                        .distinct()
                        .toArray());
        send(
                tx.kind() == org.domus.ledger.TransactionKind.PAYMENT
                        ? LedgerEvents.PAYMENT_RECORDED
                        : LedgerEvents.TRANSACTION_POSTED,
                props);
    }

    void send(String topic, long organisationId, Subject actor, Map<String, Object> properties) {
        Map<String, Object> props = base(organisationId, actor);
        props.putAll(properties);
        send(topic, props);
    }

    private static Map<String, Object> base(long organisationId, Subject actor) {
        Map<String, Object> props = new HashMap<>();
        props.put(LedgerEvents.ORGANISATION_ID, organisationId);
        props.put(LedgerEvents.ACTOR, actor == null ? "system" : actor.login());
        return props;
    }

    private void send(String topic, Map<String, Object> props) {
        EventAdmin admin = eventAdmin.get();
        if (admin != null) {
            admin.postEvent(new Event(topic, props));
        }
    }
}
