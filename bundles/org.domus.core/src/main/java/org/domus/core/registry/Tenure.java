package org.domus.core.registry;

import java.time.LocalDate;

/**
 * A person's relation to a unit over a period. Tenures are never deleted: one ends by getting a
 * {@code validTo}, so the full history of who held a unit stays.
 *
 * @param id database id, 0 for a new one
 * @param unitId the unit
 * @param personId the person
 * @param role owner, co-owner, member, tenant or resident
 * @param share the person's part of the unit (1/1 for a sole owner), optional
 * @param validFrom first day
 * @param validTo last day, null while it lasts
 * @param version optimistic-lock version
 */
public record Tenure(
        long id,
        long unitId,
        long personId,
        TenureRole role,
        Share share,
        LocalDate validFrom,
        LocalDate validTo,
        long version) {

    /** Whether the tenure holds on that day. */
    public boolean isCurrent(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
    }
}
