package org.domus.core.access;

/** The part of the housing stock a staff role grant covers. */
public enum ScopeType {
    /** Every estate, building and unit of one organisation. */
    ORGANISATION,
    /** Every building and unit of one estate. */
    ESTATE,
    /** Every unit of one building. */
    BUILDING
}
