package org.domus.communications;

/**
 * What an emergency number is for. A building's number of a kind replaces its estate's and its
 * organisation's numbers of the same kind; an estate's replaces its organisation's.
 */
public enum EmergencyKind {
    LIFT,
    WATER,
    GAS,
    ELECTRICITY,
    HEATING,
    OTHER
}
