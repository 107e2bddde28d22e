package org.domus.communications.internal.notify;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The events of one module (or area) that notify people, read from plain event properties (the module never
 * loads another module's classes).
 */
interface FanoutSource {

    /** The EventAdmin topics handled. */
    Set<String> topics();

    /**
     * The event's identity for the fan-out queue, or empty when the event notifies nobody (a comment the
     * requester wrote themselves, say).
     */
    Optional<String> eventKey(String topic, Map<String, String> props);

    /**
     * Who hears of the event and what each is told. Called by the worker, outside the EventAdmin thread; may
     * read other services. An exception leaves the event queued for a later attempt.
     *
     * @param today the organisation's date (for current tenures)
     */
    List<Delivery> deliveries(String topic, Map<String, String> props, LocalDate today);
}
