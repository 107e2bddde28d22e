package org.domus.communications.web.internal.announce;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.router.RouterLink;
import java.util.Optional;
import org.domus.communications.AnnouncementService;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.registry.RegistryService;
import org.domus.web.DomusUi;
import org.domus.web.HomeCard;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The start page's "News" card for residents: the latest three announcements addressed to them (urgent first),
 * refreshed through server push when one is published. Staff without units get no card.
 */
@Component(service = HomeCard.class)
public class NewsHomeCard implements HomeCard {

    static final int SHOWN = 3;

    private final AnnouncementService announcements;
    private final NewsZones zones;
    private final AnnouncementBroadcaster broadcaster;

    @Activate
    public NewsHomeCard(
            @Reference AnnouncementService announcements,
            @Reference AccessPolicy policy,
            @Reference RegistryService registry,
            @Reference AnnouncementBroadcaster broadcaster) {
        this.announcements = announcements;
        this.zones = new NewsZones(policy, registry);
        this.broadcaster = broadcaster;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> createCard(Subject subject) {
        if (!zones.isResident(subject)) {
            return Optional.empty();
        }
        Div card = new Div();
        card.addClassName("domus-card");
        card.setId("communications-news-card");
        NewsList list = new NewsList("communications-news-card-list");
        Runnable refresh = () -> {
            try {
                list.show(announcements.feed(subject, SHOWN), zones.of(subject));
            } catch (DomusException e) {
                DomusUi.showError(e);
            }
        };
        RouterLink all = new RouterLink(DomusUi.translate("communications.announcements.ui.news.all"), NewsView.class);
        all.setId("communications-news-card-all");
        // Not by colour alone: links stand out from the card's text.
        all.getStyle().set("text-decoration", "underline");
        card.add(new H3(DomusUi.translate("communications.announcements.ui.news.title")), list, all);
        refresh.run();
        Live.refreshOnPublish(card, broadcaster, refresh);
        return Optional.of(card);
    }
}
