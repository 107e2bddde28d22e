package org.domus.communications.internal.notify;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.domus.communications.CommunicationsEvents;
import org.domus.communications.MessageDelivery;
import org.domus.communications.MessageService;
import org.domus.communications.NotificationKind;
import org.domus.core.audience.Audience;
import org.domus.core.audience.Recipient;

/** A new message in a thread, for the other party ({@link MessageService#delivery(long)} names them). */
final class MessageSource implements FanoutSource {

    /** The thread's page (the communications web bundle's messages views). */
    static final String ROUTE = "communications/thread/";

    private final Audience audience;
    private final Supplier<MessageService> messages;

    MessageSource(Audience audience, Supplier<MessageService> messages) {
        this.audience = audience;
        this.messages = messages;
    }

    @Override
    public Set<String> topics() {
        return Set.of(CommunicationsEvents.MESSAGE_POSTED);
    }

    @Override
    public Optional<String> eventKey(String topic, Map<String, String> p) {
        String id = p.get(CommunicationsEvents.MESSAGE_ID);
        return id == null ? Optional.empty() : Optional.of("messages:" + id);
    }

    @Override
    public List<Delivery> deliveries(String topic, Map<String, String> p, LocalDate today) {
        MessageService service = messages.get();
        if (service == null) {
            throw new IllegalStateException("the message service is not available yet");
        }
        Optional<MessageDelivery> found = service.delivery(Long.parseLong(p.get(CommunicationsEvents.MESSAGE_ID)));
        if (found.isEmpty()) {
            return List.of();
        }
        MessageDelivery d = found.get();
        String key = eventKey(topic, p).orElseThrow();
        List<Delivery> out = new ArrayList<>();
        for (long account : d.recipientAccountIds()) {
            if (account == d.message().authorAccountId()) {
                continue;
            }
            Optional<Recipient> r = audience.account(account);
            r.ifPresent(recipient -> out.add(new Delivery(
                    recipient,
                    NotificationKind.MESSAGES,
                    key,
                    ROUTE + d.thread().id(),
                    c -> new Delivery.Content(
                            c.get(
                                    "communications.notify.message.title",
                                    d.message().authorName(),
                                    d.thread().subject()),
                            d.message().text(),
                            "message",
                            Map.of(
                                    "subject", d.thread().subject(),
                                    "author", d.message().authorName(),
                                    "text", d.message().text())))));
        }
        return out;
    }
}
