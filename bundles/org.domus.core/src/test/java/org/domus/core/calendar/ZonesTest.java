package org.domus.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ZonesTest {

    @Test
    void everyKnownCountryHasItsCapitalsZone() {
        Map<String, String> expected = Map.of(
                "CZ", "Europe/Prague",
                "SK", "Europe/Bratislava",
                "PL", "Europe/Warsaw",
                "RO", "Europe/Bucharest",
                "DE", "Europe/Berlin",
                "AT", "Europe/Vienna",
                "HU", "Europe/Budapest");
        expected.forEach((country, zone) -> assertEquals(Optional.of(ZoneId.of(zone)), Zones.ofCountry(country)));
    }

    @Test
    void countryCodeIsCaseInsensitiveAndMayCarryBlanks() {
        assertEquals(Optional.of(ZoneId.of("Europe/Warsaw")), Zones.ofCountry("pl"));
        assertEquals(Optional.of(ZoneId.of("Europe/Bucharest")), Zones.ofCountry(" Ro "));
    }

    @Test
    void unknownBlankOrMissingCountryHasNoZone() {
        assertEquals(Optional.empty(), Zones.ofCountry("FR"));
        assertEquals(Optional.empty(), Zones.ofCountry(""));
        assertEquals(Optional.empty(), Zones.ofCountry(null));
    }

    @Test
    void fallbackIsUsedOnlyForAnUnknownCountry() {
        assertEquals(ZoneId.of("Europe/Prague"), Zones.ofCountry("CZ", ZoneOffset.UTC));
        assertEquals(ZoneOffset.UTC, Zones.ofCountry("US", ZoneOffset.UTC));
        assertEquals(ZoneId.of("UTC"), Zones.ofCountry(null, ZoneId.of("UTC")));
    }
}
