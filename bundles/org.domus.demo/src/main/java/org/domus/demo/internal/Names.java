package org.domus.demo.internal;

import java.util.List;
import java.util.Random;

/** Common given names and surnames per country, with the feminine surname forms each language uses. */
final class Names {

    record Name(String first, String last) {}

    private static final List<String> CZ_MEN = List.of(
            "Jan",
            "Petr",
            "Josef",
            "Pavel",
            "Martin",
            "Tomáš",
            "Jaroslav",
            "Miroslav",
            "Jiří",
            "Lukáš",
            "Zdeněk",
            "Václav",
            "Michal",
            "David",
            "Ondřej");
    private static final List<String> CZ_WOMEN = List.of(
            "Jana",
            "Marie",
            "Eva",
            "Hana",
            "Anna",
            "Lenka",
            "Kateřina",
            "Lucie",
            "Věra",
            "Alena",
            "Petra",
            "Veronika",
            "Martina",
            "Tereza",
            "Zuzana");
    /** Masculine form and feminine form. */
    private static final List<String[]> CZ_SURNAMES = List.of(
            new String[] {"Novák", "Nováková"},
            new String[] {"Svoboda", "Svobodová"},
            new String[] {"Novotný", "Novotná"},
            new String[] {"Dvořák", "Dvořáková"},
            new String[] {"Černý", "Černá"},
            new String[] {"Procházka", "Procházková"},
            new String[] {"Kučera", "Kučerová"},
            new String[] {"Veselý", "Veselá"},
            new String[] {"Horák", "Horáková"},
            new String[] {"Němec", "Němcová"},
            new String[] {"Pokorný", "Pokorná"},
            new String[] {"Marek", "Marková"},
            new String[] {"Pospíšil", "Pospíšilová"},
            new String[] {"Hájek", "Hájková"},
            new String[] {"Král", "Králová"},
            new String[] {"Jelínek", "Jelínková"},
            new String[] {"Růžička", "Růžičková"},
            new String[] {"Beneš", "Benešová"});

    private static final List<String> PL_MEN = List.of(
            "Piotr",
            "Krzysztof",
            "Andrzej",
            "Tomasz",
            "Paweł",
            "Michał",
            "Marcin",
            "Jakub",
            "Adam",
            "Łukasz",
            "Grzegorz",
            "Wojciech",
            "Mateusz",
            "Zbigniew",
            "Jerzy");
    private static final List<String> PL_WOMEN = List.of(
            "Anna",
            "Katarzyna",
            "Maria",
            "Małgorzata",
            "Agnieszka",
            "Barbara",
            "Ewa",
            "Magdalena",
            "Elżbieta",
            "Joanna",
            "Aleksandra",
            "Zofia",
            "Monika",
            "Dorota",
            "Beata");
    private static final List<String[]> PL_SURNAMES = List.of(
            new String[] {"Nowak", "Nowak"},
            new String[] {"Kowalski", "Kowalska"},
            new String[] {"Wiśniewski", "Wiśniewska"},
            new String[] {"Wójcik", "Wójcik"},
            new String[] {"Kowalczyk", "Kowalczyk"},
            new String[] {"Kamiński", "Kamińska"},
            new String[] {"Lewandowski", "Lewandowska"},
            new String[] {"Zieliński", "Zielińska"},
            new String[] {"Szymański", "Szymańska"},
            new String[] {"Woźniak", "Woźniak"},
            new String[] {"Dąbrowski", "Dąbrowska"},
            new String[] {"Kozłowski", "Kozłowska"},
            new String[] {"Jankowski", "Jankowska"},
            new String[] {"Mazur", "Mazur"},
            new String[] {"Krawczyk", "Krawczyk"},
            new String[] {"Piotrowski", "Piotrowska"},
            new String[] {"Grabowski", "Grabowska"},
            new String[] {"Pawłowski", "Pawłowska"});
    private static final List<String> RO_MEN = List.of(
            "Andrei",
            "Alexandru",
            "Ion",
            "Mihai",
            "Gheorghe",
            "Constantin",
            "Vasile",
            "Adrian",
            "Florin",
            "Ștefan",
            "Cristian",
            "Dan",
            "Radu",
            "Bogdan",
            "Ioan");
    private static final List<String> RO_WOMEN = List.of(
            "Maria",
            "Elena",
            "Ioana",
            "Ana",
            "Mihaela",
            "Andreea",
            "Cristina",
            "Gabriela",
            "Daniela",
            "Alexandra",
            "Georgeta",
            "Florentina",
            "Ramona",
            "Simona",
            "Raluca");
    private static final List<String> RO_SURNAMES = List.of(
            "Popescu",
            "Ionescu",
            "Popa",
            "Pop",
            "Constantin",
            "Stan",
            "Dumitru",
            "Stoica",
            "Gheorghe",
            "Rusu",
            "Munteanu",
            "Matei",
            "Lungu",
            "Moldovan",
            "Mureșan",
            "Ardelean",
            "Bălan",
            "Ciobanu");

