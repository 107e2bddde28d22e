package org.domus.ledger;

import java.time.LocalDate;

/**
 * A unit exempted from a component for a time (no line is charged while it applies).
 *
 * @param id database id, 0 for a new one
 * @param componentId the component
 * @param unitId the unit
 * @param validFrom first day
 * @param validTo last day, or null while in force
 * @param reason why, optional
 */
public record Exemption(long id, long componentId, long unitId, LocalDate validFrom, LocalDate validTo, String reason) {

    public boolean appliesOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }
}
