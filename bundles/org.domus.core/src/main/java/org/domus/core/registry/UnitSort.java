package org.domus.core.registry;

import java.util.Locale;
import java.util.Objects;

/**
 * The order of the unit list. Every order ends with the address order (street, house number, unit number), so
 * that pages are stable.
 *
 * @param key what to sort by
 * @param descending largest first
 */
public record UnitSort(Key key, boolean descending) {

    /** What the unit list can be sorted by. */
    public enum Key {
        /** Street, house number, unit number: the list's natural order. */
        ADDRESS,
        NUMBER,
        KIND,
        FLOOR,
        AREA,
        STATE
    }

    /** The natural order. */
    public static final UnitSort ADDRESS = new UnitSort(Key.ADDRESS, false);

    public UnitSort {
        Objects.requireNonNull(key, "key");
    }

    /**
     * Parses {@code area}, {@code -area} (descending), {@code address}...; case ignored.
     *
     * @throws IllegalArgumentException for an unknown key
     */
    public static UnitSort parse(String text) {
        if (text == null || text.isBlank()) {
            return ADDRESS;
        }
        String t = text.strip();
        boolean descending = t.startsWith("-");
        String name = descending || t.startsWith("+") ? t.substring(1) : t;
        return new UnitSort(Key.valueOf(name.toUpperCase(Locale.ROOT)), descending);
    }

    /** The text {@link #parse} reads back. */
    @Override
    public String toString() {
        return (descending ? "-" : "") + key.name().toLowerCase(Locale.ROOT);
    }
}
