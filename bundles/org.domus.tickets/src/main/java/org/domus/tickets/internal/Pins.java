package org.domus.tickets.internal;

import java.math.BigDecimal;
import org.domus.core.DomusException;
import org.domus.core.DomusException.Kind;
import org.domus.core.registry.Building;

/** A ticket's location pin: both coordinates or none, in range, near the building when it has coordinates. */
final class Pins {

    private static final double EARTH_RADIUS_METRES = 6_371_000;

    private Pins() {}

    static void check(BigDecimal latitude, BigDecimal longitude, Building building, int radiusMetres) {
        if (latitude == null && longitude == null) {
            return;
        }
        if (latitude == null
                || longitude == null
                || latitude.abs().compareTo(BigDecimal.valueOf(90)) > 0
                || longitude.abs().compareTo(BigDecimal.valueOf(180)) > 0) {
            throw new DomusException(Kind.INVALID, "tickets.pin.invalid");
        }
        if (building != null && building.latitude() != null && building.longitude() != null) {
            double d = metres(
                    latitude.doubleValue(),
                    longitude.doubleValue(),
                    building.latitude().doubleValue(),
                    building.longitude().doubleValue());
            if (d > radiusMetres) {
                throw new DomusException(Kind.INVALID, "tickets.pin.too-far", radiusMetres);
            }
        }
    }

    /** Great-circle distance (haversine). */
    static double metres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1))
                        * Math.cos(Math.toRadians(lat2))
                        * Math.sin(dLon / 2)
                        * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
