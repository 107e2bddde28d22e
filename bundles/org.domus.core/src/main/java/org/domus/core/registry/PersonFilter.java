package org.domus.core.registry;

/**
 * Filters of the person list; null fields do not filter.
 *
 * @param name the name contains this (case ignored)
 * @param unitId persons with a tenure (current or former) of this unit
 */
public record PersonFilter(String name, Long unitId) {

    public static final PersonFilter NONE = new PersonFilter(null, null);
}
