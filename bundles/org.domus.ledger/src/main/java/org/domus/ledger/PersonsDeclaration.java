package org.domus.ledger;

import java.time.Instant;
import java.time.LocalDate;

/**
 * How many persons live in a unit from a day on (the basis of {@link ChargeBasis#PER_PERSON}). Declarations
 * are never changed: a new one from a later (or the same) day supersedes.
 *
 * @param id database id
 * @param unitId the unit
 * @param persons at least 0
 * @param validFrom from this day
 * @param declaredAt when it was recorded
 * @param declaredBy login of who recorded it
 */
public record PersonsDeclaration(
        long id, long unitId, int persons, LocalDate validFrom, Instant declaredAt, String declaredBy) {}