    private Names() {}

    /** A random natural person's name of the country; {@code woman} chooses the surname's form too. */
    static Name person(String country, boolean woman, Random random) {
        return switch (country) {
            case "CZ" -> new Name(pick(woman ? CZ_WOMEN : CZ_MEN, random), pick(CZ_SURNAMES, random)[woman ? 1 : 0]);
            case "PL" -> new Name(pick(woman ? PL_WOMEN : PL_MEN, random), pick(PL_SURNAMES, random)[woman ? 1 : 0]);
            default -> new Name(pick(woman ? RO_WOMEN : RO_MEN, random), pick(RO_SURNAMES, random));
        };
    }

    /** A partner's name: same surname in its feminine or masculine form. */
    static Name partner(String country, Name of, boolean woman, Random random) {
        String last = of.last();
        List<String[]> forms = "CZ".equals(country) ? CZ_SURNAMES : "PL".equals(country) ? PL_SURNAMES : List.of();
        for (String[] f : forms) {
            if (f[0].equals(last) || f[1].equals(last)) {
                last = f[woman ? 1 : 0];
            }
        }
        List<String> firsts =
                switch (country) {
                    case "CZ" -> woman ? CZ_WOMEN : CZ_MEN;
                    case "PL" -> woman ? PL_WOMEN : PL_MEN;
                    default -> woman ? RO_WOMEN : RO_MEN;
                };
        return new Name(pick(firsts, random), last);
    }

    private static final List<String> CZ_FIRMS =
            List.of("Pekařství", "Lékárna", "Kadeřnictví", "Večerka", "Papírnictví", "Květinářství", "Optika");
    private static final List<String> PL_FIRMS =
            List.of("Piekarnia", "Apteka", "Salon fryzjerski", "Sklep spożywczy", "Kwiaciarnia", "Optyk");
    private static final List<String> RO_FIRMS =
            List.of("Brutăria", "Farmacia", "Salon", "Magazin alimentar", "Florăria", "Optica");

    /** A small local business with the country's company form. */
    static String company(String country, Random random) {
        return switch (country) {
            case "CZ" -> pick(CZ_FIRMS, random) + " " + pick(CZ_SURNAMES, random)[0] + " s.r.o.";
            case "PL" -> pick(PL_FIRMS, random) + " " + pick(PL_SURNAMES, random)[0] + " sp. z o.o.";
            default -> pick(RO_FIRMS, random) + " " + pick(RO_SURNAMES, random) + " S.R.L.";
        };
    }

    /** Plain ASCII for e-mail addresses. */
    static String ascii(String s) {
        String n = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace("ł", "l")
                .replace("Ł", "L");
        return n.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
    }

    static <T> T pick(List<T> list, Random random) {
        return list.get(random.nextInt(list.size()));
    }
}
