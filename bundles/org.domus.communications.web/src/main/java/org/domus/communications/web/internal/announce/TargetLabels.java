package org.domus.communications.web.internal.announce;

import com.vaadin.flow.component.UI;
import java.io.Serializable;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.audience.AudienceTarget;
import org.domus.core.calendar.Zones;
import org.domus.core.registry.Building;
import org.domus.core.registry.RegistryService;
import org.domus.core.registry.Unit;

/** Names of targets for staff ("Building Palackého 1, 60200 Brno"), read once per view. */
final class TargetLabels implements Serializable {

    private static final long serialVersionUID = 1L;

    private final transient RegistryService registry;
    private final Subject subject;
    private final Map<AudienceTarget, String> names = new HashMap<>();
    private final Map<Long, ZoneId> zones = new HashMap<>();

    TargetLabels(RegistryService registry, Subject subject) {
        this.registry = registry;
        this.subject = subject;
    }

    String label(AudienceTarget t) {
        return names.computeIfAbsent(t, this::read);
    }

    String labels(List<AudienceTarget> targets) {
        return targets.stream().map(this::label).collect(Collectors.joining("; "));
    }

    /** The organisation's zone (UTC when the organisation cannot be read). */
    ZoneId zone(long organisationId) {
        return zones.computeIfAbsent(organisationId, id -> {
            try {
                return Zones.ofCountry(registry.organisation(subject, id).country(), ZoneOffset.UTC);
            } catch (DomusException e) {
                return ZoneOffset.UTC;
            }
        });
    }

    void remember(AudienceTarget t, String name) {
        names.put(t, name);
    }

    private String read(AudienceTarget t) {
        String kind =
                translate("communications.announcements.ui.target." + t.kind().name());
        try {
            String name =
                    switch (t.kind()) {
                        case ORGANISATION -> registry.organisation(subject, t.id())
                                .name();
                        case ESTATE -> registry.estate(subject, t.id()).name();
                        case BUILDING -> registry.building(subject, t.id()).address();
                        case STAIRCASE -> registry.building(subject, t.id()).address() + ", " + t.staircase();
                        case UNIT -> unit(registry.unit(subject, t.id()));
                    };
            return kind + " " + name;
        } catch (DomusException e) {
            return kind + " #" + t.id() + (t.staircase() == null ? "" : " " + t.staircase());
        }
    }

    String unit(Unit u) {
        Building b = registry.building(subject, u.buildingId());
        return b.street() + " " + b.number() + " / " + u.number();
    }

    private static String translate(String key) {
        UI ui = UI.getCurrent();
        return ui == null ? key : ui.getTranslation(key);
    }
}
