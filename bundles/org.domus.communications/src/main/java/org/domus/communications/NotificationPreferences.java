package org.domus.communications;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An account's choice of channels per kind of notification. Kinds the account never set follow the
 * configured defaults ({@code notify.defaults.*} in {@code org.domus.communications.cfg}).
 *
 * @param channels for every kind, the channels that are on
 * @param email the account's e-mail address, if it has one; without it {@link NotificationChannel#EMAIL} delivers
 *     nothing
 */
public record NotificationPreferences(
        Map<NotificationKind, Set<NotificationChannel>> channels, Optional<String> email) {

    public NotificationPreferences {
        Objects.requireNonNull(channels, "channels");
        Objects.requireNonNull(email, "email");
        Map<NotificationKind, Set<NotificationChannel>> all = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            Set<NotificationChannel> on = channels.get(kind);
            all.put(kind, on == null || on.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(on)));
        }
        channels = Map.copyOf(all);
    }

    /** Whether the kind is delivered on the channel (ignoring a missing e-mail address). */
    public boolean enabled(NotificationKind kind, NotificationChannel channel) {
        return channels.get(kind).contains(channel);
    }

    /** These preferences with one kind and channel switched on or off. */
    public NotificationPreferences with(NotificationKind kind, NotificationChannel channel, boolean on) {
        Map<NotificationKind, Set<NotificationChannel>> copy = new EnumMap<>(channels);
        Set<NotificationChannel> set = EnumSet.noneOf(NotificationChannel.class);
        set.addAll(copy.get(kind));
        if (on) {
            set.add(channel);
        } else {
            set.remove(channel);
        }
        copy.put(kind, set);
        return new NotificationPreferences(copy, email);
    }
}
