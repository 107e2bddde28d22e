package org.domus.core.registry;

/**
 * Filters of the building list; null fields do not filter.
 *
 * @param estateId buildings of this estate
 * @param street street starts with this (case ignored)
 */
public record BuildingFilter(Long estateId, String street) {

    public static final BuildingFilter NONE = new BuildingFilter(null, null);
}
