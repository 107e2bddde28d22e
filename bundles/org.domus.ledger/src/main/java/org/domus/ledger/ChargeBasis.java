package org.domus.ledger;

/**
 * How a charge component's monthly amount for a unit is computed from the rate in force. Every line is
 * rounded once, {@link LedgerAmounts#line}.
 */
public enum ChargeBasis {
    /** rate per m² x the unit's floor area. */
    PER_AREA,
    /** rate per person x persons declared for the unit (with history, {@link ChargeService#declarePersons}). */
    PER_PERSON,
    /** the rate, the same for every unit the rate covers. */
    PER_UNIT,
    /** the unit's own fixed amount (rent, fee): rates of such a component are set per unit only. */
    FIXED,
    /** the rate is the monthly total of the building; each unit pays its ownership share of it. */
    BY_SHARE,
    /** rate x a quantity supplied by a {@link ChargeBasisProvider} (metering: m³, GJ ...). */
    PROVIDED
}
