package org.domus.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.domus.core.Subject;

/**
 * Charge components, their rates and exemptions, and the persons declared per unit. Changes need
 * {@link LedgerPermissions#BILLING} on the organisation (components), on the rate's scope (rates) or on
 * the unit (exemptions); declaring persons needs {@link LedgerPermissions#POST} on the unit. Every change
 * writes an audit event. Nothing is deleted: rates and exemptions end by a new one with an end date.
 */
public interface ChargeService {

    /**
     * @throws org.domus.core.DomusException INVALID ({@code ledger.component.invalid}), CONFLICT
     *     ({@code ledger.component.code-taken})
     */
    ChargeComponent createComponent(Subject actor, ChargeComponent component);

    /** Changes name, priority and active flag (code and basis are fixed); CONFLICT on a stale version. */
    ChargeComponent updateComponent(Subject actor, ChargeComponent component);

    /**
     * One component, readable like {@link #components}.
     *
     * @throws org.domus.core.DomusException NOT_FOUND {@code ledger.component.not-found}
     */
    ChargeComponent component(Subject actor, long componentId);

    /** The organisation's components by priority, then code ({@link LedgerPermissions#READ}). */
    List<ChargeComponent> components(Subject actor, long organisationId);

    /**
     * Adds a rate.
     *
     * @throws org.domus.core.DomusException INVALID ({@code ledger.rate.invalid}, {@code
     *     ledger.rate.fixed-per-unit}), CONFLICT ({@code ledger.rate.overlap}) when a rate of the component
     *     at the same scope overlaps in time
     */
    ChargeRate addRate(Subject actor, ChargeRate rate);

    /**
     * Ends a rate on {@code validTo} (the last day it applies), so that a new rate can follow it. A rate is
     * only ever shortened: its start and amount stay as they were billed. Runs posted before stay posted;
     * the end applies to the months billed after. Needs {@link LedgerPermissions#BILLING} on the rate's
     * scope.
     *
     * @throws org.domus.core.DomusException NOT_FOUND {@code ledger.rate.not-found}, INVALID {@code
     *     ledger.rate.end.invalid} when the day is before the rate's start or after its current end
     */
    ChargeRate endRate(Subject actor, long rateId, LocalDate validTo);

    /** The component's rates, by level, scope and start. */
    List<ChargeRate> rates(Subject actor, long componentId);

    Exemption addExemption(Subject actor, Exemption exemption);

    List<Exemption> exemptions(Subject actor, long componentId);

    /** Records the persons living in the unit from {@code validFrom}. */
    PersonsDeclaration declarePersons(Subject actor, long unitId, int persons, LocalDate validFrom);

    /** The unit's declarations, oldest first (readable by its residents). */
    List<PersonsDeclaration> persons(Subject actor, long unitId);

    /** Persons declared for the unit on that day (0 without a declaration). */
    default int personsOn(Subject actor, long unitId, LocalDate day) {
        int result = 0;
        for (PersonsDeclaration d : persons(actor, unitId)) {
            if (!d.validFrom().isAfter(day)) {
                result = d.persons();
            }
        }
        return result;
    }

    /** Shorthand: a rate from {@code validFrom} with no end. */
    default ChargeRate addRate(
            Subject actor, long componentId, RateLevel level, long scopeId, BigDecimal amount, LocalDate validFrom) {
        return addRate(actor, new ChargeRate(0, componentId, level, scopeId, amount, validFrom, null));
    }
}
