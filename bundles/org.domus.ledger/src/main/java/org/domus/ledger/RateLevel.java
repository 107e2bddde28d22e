package org.domus.ledger;

/** Where a rate applies; for a unit the most specific rate in force wins (UNIT over BUILDING over ...). */
public enum RateLevel {
    ORGANISATION,
    ESTATE,
    BUILDING,
    UNIT
}
