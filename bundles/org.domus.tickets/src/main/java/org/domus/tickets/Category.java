package org.domus.tickets;

/**
 * A ticket category of an organisation.
 *
 * @param id database id, 0 for a new one
 * @param organisationId the organisation
 * @param code short code, unique in the organisation (e.g. {@code WATER})
 * @param name display name
 * @param group the trade: {@code plumbing}, {@code electrical}, {@code lifts}, {@code heating},
 *     {@code cleaning}, {@code locksmith}, {@code general} or another lower-case word; contractor companies
 *     and workers serve groups
 * @param active inactive categories are not offered for new tickets
 * @param version optimistic-lock version
 */
public record Category(
        long id, long organisationId, String code, String name, String group, boolean active, long version) {}
