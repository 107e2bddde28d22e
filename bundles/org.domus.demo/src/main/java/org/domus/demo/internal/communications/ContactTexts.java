package org.domus.demo.internal.communications;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import org.domus.communications.EmergencyKind;
import org.domus.communications.OpeningHours;

/**
 * The demo's contact directory texts of each country: the office with its usual hours, the public role labels of
 * staff, the distributors' emergency lines (the national fault numbers where a country has them) and lift
 * companies working there. Company names are those of real distributors and lift firms; the lift firms' numbers
 * and the staff's are made up in the national format.
 */
final class ContactTexts {

    /** An emergency line for the whole organisation. */
    record Line(EmergencyKind kind, String company, String phone, String note) {}

    /**
     * One country's texts.
     *
     * @param office the office's name
     * @param hours its weekly hours
     * @param note the office's note
     * @param manager the organisation manager's role label
     * @param accountant the accountant's
     * @param estateManager an estate manager's
     * @param technician a building technician's
     * @param lines emergency lines for the organisation
     * @param liftCompanies lift firms, one per building in turn
     * @param liftNote the lift line's note
     * @param mobilePrefix the staff's mobile numbers start so, followed by 8 digits
     * @param liftPrefix the lift firms' numbers start so, followed by 6 digits
     * @param mailDomain the organisation's e-mail domain
     */
    record Country(
            String office,
            List<OpeningHours> hours,
            String note,
            String manager,
            String accountant,
            String estateManager,
            String technician,
            List<Line> lines,
            List<String> liftCompanies,
            String liftNote,
            String mobilePrefix,
            String liftPrefix,
            String mailDomain) {}

    private ContactTexts() {}

    private static OpeningHours h(DayOfWeek day, String from, String to) {
        return new OpeningHours(day, from, to);
    }

    static final Map<String, Country> COUNTRIES = Map.of(
            "CZ",
            new Country(
                    "Kancelář družstva",
                    List.of(
                            h(DayOfWeek.MONDAY, "08:00", "12:00"),
                            h(DayOfWeek.MONDAY, "13:00", "17:00"),
                            h(DayOfWeek.TUESDAY, "08:00", "12:00"),
                            h(DayOfWeek.WEDNESDAY, "08:00", "12:00"),
                            h(DayOfWeek.WEDNESDAY, "13:00", "18:00"),
                            h(DayOfWeek.THURSDAY, "08:00", "12:00"),
                            h(DayOfWeek.FRIDAY, "08:00", "11:00")),
                    "Úřední dny pondělí a středa; v ostatní dny po telefonické domluvě.",
                    "Správce domů",
                    "Účetní (předpisy a platby)",
                    "Technik sídliště",
                    "Domovník",
                    List.of(
                            new Line(EmergencyKind.GAS, "GasNet Služby – poruchová služba plynu", "1239", "nonstop"),
                            new Line(
                                    EmergencyKind.ELECTRICITY,
                                    "PREdistribuce – poruchová linka",
                                    "+420 224 915 151",
                                    "nonstop"),
                            new Line(
                                    EmergencyKind.WATER,
                                    "Pražské vodovody a kanalizace – dispečink",
                                    "+420 840 111 112",
                                    "nonstop"),
                            new Line(
                                    EmergencyKind.HEATING,
                                    "Pražská teplárenská – havarijní služba",
                                    "+420 266 751 111",
                                    "nonstop")),
                    List.of("Schindler CZ – servis výtahů", "OTIS – výtahová pohotovost", "KONE – výtahová služba"),
                    "vyproštění osob nonstop",
                    "+420 7",
                    "+420 800 ",
                    "sbd-domus-demo.cz"),
            "PL",
            new Country(
                    "Biuro obsługi mieszkańców",
                    List.of(
                            h(DayOfWeek.MONDAY, "10:00", "18:00"),
                            h(DayOfWeek.TUESDAY, "07:30", "15:30"),
                            h(DayOfWeek.WEDNESDAY, "07:30", "15:30"),
                            h(DayOfWeek.THURSDAY, "07:30", "15:30"),
                            h(DayOfWeek.FRIDAY, "07:30", "13:30")),
                    "Kasa czynna do godziny przed zamknięciem biura.",
                    "Administrator budynków",
                    "Księgowa (opłaty i rozliczenia)",
                    "Kierownik administracji osiedla",
                    "Konserwator",
                    List.of(
                            new Line(EmergencyKind.GAS, "Pogotowie gazowe – PSG", "992", "całodobowo"),
                            new Line(
                                    EmergencyKind.ELECTRICITY,
                                    "Pogotowie energetyczne – TAURON Dystrybucja",
                                    "991",
                                    "całodobowo"),
                            new Line(
                                    EmergencyKind.WATER,
                                    "Wodociągi Miasta Krakowa – pogotowie wodociągowe",
                                    "994",
                                    "całodobowo"),
                            new Line(
                                    EmergencyKind.HEATING,
                                    "MPEC Kraków – pogotowie ciepłownicze",
                                    "993",
                                    "całodobowo")),
                    List.of("KONE – serwis dźwigów", "Schindler Polska – pogotowie dźwigowe", "OTIS – serwis wind"),
                    "uwalnianie osób całodobowo",
                    "+48 6",
                    "+48 800 ",
                    "sm-domus-demo.pl"),
            "RO",
            new Country(
                    "Biroul administratorului",
                    List.of(
                            h(DayOfWeek.TUESDAY, "17:00", "19:30"),
                            h(DayOfWeek.THURSDAY, "17:00", "19:30"),
                            h(DayOfWeek.SATURDAY, "10:00", "12:00")),
                    "Plata întreținerii se face la casierie în programul biroului.",
                    "Administrator imobil",
                    "Contabil (întreținere și plăți)",
                    "Administrator ansamblu",
                    "Tehnician întreținere",
                    List.of(
                            new Line(
                                    EmergencyKind.GAS,
                                    "Delgaz Grid – urgențe gaze naturale",
                                    "0800 800 928",
                                    "non-stop"),
                            new Line(
                                    EmergencyKind.ELECTRICITY,
                                    "Distribuție Energie Electrică Romania – deranjamente",
                                    "0800 500 929",
                                    "non-stop"),
                            new Line(
                                    EmergencyKind.WATER,
                                    "Compania de Apă Someș – dispecerat",
                                    "+40 264 430 002",
                                    "non-stop")),
                    List.of("Schindler România – intervenții lifturi", "KONE România – service lifturi"),
                    "deblocare persoane non-stop",
                    "+40 7",
                    "+40 800 ",
                    "asociatia-domus-demo.ro"));
}
