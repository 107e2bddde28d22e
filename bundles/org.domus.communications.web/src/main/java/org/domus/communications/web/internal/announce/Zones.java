package org.domus.communications.web.internal.announce;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

/** The organisation's time zone by its country: the editor's times and the feed's dates are shown in it. */
final class Zones {

    private static final Map<String, String> ZONES =
            Map.of("CZ", "Europe/Prague", "SK", "Europe/Bratislava", "PL", "Europe/Warsaw", "RO", "Europe/Bucharest");

    private Zones() {}

    static ZoneId of(String country) {
        String zone = country == null ? null : ZONES.get(country.toUpperCase(Locale.ROOT));
        return zone == null ? ZoneOffset.UTC : ZoneId.of(zone);
    }
}
