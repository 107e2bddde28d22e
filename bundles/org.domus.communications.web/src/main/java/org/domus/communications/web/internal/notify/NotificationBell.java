package org.domus.communications.web.internal.notify;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.time.ZoneId;
import java.util.List;
import org.domus.communications.Notification;
import org.domus.communications.NotificationService;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.web.DomusUi;

/**
 * The bell in the top bar: the unread count as a badge; a click opens the latest notifications with "mark all
 * read" and "show all". It follows the account's notifications through server push while it is attached.
 */
final class NotificationBell extends Div {

    private static final long serialVersionUID = 1L;
    static final int LATEST = 10;

    private final transient NotificationService notifications;
    private final Subject subject;
    private final ZoneId zone;
    final Button button = new Button(VaadinIcon.BELL.create());
    final Span badge = new Span();
    private Dialog dialog;
    private Div list;

    NotificationBell(
            NotificationService notifications, NotificationBroadcaster broadcaster, Subject subject, ZoneId zone) {
        this.notifications = notifications;
        this.subject = subject;
        this.zone = zone;
        setId("communications-bell");
        getStyle().set("position", "relative");
        getStyle().set("display", "inline-block");
        button.setId("communications-bell-button");
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        button.addClickListener(e -> open());
        badge.setId("communications-bell-count");
        badge.getElement().getThemeList().add("badge error primary small pill");
        badge.getStyle().set("position", "absolute");
        badge.getStyle().set("top", "0");
        badge.getStyle().set("right", "0");
        badge.getStyle().set("pointer-events", "none");
        add(button, badge);
        refresh();
        LiveNotifications.refreshOnChange(this, broadcaster, subject.accountId(), this::refresh);
    }

    /** The unread count (and the open list) as they are now. */
    void refresh() {
        long unread;
        try {
            unread = notifications.unreadCount(subject);
        } catch (DomusException e) {
            return;
        }
        badge.setText(unread > 99 ? "99+" : Long.toString(unread));
        badge.setVisible(unread > 0);
        button.getElement().setAttribute("aria-label", getTranslation("communications.notify.ui.bell.label", unread));
        button.getElement().setAttribute("title", getTranslation("communications.notify.ui.bell.label", unread));
        if (dialog != null && dialog.isOpened()) {
            fill();
        }
    }

    private void open() {
        if (dialog == null) {
            dialog = new Dialog();
            dialog.setId("communications-bell-dialog");
            dialog.setWidth("min(28rem, 95vw)");
            list = new Div();
            list.setId("communications-bell-list");
            Button markAll = new Button(getTranslation("communications.notify.ui.mark-all-read"), e -> {
                try {
                    notifications.markAllRead(subject);
                } catch (DomusException ex) {
                    DomusUi.showError(ex);
                }
                refresh();
                fill();
            });
            markAll.setId("communications-bell-mark-all");
            Button all = new Button(getTranslation("communications.notify.ui.show-all"), e -> {
                dialog.close();
                UI.getCurrent().navigate(NotificationRoutes.LIST_ROUTE);
            });
            all.setId("communications-bell-show-all");
            all.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button settings = new Button(getTranslation("communications.notify.ui.settings.title"), e -> {
                dialog.close();
                UI.getCurrent().navigate(NotificationRoutes.SETTINGS_ROUTE);
            });
            settings.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            HorizontalLayout actions = new HorizontalLayout(markAll, all, settings);
            actions.getStyle().set("flex-wrap", "wrap");
            // the header title is also the dialog's accessible name
            dialog.setHeaderTitle(getTranslation("communications.notify.ui.title"));
            dialog.add(list, actions);
        }
        fill();
        dialog.open();
    }

    private void fill() {
        list.removeAll();
        List<Notification> latest;
        try {
            latest = notifications.list(subject, false, null, 0, LATEST).items();
        } catch (DomusException e) {
            DomusUi.showError(e);
            return;
        }
        if (latest.isEmpty()) {
            list.add(new Paragraph(getTranslation("communications.notify.ui.empty")));
        }
        for (Notification n : latest) {
            list.add(new NotificationEntry(n, getLocale(), zone, this::go, this::markRead));
        }
    }

    private void markRead(Notification n) {
        try {
            notifications.markRead(subject, n.id());
        } catch (DomusException e) {
            DomusUi.showError(e);
        }
        refresh();
        fill();
    }

    private void go(Notification n) {
        markRead(n);
        if (n.link() != null && !n.link().isBlank()) {
            dialog.close();
            UI.getCurrent().navigate(n.link());
        }
    }
}
