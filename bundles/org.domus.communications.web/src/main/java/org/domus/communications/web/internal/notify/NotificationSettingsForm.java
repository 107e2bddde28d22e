package org.domus.communications.web.internal.notify;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.domus.communications.NotificationChannel;
import org.domus.communications.NotificationKind;
import org.domus.communications.NotificationPreferences;
import org.domus.web.DomusUi;

/**
 * The kinds x channels grid of checkboxes of the notification settings; reads and produces the channels per kind
 * (unit-tested without a server).
 */
final class NotificationSettingsForm extends Div {

    private static final long serialVersionUID = 1L;

    final Map<NotificationKind, Map<NotificationChannel, Checkbox>> boxes = new EnumMap<>(NotificationKind.class);

    NotificationSettingsForm() {
        setId("communications-settings-form");
        getStyle().set("display", "grid");
        getStyle().set("grid-template-columns", "minmax(10rem, max-content) repeat(2, max-content)");
        getStyle().set("gap", "var(--lumo-space-s) var(--lumo-space-l)");
        getStyle().set("align-items", "center");
        add(new Span());
        for (NotificationChannel channel : NotificationChannel.values()) {
            Span head = new Span(DomusUi.translate("communications.notify.ui.channel." + channel.name()));
            head.getStyle().set("font-weight", "bold");
            add(head);
        }
        for (NotificationKind kind : NotificationKind.values()) {
            add(new Span(DomusUi.translate("communications.notify.ui.kind." + kind.name())));
            Map<NotificationChannel, Checkbox> row = new EnumMap<>(NotificationChannel.class);
            for (NotificationChannel channel : NotificationChannel.values()) {
                Checkbox box = new Checkbox();
                box.setId("communications-settings-" + kind.name() + "-" + channel.name());
                box.getElement()
                        .setAttribute(
                                "aria-label",
                                DomusUi.translate("communications.notify.ui.kind." + kind.name()) + ": "
                                        + DomusUi.translate("communications.notify.ui.channel." + channel.name()));
                row.put(channel, box);
                add(box);
            }
            boxes.put(kind, row);
        }
    }

    void read(NotificationPreferences preferences) {
        boxes.forEach((kind, row) -> row.forEach((channel, box) -> box.setValue(preferences.enabled(kind, channel))));
    }

    Map<NotificationKind, Set<NotificationChannel>> channels() {
        Map<NotificationKind, Set<NotificationChannel>> map = new EnumMap<>(NotificationKind.class);
        boxes.forEach((kind, row) -> {
            Set<NotificationChannel> on = EnumSet.noneOf(NotificationChannel.class);
            row.forEach((channel, box) -> {
                if (box.getValue()) {
                    on.add(channel);
                }
            });
            map.put(kind, on);
        });
        return map;
    }
}
