package org.domus.core.registry;

import java.util.List;

/**
 * A unit as its resident sees it on "My home": the unit, its building, the resident's own tenures and the
 * current co-holders.
 *
 * @param unit the unit
 * @param building its building
 * @param mine the signed-in person's current tenures of the unit
 * @param holders every current tenure of the unit with the holder's name (the resident included)
 */
public record Holding(Unit unit, Building building, List<Tenure> mine, List<Holder> holders) {

    /**
     * A current holder of a unit.
     *
     * @param personId the person
     * @param name display name
     * @param role the tenure's role
     * @param share the tenure's share, optional
     */
    public record Holder(long personId, String name, TenureRole role, Share share) {}
}
