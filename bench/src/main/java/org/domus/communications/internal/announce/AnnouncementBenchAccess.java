package org.domus.communications.internal.announce;

import java.time.Clock;
import java.util.List;
import org.apache.aries.jpa.template.JpaTemplate;
import org.domus.core.access.AccessPolicy;
import org.domus.core.audience.Audience;
import org.domus.core.registry.RegistryService;
import org.osgi.service.event.Event;

/**
 * The notification benchmark's way to the announcement service outside OSGi (bench/ only, never shipped): the
 * package-private factory the module's unit tests use, and the events the service posted, which the benchmark
 * hands to the fan-out as EventAdmin would.
 */
public final class AnnouncementBenchAccess {

    private AnnouncementBenchAccess() {}

    public static AnnouncementServiceImpl create(
            JpaTemplate jpa, AccessPolicy policy, Audience audience, RegistryService registry, Clock clock) {
        return AnnouncementServiceImpl.create(jpa, policy, audience, registry, clock);
    }

    /** The events the service posted last (at most 100), oldest first. */
    public static List<Event> posted(AnnouncementServiceImpl service) {
        return service.events().sent();
    }
}
