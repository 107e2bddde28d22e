package org.domus.demo.internal.communications;

import java.util.Map;

/**
 * The demo's announcements and the demo resident's message threads in each country's language. {@code {0}} is
 * a date ({@code dd.MM.yyyy}), {@code {1}} a building's address.
 */
final class NewsTexts {

    /**
     * One country's texts.
     *
     * @param shutOffTitle the urgent water shut-off of one building
     * @param shutOffBody its body (HTML): {0} the day, {1} the building
     * @param meetingTitle the general meeting's notice to the organisation
     * @param meetingBody its body (HTML): {0} the day
     * @param cleaningTitle the expired announcement (the spring clean-up's containers)
     * @param cleaningBody its body (HTML)
     * @param ledgerSubject the resident's question about the yearly statement
     * @param ledgerText its first message
     * @param ledgerAnswer the accountant's answer
     * @param repairSubject the resident's repair request
     * @param repairText its first message
     * @param repairAnswer the manager's answer
     */
    record Country(
            String shutOffTitle,
            String shutOffBody,
            String meetingTitle,
            String meetingBody,
            String cleaningTitle,
            String cleaningBody,
            String ledgerSubject,
            String ledgerText,
            String ledgerAnswer,
            String repairSubject,
            String repairText,
            String repairAnswer) {}

    private NewsTexts() {}

    static final Map<String, Country> COUNTRIES = Map.of(
            "CZ",
            new Country(
                    "Odstávka vody {0} od 8:00 do 14:00",
                    "<p>Vážení obyvatelé domu {1},</p><p>z důvodu výměny hlavního uzávěru vody bude <b>{0} od 8:00"
                            + " do 14:00</b> přerušena dodávka studené i teplé vody. Natočte si prosím vodu do"
                            + " zásoby a během odstávky nenechávejte otevřené kohoutky.</p><p>Děkujeme za"
                            + " pochopení.</p>",
                    "Pozvánka na shromáždění delegátů {0}",
                    "<p>Představenstvo družstva svolává <b>shromáždění delegátů na {0} v 18:00</b> do zasedací"
                            + " místnosti družstva.</p><ul><li>Schválení účetní závěrky</li><li>Plán oprav na"
                            + " příští rok</li><li>Různé</li></ul><p>Podklady jsou k nahlédnutí v kanceláři"
                            + " družstva.</p>",
                    "Jarní úklid: velkoobjemové kontejnery",
                    "<p>Velkoobjemové kontejnery byly přistaveny u všech domů. Děkujeme všem, kdo se zapojili.</p>",
                    "Dotaz k vyúčtování záloh",
                    "Dobrý den, ve vyúčtování záloh za služby mi vychází nedoplatek za teplou vodu, i když jsme"
                            + " byli dva měsíce pryč. Můžete mi prosím poslat odečty vodoměrů?",
                    "Dobrý den, odečty vodoměrů Vám posíláme v příloze vyúčtování v kanceláři; nedoplatek vznikl"
                            + " změnou ceny tepla od dubna. Rádi Vám vše vysvětlíme v úředních hodinách.",
                    "Kape kohoutek v koupelně",
                    "Dobrý den, v koupelně nám už týden kape kohoutek u umyvadla. Můžete poslat instalatéra?"
                            + " Doma jsme odpoledne po 15. hodině.",
                    "Dobrý den, domovník se u Vás zastaví ve čtvrtek po 15:00 a těsnění vymění."),
            "PL",
            new Country(
                    "Przerwa w dostawie wody {0} w godz. 8:00–14:00",
                    "<p>Szanowni Mieszkańcy budynku {1},</p><p>w związku z wymianą głównego zaworu <b>{0} w"
                            + " godz. 8:00–14:00</b> nastąpi przerwa w dostawie zimnej i ciepłej wody. Prosimy o"
                            + " zrobienie zapasu wody.</p><p>Przepraszamy za utrudnienia.</p>",
                    "Zawiadomienie o Walnym Zgromadzeniu {0}",
                    "<p>Zarząd Spółdzielni zwołuje <b>Walne Zgromadzenie Członków na {0} o godz. 18:00</b> w"
                            + " świetlicy osiedlowej.</p><ul><li>Sprawozdanie finansowe</li><li>Plan remontów"
                            + "</li><li>Wolne wnioski</li></ul>",
                    "Wiosenne sprzątanie: kontenery na odpady wielkogabarytowe",
                    "<p>Kontenery na odpady wielkogabarytowe stały przy wszystkich budynkach. Dziękujemy!</p>",
                    "Pytanie o rozliczenie zaliczek",
                    "Dzień dobry, w rozliczeniu mam niedopłatę za ciepłą wodę. Proszę o odczyty wodomierzy.",
                    "Dzień dobry, odczyty przesyłamy w załączniku rozliczenia; niedopłata wynika ze zmiany"
                            + " ceny ciepła.",
                    "Cieknący kran w łazience",
                    "Dzień dobry, od tygodnia cieknie kran przy umywalce. Czy może przyjść konserwator?",
                    "Dzień dobry, konserwator przyjdzie w czwartek po godzinie 15:00."),
            "RO",
            new Country(
                    "Oprirea apei pe {0} între orele 8:00 și 14:00",
                    "<p>Stimați locatari ai blocului {1},</p><p>din cauza înlocuirii robinetului principal,"
                            + " <b>pe {0} între orele 8:00 și 14:00</b> se va opri furnizarea apei reci și"
                            + " calde. Vă rugăm să vă faceți o rezervă de apă.</p>",
                    "Convocarea adunării generale {0}",
                    "<p>Comitetul executiv convoacă <b>adunarea generală a asociației pe {0} la ora 18:00</b>"
                            + " la sediul asociației.</p><ul><li>Aprobarea bugetului</li><li>Lucrări de"
                            + " reparații</li><li>Diverse</li></ul>",
                    "Curățenia de primăvară: containere pentru deșeuri voluminoase",
                    "<p>Containerele pentru deșeuri voluminoase au fost amplasate la toate blocurile.</p>",
                    "Întrebare despre lista de întreținere",
                    "Bună ziua, pe lista de întreținere am o diferență la apa caldă. Îmi puteți trimite indexurile?",
                    "Bună ziua, indexurile sunt afișate la avizier; diferența vine din noul preț al gigacaloriei.",
                    "Robinet care picură în baie",
                    "Bună ziua, robinetul de la chiuvetă picură de o săptămână. Poate veni un instalator?",
                    "Bună ziua, tehnicianul vine joi după ora 15:00."));
}
