package org.domus.core.registry;

/** Whether a unit is in use. */
public enum UnitState {
    OCCUPIED,
    VACANT,
    RENOVATION,
    DECOMMISSIONED
}
