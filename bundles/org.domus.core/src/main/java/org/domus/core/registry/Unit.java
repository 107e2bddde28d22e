package org.domus.core.registry;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A flat, commercial space, garage or storage room.
 *
 * @param id database id, 0 for a new one
 * @param buildingId the building (fixed once created)
 * @param number unit number, unique in its building
 * @param kind the use
 * @param floor floor number (0 = ground), optional
 * @param staircase the staircase (entrance) the unit is reached by, such as {@code A} or {@code 2}; unique
 *     only within the building, optional; letters, digits, spaces and hyphens, at most 16 characters
 * @param area floor area in m², at most two decimals
 * @param rooms number of rooms, optional
 * @param equipment equipment items (e.g. {@code balcony}, {@code cellar})
 * @param share ownership share in the common parts of the building; all units of a building sum to at
 *     most 1
 * @param legalForm how the unit is held
 * @param state whether it is in use
 * @param rent monthly rent or fee where it applies, optional
 * @param variableSymbol Czech payment reference: digits only, at most 10, never a birth number
 * @param virtualAccount Polish individual account number (26-digit NRB), optional
 * @param version optimistic-lock version
 */
public record Unit(
        long id,
        long buildingId,
        String number,
        UnitKind kind,
        Integer floor,
        String staircase,
        BigDecimal area,
        Integer rooms,
        List<String> equipment,
        Share share,
        LegalForm legalForm,
        UnitState state,
        Money rent,
        String variableSymbol,
        String virtualAccount,
        long version) {

    /** The longest staircase label. */
    public static final int STAIRCASE_MAX_LENGTH = 16;

    private static final Pattern STAIRCASE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} -]*");

    public Unit {
        equipment = equipment == null ? List.of() : List.copyOf(equipment);
    }

    /**
     * Whether a (stripped) staircase label is acceptable: 1 to {@value #STAIRCASE_MAX_LENGTH} letters, digits,
     * spaces and hyphens, starting with a letter or digit ("A", "2", "B-1", "Vchod 3").
     */
    public static boolean isValidStaircase(String label) {
        return label != null
                && label.length() <= STAIRCASE_MAX_LENGTH
                && STAIRCASE.matcher(label).matches();
    }
}
