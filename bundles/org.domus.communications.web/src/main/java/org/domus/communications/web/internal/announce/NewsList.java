package org.domus.communications.web.internal.announce;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouterLink;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import org.domus.communications.AnnouncementNews;
import org.domus.web.DomusUi;

/**
 * A list of announcements as a resident sees them: urgent ones in red with a warning icon, unread ones in bold,
 * each a link to its page (which records the reading). Used by the News page and the home card.
 */
class NewsList extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final String idPrefix;

    NewsList(String idPrefix) {
        this.idPrefix = idPrefix;
        setPadding(false);
        setSpacing(false);
        setId(idPrefix);
    }

    void show(List<AnnouncementNews> news, ZoneId zone) {
        removeAll();
        if (news.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("communications.announcements.ui.news.none"));
            none.setId(idPrefix + "-none");
            add(none);
            return;
        }
        DateTimeFormatter when =
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(DomusUi.locale());
        for (AnnouncementNews n : news) {
            Div item = new Div();
            item.addClassName("communications-news-item");
            item.setId(idPrefix + "-" + n.id());
            item.getStyle().set("padding", "var(--lumo-space-xs) 0");
            RouterLink link = new RouterLink("", NewsItemView.class, n.id());
            // Not by colour alone: the title stands out from the date next to it.
            link.getStyle().set("text-decoration", "underline");
            if (n.urgent()) {
                Icon icon = VaadinIcon.WARNING.create();
                icon.setSize("1em");
                icon.getElement().setAttribute("aria-label", getTranslation("communications.announcements.ui.urgent"));
                icon.getStyle().set("margin-right", "var(--lumo-space-xs)");
                link.add(icon);
                link.getStyle().set("color", "var(--lumo-error-text-color)");
                item.addClassName("communications-news-urgent");
            }
            link.add(new Span(n.title()));
            if (!n.read()) {
                link.getStyle().set("font-weight", "bold");
                item.addClassName("communications-news-unread");
            }
            Span date = new Span(" \u00b7 " + when.format(n.publishedAt().atZone(zone)));
            date.getStyle()
                    .set("color", "var(--lumo-secondary-text-color)")
                    .set("font-size", "var(--lumo-font-size-s)");
            String excerpt = n.bodyText().replaceAll("\\s+", " ").strip();
            Paragraph preview = new Paragraph(excerpt.length() > 160 ? excerpt.substring(0, 159) + "\u2026" : excerpt);
            preview.getStyle().set("margin", "0").set("color", "var(--lumo-secondary-text-color)");
            item.add(link, date, preview);
            add(item);
        }
    }
}
