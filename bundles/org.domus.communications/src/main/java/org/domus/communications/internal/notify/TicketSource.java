package org.domus.communications.internal.notify;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.domus.communications.NotificationKind;
import org.domus.core.audience.Audience;

/**
 * Ticket updates for the ticket's requester: status changes, the office's feedback, comments of others. The topic
 * and property names are those documented in {@code org.domus.tickets.TicketEvents} (the tickets module), used
 * as plain strings so that this module loads no tickets class.
 */
final class TicketSource implements FanoutSource {

    // org.domus.tickets.TicketEvents
    static final String STATUS_CHANGED = "org/domus/tickets/STATUS_CHANGED";
    static final String COMMENTED = "org/domus/tickets/COMMENTED";
    static final String FEEDBACK = "org/domus/tickets/FEEDBACK";
    static final String TICKET_ID = "ticketId";
    static final String REFERENCE = "reference";
    static final String REQUESTER_ACCOUNT_ID = "requesterAccountId";
    static final String ACTOR_ACCOUNT_ID = "actorAccountId";
    static final String STATUS = "status";
    static final String PREVIOUS_STATUS = "previousStatus";
    static final String TEXT = "text";
    static final String SUMMARY = "summary";
    static final String ENTRY_ID = "entryId";

    /** The ticket's page for its requester (the tickets' web bundle, {@code TicketGrids.TICKET_ROUTE}). */
    static final String ROUTE = "tickets/ticket/";

    private final Audience audience;

    TicketSource(Audience audience) {
        this.audience = audience;
    }

    @Override
    public Set<String> topics() {
        return Set.of(STATUS_CHANGED, COMMENTED, FEEDBACK);
    }

    @Override
    public Optional<String> eventKey(String topic, Map<String, String> p) {
        String requester = p.get(REQUESTER_ACCOUNT_ID);
        String ticket = p.get(TICKET_ID);
        if (requester == null || ticket == null || requester.equals(p.get(ACTOR_ACCOUNT_ID))) {
            // anonymous reports have nobody to tell; nobody is told of their own change
            return Optional.empty();
        }
        String name = topic.substring(topic.lastIndexOf('/') + 1);
        // the timeline entry identifies the change; without it (an older tickets bundle) the status does
        String change = p.containsKey(ENTRY_ID)
                ? p.get(ENTRY_ID)
                : p.getOrDefault(PREVIOUS_STATUS, "") + ">" + p.getOrDefault(STATUS, "");
        return Optional.of("tickets:" + name + ":" + ticket + ":" + change);
    }

    @Override
    public List<Delivery> deliveries(String topic, Map<String, String> p, LocalDate today) {
        long requester = Long.parseLong(p.get(REQUESTER_ACCOUNT_ID));
        String key = eventKey(topic, p).orElseThrow();
        String reference = p.getOrDefault(REFERENCE, "");
        String summary = p.getOrDefault(SUMMARY, "");
        String link = ROUTE + p.get(TICKET_ID);
        return audience.account(requester)
                .map(r -> new Delivery(r, NotificationKind.TICKET_UPDATES, key, link, c -> {
                    Map<String, String> values = new HashMap<>();
                    values.put("reference", reference);
                    values.put("summary", summary);
                    if (STATUS_CHANGED.equals(topic)) {
                        String status = c.get("communications.notify.status." + p.get(STATUS));
                        values.put("status", status);
                        return new Delivery.Content(
                                c.get("communications.notify.ticket.status.title", reference, status),
                                summary,
                                "ticket-status",
                                values);
                    }
                    String text = p.getOrDefault(TEXT, "");
                    values.put("text", text);
                    String title = FEEDBACK.equals(topic)
                            ? c.get("communications.notify.ticket.feedback.title", reference)
                            : c.get("communications.notify.ticket.comment.title", reference);
                    return new Delivery.Content(title, text, "ticket-message", values);
                }))
                .map(List::of)
                .orElse(List.of());
    }
}
