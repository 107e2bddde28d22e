package org.domus.communications.web.internal.notify;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.function.Consumer;
import org.domus.communications.Notification;

/**
 * One notification in the bell's list or the notification centre: its title (a link to the item when it has
 * one), its text, kind and time; unread ones are marked and offer "mark read".
 */
final class NotificationEntry extends Div {

    private static final long serialVersionUID = 1L;

    /**
     * @param open called when the title is clicked (mark read and go to the item)
     * @param markRead called by the "mark read" button, or null for none
     */
    NotificationEntry(
            Notification n, Locale locale, ZoneId zone, Consumer<Notification> open, Consumer<Notification> markRead) {
        addClassName("communications-notification");
        if (n.unread()) {
            addClassName("unread");
        }
        getElement().setAttribute("data-notification-id", Long.toString(n.id()));
        getStyle().set("padding", "var(--lumo-space-s) 0");
        getStyle().set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
        Button title = new Button(n.title(), e -> open.accept(n));
        title.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        title.addClassName("communications-notification-title");
        if (n.unread()) {
            title.getStyle().set("font-weight", "bold");
        }
        Span meta = new Span(
                getTranslation("communications.notify.ui.kind." + n.kind().name()) + " · "
                        + DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                                .withLocale(locale)
                                .format(n.created().atZone(zone)));
        meta.getStyle().set("font-size", "var(--lumo-font-size-s)");
        meta.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Div head = new Div(title);
        add(head);
        if (!n.text().isBlank()) {
            Div text = new Div();
            String t = n.text();
            text.setText(t.length() > 300 ? t.substring(0, 299) + "…" : t);
            text.addClassName("communications-notification-text");
            add(text);
        }
        Div foot = new Div(meta);
        if (n.unread() && markRead != null) {
            Button read = new Button(getTranslation("communications.notify.ui.mark-read"), e -> markRead.accept(n));
            read.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            read.addClassName("communications-notification-mark-read");
            read.getStyle().set("margin-left", "var(--lumo-space-m)");
            foot.add(read);
        }
        add(foot);
    }
}
