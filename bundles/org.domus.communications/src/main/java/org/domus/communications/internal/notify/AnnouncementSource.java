package org.domus.communications.internal.notify;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.domus.communications.AnnouncementDelivery;
import org.domus.communications.AnnouncementService;
import org.domus.communications.CommunicationsEvents;
import org.domus.communications.NotificationKind;
import org.domus.core.audience.Audience;
import org.domus.core.audience.Recipient;

/**
 * A published announcement, for every resident its targets reach on the day it is handled. Urgent ones are
 * marked in the title but follow the residents' preferences like any other.
 */
final class AnnouncementSource implements FanoutSource {

    /** The resident's page of one announcement (the communications web bundle, {@code NEWS_ITEM_ROUTE}). */
    static final String ROUTE = "communications/news-item/";

    private final Audience audience;
    private final Supplier<AnnouncementService> announcements;

    AnnouncementSource(Audience audience, Supplier<AnnouncementService> announcements) {
        this.audience = audience;
        this.announcements = announcements;
    }

    @Override
    public Set<String> topics() {
        return Set.of(CommunicationsEvents.ANNOUNCEMENT_PUBLISHED);
    }

    @Override
    public Optional<String> eventKey(String topic, Map<String, String> p) {
        String id = p.get(CommunicationsEvents.ANNOUNCEMENT_ID);
        return id == null ? Optional.empty() : Optional.of("announcements:" + id);
    }

    @Override
    public List<Delivery> deliveries(String topic, Map<String, String> p, LocalDate today) {
        AnnouncementService service = announcements.get();
        if (service == null) {
            throw new IllegalStateException("the announcement service is not available yet");
        }
        Optional<AnnouncementDelivery> found =
                service.forDelivery(Long.parseLong(p.get(CommunicationsEvents.ANNOUNCEMENT_ID)));
        if (found.isEmpty()) {
            // withdrawn or expired before it was handled: nobody is told any more
            return List.of();
        }
        AnnouncementDelivery a = found.get();
        String key = eventKey(topic, p).orElseThrow();
        Map<String, String> values = new HashMap<>();
        values.put("title", a.title());
        values.put("bodyHtml", a.bodyHtml());
        values.put("bodyText", a.bodyText());
        if (a.urgent()) {
            values.put("urgent", "true");
        }
        List<Delivery> out = new ArrayList<>();
        for (Recipient r : audience.residents(a.targets(), today, Set.of())) {
            out.add(new Delivery(
                    r,
                    NotificationKind.ANNOUNCEMENTS,
                    key,
                    ROUTE + a.id(),
                    c -> new Delivery.Content(
                            a.urgent()
                                    ? c.get("communications.notify.announcement.urgent", a.title())
                                    : c.get("communications.notify.announcement.title", a.title()),
                            a.bodyText(),
                            "announcement",
                            values)));
        }
        return out;
    }
}
