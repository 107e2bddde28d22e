package org.domus.communications.web.internal.notify;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import java.time.ZoneId;
import org.domus.communications.Notification;
import org.domus.communications.NotificationKind;
import org.domus.communications.NotificationService;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.registry.Page;
import org.domus.web.DomusUi;

/**
 * The notification centre: every notification of the signed-in account, unread first, filtered by "unread only"
 * and kind; each opens its item (and is marked read), or is marked read on its own. Updates itself through server
 * push when notifications arrive.
 */
public class NotificationsView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;
    static final int PAGE = 50;

    private final transient NotificationService notifications;
    private final Subject subject;
    private final ZoneId zone;
    final Checkbox unreadOnly = new Checkbox();
    final Select<NotificationKind> kind = new Select<>();
    final Div list = new Div();
    final Button more = new Button();
    final Paragraph summary = new Paragraph();
    private int shown = PAGE;

    public NotificationsView(
            NotificationService notifications, NotificationBroadcaster broadcaster, NotificationZones zones) {
        this.notifications = notifications;
        this.subject = DomusUi.requireSubject();
        this.zone = zones.of(subject);
        addClassName("domus-page");
        setId("communications-notifications");

        unreadOnly.setLabel(getTranslation("communications.notify.ui.filter.unread"));
        unreadOnly.setId("communications-notifications-unread");
        unreadOnly.addValueChangeListener(e -> reset());
        kind.setLabel(getTranslation("communications.notify.ui.filter.kind"));
        kind.setId("communications-notifications-kind");
        kind.setItems(NotificationKind.values());
        // no kind chosen: all kinds
        kind.setEmptySelectionAllowed(true);
        kind.setEmptySelectionCaption(getTranslation("communications.notify.ui.filter.all"));
        kind.setItemLabelGenerator(k -> k == null
                ? getTranslation("communications.notify.ui.filter.all")
                : getTranslation("communications.notify.ui.kind." + k.name()));
        kind.addValueChangeListener(e -> reset());
        Button markAll = new Button(getTranslation("communications.notify.ui.mark-all-read"), e -> markAll());
        markAll.setId("communications-notifications-mark-all");
        Button settings = new Button(getTranslation("communications.notify.ui.settings.title"), e -> getUI().ifPresent(
                        ui -> ui.navigate(NotificationRoutes.SETTINGS_ROUTE)));
        settings.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout filters = new HorizontalLayout(unreadOnly, kind, markAll, settings);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");

        list.setId("communications-notifications-list");
        list.setWidthFull();
        more.setText(getTranslation("communications.notify.ui.more"));
        more.setId("communications-notifications-more");
        more.addClickListener(e -> {
            shown += PAGE;
            refresh();
        });
        summary.setId("communications-notifications-summary");
        add(new H2(getTranslation("communications.notify.ui.title")), filters, summary, list, more);
        refresh();
        LiveNotifications.refreshOnChange(this, broadcaster, subject.accountId(), this::refresh);
    }

    private void reset() {
        shown = PAGE;
        refresh();
    }

    void refresh() {
        Page<Notification> page;
        try {
            page = notifications.list(subject, unreadOnly.getValue(), kind.getValue(), 0, Math.min(shown, 200));
        } catch (DomusException e) {
            DomusUi.showError(e);
            return;
        }
        list.removeAll();
        if (page.items().isEmpty()) {
            list.add(new Paragraph(getTranslation("communications.notify.ui.empty")));
        }
        for (Notification n : page.items()) {
            list.add(new NotificationEntry(n, getLocale(), zone, this::open, this::markRead));
        }
        summary.setText(
                getTranslation("communications.notify.ui.summary", page.total(), notifications.unreadCount(subject)));
        more.setVisible(page.total() > page.items().size() && shown < 200);
    }

    private void markRead(Notification n) {
        try {
            notifications.markRead(subject, n.id());
        } catch (DomusException e) {
            DomusUi.showError(e);
        }
        refresh();
    }

    private void open(Notification n) {
        markRead(n);
        if (n.link() != null && !n.link().isBlank()) {
            getUI().ifPresent(ui -> ui.navigate(n.link()));
        }
    }

    private void markAll() {
        try {
            int marked = notifications.markAllRead(subject);
            DomusUi.showSuccess("communications.notify.ui.marked", marked);
        } catch (DomusException e) {
            DomusUi.showError(e);
        }
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("communications.notify.ui.title");
    }
}
