package org.domus.communications.web.internal.notify;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import org.domus.communications.NotificationService;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.registry.RegistryService;
import org.domus.web.HeaderItem;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;

/** The notification bell in the shell's top bar, for every signed-in account. */
@org.osgi.service.component.annotations.Component(service = HeaderItem.class)
public class BellHeaderItem implements HeaderItem {

    private final NotificationService notifications;
    private final NotificationBroadcaster broadcaster;
    private final NotificationZones zones;

    @Activate
    public BellHeaderItem(
            @Reference NotificationService notifications,
            @Reference NotificationBroadcaster broadcaster,
            @Reference AccessPolicy policy,
            @Reference RegistryService registry) {
        this.notifications = notifications;
        this.broadcaster = broadcaster;
        this.zones = new NotificationZones(policy, registry);
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Component> createItem(Subject subject) {
        if (subject.accountId() <= 0) {
            return Optional.empty();
        }
        return Optional.of(new NotificationBell(notifications, broadcaster, subject, zones.of(subject)));
    }
}
