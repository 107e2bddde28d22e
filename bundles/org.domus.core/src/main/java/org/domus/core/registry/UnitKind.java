package org.domus.core.registry;

/** The use of a unit. */
public enum UnitKind {
    FLAT,
    COMMERCIAL,
    GARAGE,
    STORAGE
}
