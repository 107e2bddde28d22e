package org.domus.demo.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;

/**
 * Housing estates in Czech, Polish and Romanian cities: real street names of each district, postcodes in
 * the country's format and the district's rough position, so that maps and address forms look real.
 */
final class Places {

    /** A district where a demo organisation has an estate. */
    record District(
            String country,
            String currency,
            String city,
            String name,
            List<String> streets,
            List<String> postcodes,
            double latitude,
            double longitude) {

        /** A house number as written in the country: {@code 1024/7} (CZ), {@code 12A} (PL), {@code 15} (RO). */
        String houseNumber(int ordinal, Random random) {
            int orientation = 1 + ordinal * 2 + random.nextInt(2);
            return switch (country) {
                case "CZ" -> (1100 + random.nextInt(900)) + "/" + orientation;
                case "PL" -> orientation + (random.nextInt(5) == 0 ? "A" : "");
                default -> Integer.toString(orientation);
            };
        }

        /** A position within about a kilometre of the district's centre (six decimals, as stored). */
        BigDecimal[] position(Random random) {
            return new BigDecimal[] {
                BigDecimal.valueOf(latitude + (random.nextDouble() - 0.5) * 0.018)
                        .setScale(6, RoundingMode.HALF_UP),
                BigDecimal.valueOf(longitude + (random.nextDouble() - 0.5) * 0.026)
                        .setScale(6, RoundingMode.HALF_UP)
            };
        }
    }

    /**
     * By city, in the order estates are opened: each demo organisation has its estates in the districts of its
     * own city.
     */
    static final List<District> DISTRICTS = List.of(
            new District(
                    "CZ",
                    "CZK",
                    "Praha",
                    "Jižní Město",
                    List.of(
                            "Opatovská",
                            "Hviezdoslavova",
                            "Mírového hnutí",
                            "Brandlova",
                            "Láskova",
                            "Hráského",
                            "Kupeckého",
                            "Modletická"),
                    List.of("149 00", "148 00"),
                    50.0310,
                    14.5210),
            new District(
                    "PL",
                    "PLN",
                    "Kraków",
                    "Nowa Huta",
                    List.of(
                            "ul. Bieńczycka",
                            "ul. Kocmyrzowska",
                            "ul. Stanisława Mierzwy",
                            "ul. Ujastek",
                            "ul. Fatimska",
                            "al. Róż",
                            "ul. Bulwarowa",
                            "ul. Mogilska"),
                    List.of("31-931", "31-869", "31-956", "31-834"),
                    50.0720,
                    20.0370),
            new District(
                    "RO",
                    "RON",
                    "Cluj-Napoca",
                    "Mănăștur",
                    List.of(
                            "Strada Primăverii",
                            "Calea Florești",
                            "Strada Mehedinți",
                            "Strada Bucegi",
                            "Strada Parângului",
                            "Strada Govora",
                            "Strada Izlazului",
                            "Strada Gârbăului"),
                    List.of("400664", "400663", "400639", "400658"),
                    46.7550,
                    23.5480),
            new District(
                    "CZ",
                    "CZK",
                    "Praha",
                    "Prosek",
                    List.of(
                            "Vysočanská",
                            "Litvínovská",
                            "Měšická",
                            "Jablonecká",
                            "Lovosická",
                            "Bratrská",
                            "Veltruská",
                            "Vašátkova"),
                    List.of("190 00", "198 00"),
                    50.1200,
                    14.5010),
            new District(
                    "PL",
                    "PLN",
                    "Kraków",
                    "Prądnik Czerwony",
                    List.of(
                            "ul. Dobrego Pasterza",
                            "ul. Powstańców",
                            "ul. Marchewkowa",
                            "ul. Strzelców",
                            "ul. Słonecznikowa",
                            "ul. Reduta",
                            "ul. Kazimierza Wielkiego",
                            "ul. Majora"),
                    List.of("31-416", "31-422", "31-431", "31-455"),
                    50.0880,
                    19.9770),
            new District(
                    "RO",
                    "RON",
                    "Cluj-Napoca",
                    "Gheorgheni",
                    List.of(
                            "Strada Alverna",
                            "Strada Brâncuși",
                            "Strada Detunata",
                            "Strada Titulescu",
                            "Strada Băișoara",
                            "Strada Livezii",
                            "Bulevardul 21 Decembrie",
                            "Strada Teodor Mihali"),
                    List.of("400609", "400394", "400604", "400620"),
                    46.7710,
                    23.6240));

    private Places() {}
}
