package org.domus.core.registry;

/** Natural person or legal entity. */
public enum PersonKind {
    NATURAL,
    LEGAL
}
