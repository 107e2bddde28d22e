package org.domus.communications.web.internal.notify;

import java.time.ZoneId;
import java.util.Optional;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.access.RegistryLocation;
import org.domus.core.calendar.Zones;
import org.domus.core.registry.RegistryService;

/**
 * The zone a subject's notification times are shown in: the organisation of the first unit they hold, by its
 * country; the server's zone for staff without units.
 */
final class NotificationZones {

    private static final Subject SYSTEM = Subject.system("communications", "Communications");

    private final AccessPolicy policy;
    private final RegistryService registry;

    NotificationZones(AccessPolicy policy, RegistryService registry) {
        this.policy = policy;
        this.registry = registry;
    }

    ZoneId of(Subject subject) {
        Optional<String> country = policy.residentScope(subject).unitIds().stream()
                .sorted()
                .map(u -> policy.locate(null, u))
                .flatMap(Optional::stream)
                .map(RegistryLocation::organisationId)
                .findFirst()
                .map(o -> registry.organisation(SYSTEM, o).country());
        return country.flatMap(Zones::ofCountry).orElse(ZoneId.systemDefault());
    }
}
