package org.domus.communications.web.internal.announce;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.RouterLink;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.domus.communications.AnnouncementNews;
import org.domus.communications.AnnouncementService;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.web.DomusUi;

/**
 * One announcement of the resident's feed at {@code communications/news/<id>}; opening it records the reading.
 * One not addressed to the resident is "not found".
 */
public class NewsItemView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private final transient AnnouncementService announcements;
    private final transient NewsZones zones;
    private final Subject subject;
    private AnnouncementNews news;

    public NewsItemView(AnnouncementService announcements, NewsZones zones) {
        this.announcements = announcements;
        this.zones = zones;
        this.subject = DomusUi.requireSubject();
        addClassName("domus-page");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        try {
            news = announcements.open(subject, id == null ? 0 : id);
        } catch (DomusException e) {
            if (!DomusUi.showRefusal(event, e)) {
                DomusUi.showError(e);
            }
            return;
        }
        removeAll();
        RouterLink back = new RouterLink(getTranslation("communications.announcements.ui.news.back"), NewsView.class);
        back.setId("communications-news-back");
        H2 title = new H2(news.title());
        title.setId("communications-news-title");
        if (news.urgent()) {
            Span urgent = new Span(
                    VaadinIcon.WARNING.create(), new Span(getTranslation("communications.announcements.ui.urgent")));
            urgent.getElement().getThemeList().add("badge error primary");
            urgent.setId("communications-news-urgent");
            add(back, urgent, title);
            title.getStyle().set("color", "var(--lumo-error-text-color)");
        } else {
            add(back, title);
        }
        Span date = new Span(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(DomusUi.locale())
                .format(news.publishedAt().atZone(zones.of(subject))));
        date.getStyle().set("color", "var(--lumo-secondary-text-color)");
        // Sanitised on the server when it was written: the safe subset only.
        Div body = new Div();
        body.setId("communications-news-body");
        body.addClassName("communications-announcement-body");
        body.getElement().setProperty("innerHTML", news.body());
        add(date, body);
    }

    @Override
    public String getPageTitle() {
        return news == null ? getTranslation("communications.announcements.ui.news.title") : news.title();
    }
}
