package org.domus.communications.internal.notify;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.domus.communications.NotificationChannel;
import org.domus.communications.NotificationKind;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The notification settings from PID {@value #PID} ({@code etc/org.domus.communications.cfg}, section
 * {@code notifications}). The PID is shared with the module's other areas, whose component owns its metatype
 * description; this one reads its keys as a component property type.
 *
 * @param defaults per kind the channels that are on until an account chooses otherwise
 * @param retentionDays notifications older than this are deleted (read or not)
 * @param batchSize recipients handled per transaction when an event reaches many accounts
 * @param publicUrl the address residents reach Domus at, for links in e-mails (no trailing slash)
 */
public record NotifySettings(
        Map<NotificationKind, Set<NotificationChannel>> defaults, int retentionDays, int batchSize, String publicUrl) {

    static final String PID = "org.domus.communications";

    @ObjectClassDefinition(name = "Domus communications", description = "Communications: notifications")
    public @interface Config {
        @AttributeDefinition(description = "Kinds notified in the application unless the account chose otherwise")
        String notify_defaults_inApp() default "ANNOUNCEMENTS,TICKET_UPDATES,PAYMENT_REMINDERS,MESSAGES";

        @AttributeDefinition(description = "Kinds notified by e-mail unless the account chose otherwise")
        String notify_defaults_email() default "ANNOUNCEMENTS,TICKET_UPDATES,MESSAGES";

        @AttributeDefinition(description = "Days a notification is kept in the notification centre")
        int notify_retentionDays() default 180;

        @AttributeDefinition(description = "Recipients handled per transaction when an event reaches many accounts")
        int notify_batchSize() default 500;

        @AttributeDefinition(description = "The address residents reach Domus at (links in e-mails)")
        String publicUrl() default "http://localhost:8181";
    }

    public NotifySettings {
        Map<NotificationKind, Set<NotificationChannel>> copy = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            Set<NotificationChannel> on = defaults.get(kind);
            copy.put(kind, on == null || on.isEmpty() ? Set.of() : Set.copyOf(on));
        }
        defaults = Map.copyOf(copy);
        publicUrl = publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
    }

    static NotifySettings standard() {
        return new NotifySettings(
                parse(
                        "ANNOUNCEMENTS,TICKET_UPDATES,PAYMENT_REMINDERS,MESSAGES",
                        "ANNOUNCEMENTS,TICKET_UPDATES,MESSAGES"),
                180,
                500,
                "http://localhost:8181");
    }

    static NotifySettings of(Config c) {
        return new NotifySettings(
                parse(c.notify_defaults_inApp(), c.notify_defaults_email()),
                Math.max(1, c.notify_retentionDays()),
                Math.max(1, Math.min(5000, c.notify_batchSize())),
                c.publicUrl());
    }

    NotifySettings withBatchSize(int size) {
        return new NotifySettings(defaults, retentionDays, size, publicUrl);
    }

    private static Map<NotificationKind, Set<NotificationChannel>> parse(String inApp, String email) {
        Map<NotificationKind, Set<NotificationChannel>> map = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            map.put(kind, EnumSet.noneOf(NotificationChannel.class));
        }
        add(map, inApp, NotificationChannel.IN_APP);
        add(map, email, NotificationChannel.EMAIL);
        return map;
    }

    private static void add(Map<NotificationKind, Set<NotificationChannel>> map, String kinds, NotificationChannel c) {
        if (kinds == null) {
            return;
        }
        for (String s : kinds.split("[,\\s]+")) {
            if (!s.isBlank()) {
                try {
                    map.get(NotificationKind.valueOf(s.strip().toUpperCase(Locale.ROOT)))
                            .add(c);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("notify.defaults: not a notification kind: " + s, e);
                }
            }
        }
    }
}
