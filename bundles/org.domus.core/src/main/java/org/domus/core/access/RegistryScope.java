package org.domus.core.access;

import java.util.Set;

/**
 * The part of the registry a subject may see for one permission, in the form a query needs: services
 * turn it into a {@code WHERE} clause (never into a filter applied after loading). An object is inside
 * the scope when {@link #all()} is set or any of its ancestors' ids (or its own unit id) is in the
 * corresponding set.
 *
 * @param all everything
 * @param organisationIds organisations covered as a whole
 * @param estateIds estates covered as a whole
 * @param buildingIds buildings covered as a whole
 * @param unitIds single units (a resident's current units)
 * @since 1.2
 */
public record RegistryScope(
        boolean all, Set<Long> organisationIds, Set<Long> estateIds, Set<Long> buildingIds, Set<Long> unitIds) {

    private static final RegistryScope ALL = new RegistryScope(true, Set.of(), Set.of(), Set.of(), Set.of());
    private static final RegistryScope NONE = new RegistryScope(false, Set.of(), Set.of(), Set.of(), Set.of());

    public RegistryScope {
        organisationIds = Set.copyOf(organisationIds);
        estateIds = Set.copyOf(estateIds);
        buildingIds = Set.copyOf(buildingIds);
        unitIds = Set.copyOf(unitIds);
    }

    public static RegistryScope everything() {
        return ALL;
    }

    public static RegistryScope nothing() {
        return NONE;
    }

    public static RegistryScope units(Set<Long> unitIds) {
        return unitIds.isEmpty() ? NONE : new RegistryScope(false, Set.of(), Set.of(), Set.of(), unitIds);
    }

    /** True when no object at all is inside. */
    public boolean isEmpty() {
        return !all && organisationIds.isEmpty() && estateIds.isEmpty() && buildingIds.isEmpty() && unitIds.isEmpty();
    }

    /**
     * Whether the object at this location is inside. An estate is inside an estate or organisation scope
     * only; a building or estate is never inside a scope made of single units (residents see their units,
     * not the buildings as records).
     */
    public boolean covers(RegistryLocation location) {
        if (all) {
            return true;
        }
        if (organisationIds.contains(location.organisationId())) {
            return true;
        }
        if (location.estateId() != null && estateIds.contains(location.estateId())) {
            return true;
        }
        if (location.buildingId() != null && buildingIds.contains(location.buildingId())) {
            return true;
        }
        return location.unitId() != null && unitIds.contains(location.unitId());
    }
}
