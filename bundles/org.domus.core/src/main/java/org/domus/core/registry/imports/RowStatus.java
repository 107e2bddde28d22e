package org.domus.core.registry.imports;

/** What importing a row does. */
public enum RowStatus {
    /** A new object: created by {@code apply}, would be created by {@code preview}. */
    CREATE,
    /** The object is already in the registry with the same data: nothing to do (re-imports are no-ops). */
    UNCHANGED,
    /** The row is refused; see its problems. Nothing of it is written. */
    ERROR
}
