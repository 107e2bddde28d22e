package org.domus.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A rate of a component, valid from/to, at one level. Rates of one component at the same level and scope
 * never overlap in time.
 *
 * @param id database id, 0 for a new one
 * @param componentId the component
 * @param level where it applies
 * @param scopeId id of the organisation, estate, building or unit
 * @param amount the rate (meaning by the component's {@link ChargeBasis}), at least 0, at most 4 decimals
 * @param validFrom first day it applies
 * @param validTo last day it applies, or null while in force
 */
public record ChargeRate(
        long id,
        long componentId,
        RateLevel level,
        long scopeId,
        BigDecimal amount,
        LocalDate validFrom,
        LocalDate validTo) {

    /** Whether it applies on that day. */
    public boolean appliesOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }
}
