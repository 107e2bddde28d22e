package org.domus.core.registry;

/**
 * A postal address (a person's correspondence address).
 *
 * @param street street and house number
 * @param city the city
 * @param postcode the postcode
 * @param country ISO 3166-1 alpha-2 code, e.g. {@code CZ}
 */
public record Address(String street, String city, String postcode, String country) {}
