package org.domus.web.internal.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.registry.Building;
import org.domus.core.registry.Holding;
import org.domus.core.registry.RegistryService;
import org.domus.core.registry.Unit;
import org.domus.web.DomusUi;

/**
 * Turns one page of units into grid rows with their building and current holders: the holders of the whole
 * page come in one query; buildings are remembered for the life of the view (a page of 50 flats mostly
 * shares a handful of them).
 */
final class UnitRows {

    record Row(Unit unit, Building building, String holders) {}

    private final RegistryService registry;
    private final Map<Long, Building> buildings = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();

    UnitRows(RegistryService registry) {
        this.registry = registry;
    }

    List<Row> rows(List<Unit> units) {
        Map<Long, List<Holding.Holder>> holders =
                registry.currentHolders(subject(), units.stream().map(Unit::id).toList(), LocalDate.now());
        List<Row> rows = new ArrayList<>(units.size());
        for (Unit unit : units) {
            Building building = buildings.computeIfAbsent(unit.buildingId(), id -> registry.building(subject(), id));
            List<String> names = holders.getOrDefault(unit.id(), List.of()).stream()
                    .map(Holding.Holder::name)
                    .distinct()
                    .toList();
            rows.add(new Row(unit, building, RegistryText.names(names)));
        }
        return rows;
    }

    /** A person's display name, remembered; "…" for a holder the reader may not see. */
    String name(long personId) {
        return names.computeIfAbsent(personId, id -> {
            try {
                return registry.person(subject(), id).displayName();
            } catch (DomusException e) {
                // A holder outside the reader's person scope still holds the unit; show that someone does.
                return "…";
            }
        });
    }

    /**
     * The signed-in subject as of this request, never one kept from when the view was opened: a grant taken
     * away meanwhile must not keep working here.
     */
    private static Subject subject() {
        return DomusUi.requireSubject();
    }
}
