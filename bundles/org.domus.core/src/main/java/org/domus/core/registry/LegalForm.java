package org.domus.core.registry;

/** How a unit is held. */
public enum LegalForm {
    COOPERATIVE_RIGHT,
    OWNERSHIP,
    LEASE
}
