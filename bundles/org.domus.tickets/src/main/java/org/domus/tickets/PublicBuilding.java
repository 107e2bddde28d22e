package org.domus.tickets;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the public form shows for a building's code: no ids of people, only the address and the categories.
 *
 * @param code the building's public code
 * @param address the building's address
 * @param latitude the building's latitude, optional (map)
 * @param longitude the building's longitude, optional
 * @param categories the organisation's active categories
 */
public record PublicBuilding(
        String code, String address, BigDecimal latitude, BigDecimal longitude, List<Category> categories) {

    public PublicBuilding {
        categories = List.copyOf(categories);
    }
}
