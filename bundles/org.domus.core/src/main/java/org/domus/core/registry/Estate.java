package org.domus.core.registry;

/**
 * A group of buildings managed together.
 *
 * @param id database id, 0 for a new one
 * @param organisationId the owning organisation (fixed once created)
 * @param name the name
 * @param version optimistic-lock version
 */
public record Estate(long id, long organisationId, String name, long version) {}
