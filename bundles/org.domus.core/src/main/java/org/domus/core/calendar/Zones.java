package org.domus.core.calendar;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The time zone of an organisation by its country. An organisation's dates (today, a deadline's day, opening
 * hours) are counted in this zone, so every module asks here rather than keeping its own table.
 *
 * <p>Countries with one zone are known here: Czechia (CZ), Slovakia (SK), Poland (PL), Romania (RO), Germany
 * (DE), Austria (AT) and Hungary (HU). For any other country there is no answer, and the caller chooses its own
 * fallback (typically UTC or the server's zone), as it knows what the date is used for.
 */
public final class Zones {

    private static final Map<String, ZoneId> BY_COUNTRY = Map.of(
            "CZ", ZoneId.of("Europe/Prague"),
            "SK", ZoneId.of("Europe/Bratislava"),
            "PL", ZoneId.of("Europe/Warsaw"),
            "RO", ZoneId.of("Europe/Bucharest"),
            "DE", ZoneId.of("Europe/Berlin"),
            "AT", ZoneId.of("Europe/Vienna"),
            "HU", ZoneId.of("Europe/Budapest"));

    private Zones() {}

    /**
     * The zone of a country by its ISO 3166-1 alpha-2 code (case-insensitive, surrounding blanks ignored); empty
     * for a null, blank or unknown code.
     */
    public static Optional<ZoneId> ofCountry(String isoCountry) {
        if (isoCountry == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_COUNTRY.get(isoCountry.strip().toUpperCase(Locale.ROOT)));
    }

    /** The zone of a country as {@link #ofCountry(String)}, or {@code fallback} when the country is not known. */
    public static ZoneId ofCountry(String isoCountry, ZoneId fallback) {
        return ofCountry(isoCountry).orElse(fallback);
    }
}
