package org.domus.communications.web.internal.announce;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import org.domus.communications.AnnouncementService;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.web.DomusUi;

/**
 * "News" of the signed-in resident: the announcements addressed to units they hold, urgent first then the newest;
 * it refreshes itself when an announcement is published.
 */
public class NewsView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private final transient AnnouncementService announcements;
    private final Subject subject;
    private final transient NewsZones zones;
    final NewsList list = new NewsList("communications-news");

    public NewsView(AnnouncementService announcements, NewsZones zones, AnnouncementBroadcaster broadcaster) {
        this.announcements = announcements;
        this.zones = zones;
        this.subject = DomusUi.requireSubject();
        addClassName("domus-page");
        add(new H2(getTranslation("communications.announcements.ui.news.title")), list);
        refresh();
        Live.refreshOnPublish(this, broadcaster, this::refresh);
    }

    void refresh() {
        try {
            list.show(announcements.feed(subject, AnnouncementService.MAX_PAGE), zones.of(subject));
        } catch (DomusException e) {
            DomusUi.showError(e);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("communications.announcements.ui.news.title");
    }
}
