package org.domus.core.audience;

import java.util.Locale;
import java.util.Objects;

/**
 * A part of the housing stock an announcement or a notification is addressed to.
 *
 * @param kind what {@code id} identifies
 * @param id the organisation, estate, building or unit id; for {@link Kind#STAIRCASE} the building's id
 * @param staircase the staircase (entrance) label within the building, only for {@link Kind#STAIRCASE}
 */
public record AudienceTarget(Kind kind, long id, String staircase) {

    /** The kinds of target, from the widest to the narrowest. */
    public enum Kind {
        ORGANISATION,
        ESTATE,
        BUILDING,
        /** One staircase (entrance) of a building: units whose staircase label equals {@code staircase}. */
        STAIRCASE,
        UNIT
    }

    public AudienceTarget {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.STAIRCASE) {
            if (staircase == null || staircase.isBlank()) {
                throw new IllegalArgumentException("a staircase target names the staircase");
            }
            staircase = staircase.strip();
        } else if (staircase != null) {
            throw new IllegalArgumentException("only a staircase target names a staircase");
        }
    }

    public static AudienceTarget of(Kind kind, long id) {
        return new AudienceTarget(kind, id, null);
    }

    public static AudienceTarget staircase(long buildingId, String staircase) {
        return new AudienceTarget(Kind.STAIRCASE, buildingId, staircase);
    }

    /** {@code BUILDING:12}, {@code STAIRCASE:12:B}: for logs and audit entries. */
    @Override
    public String toString() {
        return kind.name().toUpperCase(Locale.ROOT) + ":" + id + (staircase == null ? "" : ":" + staircase);
    }
}
