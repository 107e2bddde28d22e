package org.domus.communications.web.internal.messages;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.domus.communications.MessageThread;
import org.domus.communications.MessageThreadState;
import org.domus.web.DomusUi;

/** What the messages' views share: times in the organisation's zone, state badges, links to a thread. */
final class MessageTexts {

    private MessageTexts() {}

    static String time(Instant at, ZoneId zone, Locale locale) {
        return at == null
                ? ""
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                        .withLocale(locale)
                        .withZone(zone)
                        .format(at);
    }

    static String state(MessageThreadState state) {
        return DomusUi.translate("communications.messages.ui.state." + state.name());
    }

    static Span stateBadge(MessageThreadState state) {
        Span badge = new Span(state(state));
        badge.getElement().getThemeList().add("badge");
        if (state == MessageThreadState.ANSWERED) {
            badge.getElement().getThemeList().add("success");
        } else if (state == MessageThreadState.CLOSED) {
            badge.getElement().getThemeList().add("contrast");
        }
        return badge;
    }

    /** The unread count as a badge, or an empty span when nothing is unread. */
    static Span unreadBadge(MessageThread t) {
        Span badge = new Span(t.unread() > 0 ? Integer.toString(t.unread()) : "");
        if (t.unread() > 0) {
            badge.getElement().getThemeList().add("badge");
            badge.getElement().getThemeList().add("primary");
            badge.getElement()
                    .setAttribute("title", DomusUi.translate("communications.messages.ui.unread", t.unread()));
            badge.addClassName("comm-unread");
        }
        return badge;
    }

    static Anchor link(MessageThread t) {
        Anchor a = new Anchor(ThreadContribution.ROUTE + "/" + t.id(), t.subject());
        a.setId("comm-thread-link-" + t.id());
        if (t.unread() > 0) {
            a.getStyle().set("font-weight", "bold");
        }
        return a;
    }
}
