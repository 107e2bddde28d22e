package org.domus.web.internal.registry;

import org.domus.core.registry.Building;
import org.domus.core.registry.Estate;
import org.domus.core.registry.UnitFilter;

/** The units list's filter bar as a {@link UnitFilter}: blank text filters nothing, text is trimmed. */
public final class UnitQuery {

    private UnitQuery() {}

    public static UnitFilter filter(Estate estate, Building building, String street, String number, String person) {
        return new UnitFilter(
                estate == null ? null : estate.id(),
                building == null ? null : building.id(),
                RegistryText.blankToNull(street),
                RegistryText.blankToNull(number),
                RegistryText.blankToNull(person));
    }
}
