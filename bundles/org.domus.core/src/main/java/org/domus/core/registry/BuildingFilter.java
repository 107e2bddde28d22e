package org.domus.core.registry;

/**
 * Filters of the building list; null fields do not filter.
 *
 * @param estateId buildings of this estate
 * @param street the street, or the street and house number ("Opatovská 19", "Opatovská 1933/1, 148"), starts
 *     with this (case ignored; anything after a comma is not compared)
 */
public record BuildingFilter(Long estateId, String street) {

    public static final BuildingFilter NONE = new BuildingFilter(null, null);
}
