package org.domus.communications;

import java.util.Set;

/**
 * Filters of the staff list of announcements; every filter is optional.
 *
 * @param organisationId only this organisation's
 * @param states only these states; empty means all
 * @param buildingId only those reaching this building (addressed to it, a staircase or unit in it, its estate
 *     or its organisation)
 * @param text a part of the title, any case
 * @param offset index of the first item
 * @param limit page size, 1 to {@link AnnouncementService#MAX_PAGE}
 */
public record AnnouncementQuery(
        Long organisationId, Set<AnnouncementState> states, Long buildingId, String text, int offset, int limit) {

    public AnnouncementQuery {
        states = states == null ? Set.of() : Set.copyOf(states);
    }

    /** Everything in scope, first page. */
    public static AnnouncementQuery all() {
        return new AnnouncementQuery(null, Set.of(), null, null, 0, 50);
    }
}
