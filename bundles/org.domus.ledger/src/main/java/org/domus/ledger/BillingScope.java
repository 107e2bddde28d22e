package org.domus.ledger;

import java.util.Objects;
import org.domus.core.access.ScopeType;

/**
 * What a billing run covers: every unit of an organisation, an estate or a building.
 *
 * @param type the kind of scope
 * @param id the organisation, estate or building
 */
public record BillingScope(ScopeType type, long id) {

    public BillingScope {
        Objects.requireNonNull(type, "type");
    }

    /** {@code ORGANISATION:1}, {@code BUILDING:42}: the key of a run for a month. */
    @Override
    public String toString() {
        return type.name() + ":" + id;
    }
}
