package org.domus.communications.web.internal.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.domus.communications.NotificationChannel;
import org.domus.communications.NotificationKind;
import org.domus.communications.NotificationPreferences;
import org.junit.jupiter.api.Test;

class NotificationSettingsFormTest {

    @Test
    void theFormShowsThePreferencesAndReturnsTheTickedChannelsPerKind() {
        NotificationSettingsForm form = new NotificationSettingsForm();
        NotificationPreferences prefs = new NotificationPreferences(
                Map.of(
                        NotificationKind.ANNOUNCEMENTS, EnumSet.allOf(NotificationChannel.class),
                        NotificationKind.TICKET_UPDATES, Set.of(NotificationChannel.IN_APP),
                        NotificationKind.PAYMENT_REMINDERS, Set.of(),
                        NotificationKind.MESSAGES, Set.of(NotificationChannel.EMAIL)),
                Optional.empty());

        form.read(prefs);
        assertTrue(form.boxes
                .get(NotificationKind.ANNOUNCEMENTS)
                .get(NotificationChannel.EMAIL)
                .getValue());
        assertFalse(form.boxes
                .get(NotificationKind.TICKET_UPDATES)
                .get(NotificationChannel.EMAIL)
                .getValue());
        assertFalse(form.boxes
                .get(NotificationKind.PAYMENT_REMINDERS)
                .get(NotificationChannel.IN_APP)
                .getValue());
        assertEquals(prefs.channels(), form.channels());

        form.boxes
                .get(NotificationKind.PAYMENT_REMINDERS)
                .get(NotificationChannel.EMAIL)
                .setValue(true);
        form.boxes
                .get(NotificationKind.ANNOUNCEMENTS)
                .get(NotificationChannel.IN_APP)
                .setValue(false);
        Map<NotificationKind, Set<NotificationChannel>> changed = form.channels();
        assertEquals(Set.of(NotificationChannel.EMAIL), changed.get(NotificationKind.PAYMENT_REMINDERS));
        assertEquals(Set.of(NotificationChannel.EMAIL), changed.get(NotificationKind.ANNOUNCEMENTS));
        assertEquals(Set.of(NotificationChannel.IN_APP), changed.get(NotificationKind.TICKET_UPDATES));
        // one checkbox per kind and channel, each with an id the browser tests use
        assertEquals(
                "communications-settings-MESSAGES-EMAIL",
                form.boxes
                        .get(NotificationKind.MESSAGES)
                        .get(NotificationChannel.EMAIL)
                        .getId()
                        .orElseThrow());
    }
}
