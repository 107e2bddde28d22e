package org.domus.communications.web.internal.notify;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.access.RegistryLocation;
import org.domus.core.registry.RegistryService;

/**
 * The zone a subject's notification times are shown in: the organisation of the first unit they hold, by its
 * country; the server's zone for staff without units.
 */
final class NotificationZones {

    private static final Subject SYSTEM = Subject.system("communications", "Communications");
    private static final Map<String, String> ZONES =
            Map.of("CZ", "Europe/Prague", "SK", "Europe/Bratislava", "PL", "Europe/Warsaw", "RO", "Europe/Bucharest");

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
        String zone = country.map(c -> ZONES.get(c.toUpperCase(Locale.ROOT))).orElse(null);
        return zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
    }
}
