package org.domus.core.registry;

/**
 * Filters of the unit list; null fields do not filter. Text filters ignore case.
 *
 * @param estateId units of this estate
 * @param buildingId units of this building
 * @param street building street starts with this
 * @param number unit number starts with this
 * @param person a current or former holder's name contains this
 */
public record UnitFilter(Long estateId, Long buildingId, String street, String number, String person) {

    public static final UnitFilter NONE = new UnitFilter(null, null, null, null, null);
}
