package org.domus.core.access;

/**
 * Where an object of the registry sits in the hierarchy organisation, estate, building, unit. Ids below
 * the object's own level are null (a building has no unit id).
 *
 * @param organisationId the organisation
 * @param estateId the estate, or null for an organisation
 * @param buildingId the building, or null for an organisation or estate
 * @param unitId the unit, or null above unit level
 * @since 1.2
 */
public record RegistryLocation(long organisationId, Long estateId, Long buildingId, Long unitId) {}
