package org.domus.web.components;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A place on a {@link DomusMap}, drawn as a filled circle.
 *
 * @param id reported by the map's marker click listener; unique on one map
 * @param lat latitude in degrees, -90..90
 * @param lon longitude in degrees, -180..180
 * @param label shown as the marker's tooltip and read by screen readers; may be empty
 * @param kind a short lower-case token such as {@code ticket} or {@code building}: the marker's CSS class
 *     is {@code domus-map-marker-<kind>}
 * @param colour the fill colour, {@code #rgb} or {@code #rrggbb}
 */
public record MapMarker(String id, double lat, double lon, String label, String kind, String colour) {

    private static final Pattern KIND = Pattern.compile("[a-z0-9-]{1,40}");
    private static final Pattern COLOUR = Pattern.compile("#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})");

    public MapMarker {
        Objects.requireNonNull(id, "id");
        label = label == null ? "" : label;
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(colour, "colour");
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("Not a place on Earth: " + lat + ", " + lon);
        }
        if (!KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("A marker kind is a lower-case token: " + kind);
        }
        if (!COLOUR.matcher(colour).matches()) {
            throw new IllegalArgumentException("A marker colour is #rgb or #rrggbb: " + colour);
        }
    }
}
