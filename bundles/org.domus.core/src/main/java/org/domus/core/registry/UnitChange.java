package org.domus.core.registry;

import java.time.Instant;

/**
 * One entry of a unit's history: a changed field of the unit or one of its tenures.
 *
 * @param id database id
 * @param unitId the unit
 * @param at when (UTC)
 * @param actor login of who changed it ({@code system} for imports and generators without a user)
 * @param field the field, e.g. {@code area} or {@code tenure.42.validTo}
 * @param before the value before, null when created
 * @param after the value after
 */
public record UnitChange(long id, long unitId, Instant at, String actor, String field, String before, String after) {}
