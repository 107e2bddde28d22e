package org.domus.communications;

import java.util.Objects;
import org.domus.core.access.ScopeType;

/**
 * The part of the housing stock a directory entry (office, staff contact, emergency number) serves: a whole
 * organisation, an estate or one building. Residents see the entries whose scope contains a unit they hold.
 *
 * @param type the level
 * @param id the id of the organisation, estate or building
 */
public record ContactScope(ScopeType type, long id) {

    public ContactScope {
        Objects.requireNonNull(type, "type");
    }

    public static ContactScope organisation(long organisationId) {
        return new ContactScope(ScopeType.ORGANISATION, organisationId);
    }

    public static ContactScope estate(long estateId) {
        return new ContactScope(ScopeType.ESTATE, estateId);
    }

    public static ContactScope building(long buildingId) {
        return new ContactScope(ScopeType.BUILDING, buildingId);
    }
}
