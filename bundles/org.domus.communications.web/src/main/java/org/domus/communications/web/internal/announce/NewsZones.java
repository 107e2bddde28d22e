package org.domus.communications.web.internal.announce;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.access.RegistryLocation;
import org.domus.core.calendar.Zones;
import org.domus.core.registry.RegistryService;

/** The zone a resident's dates are shown in: their (first) unit's organisation's. */
final class NewsZones {

    private static final Subject SYSTEM = Subject.system("communications", "Communications");

    private final AccessPolicy policy;
    private final RegistryService registry;

    NewsZones(AccessPolicy policy, RegistryService registry) {
        this.policy = policy;
        this.registry = registry;
    }

    ZoneId of(Subject subject) {
        Optional<Long> organisation = policy.residentScope(subject).unitIds().stream()
                .sorted()
                .map(u -> policy.locate(null, u))
                .flatMap(Optional::stream)
                .map(RegistryLocation::organisationId)
                .findFirst();
        return Zones.ofCountry(
                organisation
                        .map(o -> registry.organisation(SYSTEM, o).country())
                        .orElse(null),
                ZoneOffset.UTC);
    }

    boolean isResident(Subject subject) {
        return !policy.residentScope(subject).unitIds().isEmpty();
    }
}
