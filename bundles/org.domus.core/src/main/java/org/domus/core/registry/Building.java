package org.domus.core.registry;

import java.math.BigDecimal;

/**
 * A building with its address and geo position.
 *
 * @param id database id, 0 for a new one
 * @param estateId the estate (fixed once created)
 * @param street street name
 * @param number house number as written (e.g. {@code 12a}, {@code 1024/7})
 * @param city the city
 * @param postcode the postcode
 * @param country ISO 3166-1 alpha-2 code
 * @param latitude WGS 84 latitude in degrees, optional
 * @param longitude WGS 84 longitude in degrees, optional
 * @param version optimistic-lock version
 */
public record Building(
        long id,
        long estateId,
        String street,
        String number,
        String city,
        String postcode,
        String country,
        BigDecimal latitude,
        BigDecimal longitude,
        long version) {

    /** {@code street number, postcode city}. */
    public String address() {
        return street + " " + number + ", " + (postcode == null ? "" : postcode + " ") + city;
    }
}
