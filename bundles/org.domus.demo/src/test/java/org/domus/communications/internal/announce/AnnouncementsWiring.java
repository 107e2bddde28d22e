package org.domus.communications.internal.announce;

import java.time.Clock;
import org.apache.aries.jpa.template.JpaTemplate;
import org.domus.communications.AnnouncementService;
import org.domus.core.access.AccessPolicy;
import org.domus.core.audience.Audience;
import org.domus.core.registry.RegistryService;

/** The announcements service wired by hand outside OSGi for the demo's tests (its factory is package-private). */
public final class AnnouncementsWiring {

    private AnnouncementsWiring() {}

    public static AnnouncementService announcements(
            JpaTemplate jpa, AccessPolicy policy, Audience audience, RegistryService registry, Clock clock) {
        return AnnouncementServiceImpl.create(jpa, policy, audience, registry, clock);
    }
}
