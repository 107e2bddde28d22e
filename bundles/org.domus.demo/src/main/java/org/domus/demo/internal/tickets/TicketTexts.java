package org.domus.demo.internal.tickets;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.domus.tickets.TicketArea;

/**
 * What the demo's tickets are about, in each demo organisation's language: categories by trade group, the
 * contractor companies serving them with their workers, and the problems residents report (title, description,
 * where), the reasons and notes the office and the contractors write.
 */
final class TicketTexts {

    private TicketTexts() {}

    /** A category of one country: its code (the same in every country), local name and trade group. */
    record CategoryText(String code, String name, String group) {}

    /** A contractor company of one country, the groups it serves and its workers without an account. */
    record CompanyText(String name, String registration, String phone, Set<String> groups, List<String> workers) {}

    /** A reported problem of a trade group: short title, what the requester wrote, where it is. */
    record Problem(String group, String title, String description, TicketArea area) {}

    static final List<String> GROUPS =
            List.of("lifts", "plumbing", "electrical", "heating", "cleaning", "locksmith", "general");

    static final Map<String, List<CategoryText>> CATEGORIES = Map.of(
            "CZ",
            List.of(
                    new CategoryText("LIFT", "Výtah", "lifts"),
                    new CategoryText("WATER", "Voda a kanalizace", "plumbing"),
                    new CategoryText("ELECTRIC", "Elektroinstalace a osvětlení", "electrical"),
                    new CategoryText("HEATING", "Topení", "heating"),
                    new CategoryText("CLEANING", "Úklid společných prostor", "cleaning"),
                    new CategoryText("LOCKS", "Zámky, dveře a zvonky", "locksmith"),
                    new CategoryText("OTHER", "Ostatní", "general")),
            "PL",
            List.of(
                    new CategoryText("LIFT", "Winda", "lifts"),
                    new CategoryText("WATER", "Instalacja wodno-kanalizacyjna", "plumbing"),
                    new CategoryText("ELECTRIC", "Instalacja elektryczna i oświetlenie", "electrical"),
                    new CategoryText("HEATING", "Ogrzewanie", "heating"),
                    new CategoryText("CLEANING", "Sprzątanie części wspólnych", "cleaning"),
                    new CategoryText("LOCKS", "Zamki, drzwi i domofony", "locksmith"),
                    new CategoryText("OTHER", "Inne", "general")),
            "RO",
            List.of(
                    new CategoryText("LIFT", "Lift", "lifts"),
                    new CategoryText("WATER", "Apă și canalizare", "plumbing"),
                    new CategoryText("ELECTRIC", "Instalație electrică și iluminat", "electrical"),
                    new CategoryText("HEATING", "Încălzire", "heating"),
                    new CategoryText("CLEANING", "Curățenie în spațiile comune", "cleaning"),
                    new CategoryText("LOCKS", "Încuietori, uși și interfoane", "locksmith"),
                    new CategoryText("OTHER", "Altele", "general")));

    /**
     * The companies of each country: a lift service, a plumbing and heating firm and the organisation's own
     * maintenance team (whose workers are the demo's technicians and, in the Czech cooperative, the contractor).
     */
    static final Map<String, List<CompanyText>> COMPANIES = Map.of(
            "CZ",
            List.of(
                    new CompanyText(
                            "Výtahy Vltava s.r.o.",
                            "27183456",
                            "+420 224 310 455",
                            Set.of("lifts"),
                            List.of("Pavel Horák", "Jiří Kučera")),
                    new CompanyText(
                            "Instalatérství Dvořák s.r.o.",
                            "04512377",
                            "+420 603 118 902",
                            Set.of("plumbing", "heating"),
                            List.of("Martin Dvořák", "Lukáš Procházka")),
                    new CompanyText(
                            "Technická služba družstva",
                            null,
                            "+420 222 515 100",
                            Set.of("electrical", "cleaning", "locksmith", "general"),
                            List.of("Tomáš Veselý"))),
            "PL",
            List.of(
                    new CompanyText(
                            "Dźwigi Wisła sp. z o.o.",
                            "6762451190",
                            "+48 12 411 52 30",
                            Set.of("lifts"),
                            List.of("Krzysztof Wójcik", "Marek Kaczmarek")),
                    new CompanyText(
                            "Hydro-Term Kowalski sp. j.",
                            "6793018455",
                            "+48 601 228 417",
                            Set.of("plumbing", "heating"),
                            List.of("Andrzej Kowalski", "Tomasz Zieliński")),
                    new CompanyText(
                            "Służba techniczna spółdzielni",
                            null,
                            "+48 12 644 10 20",
                            Set.of("electrical", "cleaning", "locksmith", "general"),
                            List.of("Paweł Szymański"))),
            "RO",
            List.of(
                    new CompanyText(
                            "Ascensoare Carpați SRL",
                            "RO18236541",
                            "+40 264 431 220",
                            Set.of("lifts"),
                            List.of("Mihai Popa", "Vasile Rusu")),
                    new CompanyText(
                            "Instal-Termo Popescu SRL",
                            "RO30914472",
                            "+40 744 512 308",
                            Set.of("plumbing", "heating"),
                            List.of("Ion Popescu", "Florin Moldovan")),
                    new CompanyText(
                            "Echipa tehnică a asociației",
                            null,
                            "+40 264 590 115",
                            Set.of("electrical", "cleaning", "locksmith", "general"),
                            List.of("Gheorghe Stan"))));

    static final Map<String, List<Problem>> PROBLEMS = Map.of(
            "CZ",
            List.of(
                    new Problem(
                            "lifts",
                            "Výtah stojí mezi patry",
                            "Výtah se zastavil mezi 3. a 4. patrem a nereaguje na tlačítka. Nikdo uvnitř nebyl.",
                            TicketArea.BUILDING),
                    new Problem(
                            "lifts",
                            "Dveře výtahu se nedovírají",
                            "Vnitřní dveře výtahu se zavřou jen napůl a výtah pak nejede. Stává se to hlavně ráno.",
                            TicketArea.BUILDING),
                    new Problem(
                            "lifts",
                            "Výtah hlasitě skřípe",
                            "Při jízdě do vyšších pater je slyšet hlasité skřípění a výtah sebou cukne.",
                            TicketArea.BUILDING),
                    new Problem(
                            "plumbing",
                            "Kape kohoutek v kuchyni",
                            "Kohoutek dřezu v kuchyni kape i po úplném zavření, za noc nateče plný hrnek.",
                            TicketArea.UNIT),
                    new Problem(
                            "plumbing",
                            "Zatéká do koupelny ze stropu",
                            "Na stropě koupelny je mokrá skvrna, která se zvětšuje; asi teče od sousedů nad námi.",
                            TicketArea.UNIT),
                    new Problem(
                            "plumbing",
                            "Ucpaný odpad ve sklepě",
                            "Ze sklepní vpusti zapáchá a po dešti v ní stojí voda.",
                            TicketArea.COMMON_AREA),
                    new Problem(
                            "electrical",
                            "Nesvítí světlo na schodišti",
                            "Na schodišti ve 2. patře nesvítí světlo, večer je tam úplná tma.",
                            TicketArea.COMMON_AREA),
                    new Problem(
                            "electrical",
                            "Vypadávají jističe v bytě",
                            "Při zapnutí pračky a trouby najednou vypadne jistič; dříve se to nestávalo.",
                            TicketArea.UNIT),
                    new Problem(
                            "electrical",
                            "Nefunguje osvětlení u vchodu",
                            "Lampa nad vchodem do domu nesvítí, pohybové čidlo nereaguje.",
                            TicketArea.BUILDING),
                    new Problem(
                            "heating",
                            "Studený radiátor v obýváku",
                            "Radiátor v obývacím pokoji je studený, ostatní topí. Odvzdušnění nepomohlo.",
                            TicketArea.UNIT),
                    new Problem(
                            "heating",
                            "Netěsní ventil radiátoru",
                            "Z termostatického ventilu radiátoru v ložnici kape voda na podlahu.",
                            TicketArea.UNIT),
                    new Problem(
                            "cleaning",
                            "Neuklizené schodiště",
                            "Schodiště nebylo uklizeno přes dva týdny, v přízemí je rozlité pití.",
                            TicketArea.COMMON_AREA),
                    new Problem(
                            "cleaning",
                            "Přeplněné popelnice",
                            "Kontejnery u domu jsou přeplněné a odpadky leží kolem.",
                            TicketArea.COMMON_AREA),
                    new Problem(
                            "locksmith",
                            "Nezamyká se vchodové dveře",
                            "Zámek vchodových dveří nejde zamknout, dveře zůstávají otevřené i v noci.",
                            TicketArea.BUILDING),
                    new Problem(
                            "locksmith",
                            "Nefunguje zvonek",
                            "Zvonek u vchodu k našemu bytu nezvoní, návštěvy se nemohou dozvonit.",
                            TicketArea.UNIT),
                    new Problem(
                            "general",
                            "Rozbité okno ve sklepě",
                            "Ve sklepě je rozbité okénko, dovnitř fouká a zatéká.",
                            TicketArea.COMMON_AREA),
                    new Problem(
                            "general",
                            "Opadaná omítka v průjezdu",
                            "V průjezdu do dvora opadává omítka ze stropu, kousky padají na chodník.",
                            TicketArea.COMMON_AREA)),
            "PL",
            List.of(
                    new Problem(
                            "lifts",
                            "Winda stoi między piętrami",
                            "Winda zatrzymała się między 3. a 4. piętrem i nie reaguje na przyciski.",
                            TicketArea.BUILDING),
                    new Problem(
                            "lifts",
                            "Drzwi windy się nie domykają",
                            "Drzwi kabiny zamykają się do połowy i winda nie rusza, szczególnie rano.",
                            TicketArea.BUILDING),
                    new Problem(
                            "lifts",
                            "Winda głośno zgrzyta",
                            "Podczas jazdy na wyższe piętra słychać głośne zgrzytanie i kabina szarpie.",
                            TicketArea.BUILDING),
                    new Problem(
                            "plumbing",
                            "Cieknie kran w kuchni",
                            "Kran przy zlewie kapie nawet po zakręceniu, przez noc zbiera się pełny kubek.",
                            TicketArea.UNIT),
                    new Problem(
                            "plumbing",
                            "Przecieka sufit w łazience",
                            "Na suficie łazienki jest mokra plama, która rośnie; chyba cieknie od sąsiadów z góry.",
                            TicketArea.UNIT),
                    new Problem(
                            "plumbing",
                            "Zapchana kanalizacja w piwnicy",
                            "Z kratki w piwnicy czuć nieprzyjemny zapach, po deszczu stoi w niej woda.",
                            TicketArea.COMMON_AREA),
                    new Problem(
                            "electrical",
                            "Nie świeci światło na klatce schodowej",
                            "Na klatce schodowej na 2. piętrze nie świeci światło, wieczorem jest zupełnie ciemno.",
                            TicketArea.COMMON_AREA),
                    new Problem(
                            "electrical",
                            "Wybija bezpieczniki w mieszkaniu",
                            "Po włączeniu pralki i piekarnika jednocześnie wybija bezpiecznik.",
                            TicketArea.UNIT),
                    new Problem(
                            "electrical",
                            "Nie działa oświetlenie przy wejściu",
                            "Lampa nad wejściem do budynku nie świeci, czujnik ruchu nie reaguje.",
                            TicketArea.BUILDING),
                    new Problem(
                            "heating",
                            "Zimny kaloryfer w pokoju",
                            "Kaloryfer w dużym pokoju jest zimny, pozostałe grzeją. Odpowietrzanie nie pomogło.",
                            TicketArea.UNIT),
                    new Problem(
                            "heating",
                            "Cieknie zawór grzejnika",
                            "Z zaworu termostatycznego w sypialni kapie woda na podłogę.",
                            TicketArea.UNIT),
                    new Problem(
                            "cleaning",
                            "Nieposprzątana klatka schodowa",
                            "Klatka nie była sprzątana od dwóch tygodni, na parterze jest rozlany napój.",
                            TicketArea.COMMON_AREA),
                    new Problem(
                            "cleaning",
                            "Przepełnione śmietniki",
                            "Pojemniki przy bloku są przepełnione, śmieci leżą dookoła.",
                            TicketArea.COMMON_AREA),
                    new Problem(
                            "locksmith",
                            "Nie działa domofon",
                            "Domofon do naszego mieszkania nie dzwoni, goście nie mogą się dodzwonić.",
                            TicketArea.UNIT),
                    new Problem(
                            "locksmith",
                            "Drzwi wejściowe się nie zamykają",
                            "Zamek drzwi wejściowych nie działa, drzwi są otwarte także w nocy.",
                            TicketArea.BUILDING),
                    new Problem(
                            "general",
                            "Wybita szyba w piwnicy",
                            "W piwnicy jest wybite okienko, wieje i zalewa.",
                            TicketArea.COMMON_AREA)),
            "RO",
            List.of(
                    new Problem(
                            "lifts",
                            "Liftul s-a blocat între etaje",
                            "Liftul s-a oprit între etajele 3 și 4 și nu răspunde la butoane.",
                            TicketArea.BUILDING),
                    new Problem(
                            "lifts",
                            "Ușa liftului nu se închide",
                            "Ușa cabinei se închide doar pe jumătate și liftul nu pornește, mai ales dimineața.",
                            TicketArea.BUILDING),
                    new Problem(
                            "lifts",
                            "Liftul scârțâie puternic",
                            "La urcarea spre etajele superioare se aude un scârțâit puternic și cabina se smucește.",
                            TicketArea.BUILDING),
                    new Problem(
                            "plumbing",
                            "Picură robinetul din bucătărie",
                            "Robinetul de la chiuvetă picură și după ce este închis complet.",
                            TicketArea.UNIT),
                    new Problem(
                            "plumbing",
                            "Infiltrație în tavanul băii",
                            "Pe tavanul băii este o pată umedă care se mărește; probabil curge de la vecinii de sus.",
                            TicketArea.UNIT),
                    new Problem(
                            "plumbing",
                            "Canalizare înfundată în subsol",
                            "Din sifonul de pardoseală din subsol miroase urât, iar după ploaie stă apa.",
                            TicketArea.COMMON_AREA),
                    new Problem(
                            "electrical",
                            "Nu arde becul pe scară",
                            "Pe scara blocului, la etajul 2, nu arde lumina; seara este complet întuneric.",
                            TicketArea.COMMON_AREA),
                    new Problem(
                            "electrical",
                            "Sar siguranțele în apartament",
                            "Când pornim mașina de spălat și cuptorul în același timp sare siguranța.",
                            TicketArea.UNIT),
                    new Problem(
                            "electrical",
                            "Nu funcționează iluminatul la intrare",
                            "Lampa de deasupra intrării în bloc nu se aprinde, senzorul de mișcare nu reacționează.",
                            TicketArea.BUILDING),
                    new Problem(
                            "heating",
                            "Calorifer rece în sufragerie",
                            "Caloriferul din sufragerie este rece, celelalte încălzesc. Aerisirea nu a ajutat.",
                            TicketArea.UNIT),
                    new Problem(
                            "heating",
                            "Robinetul caloriferului curge",
                            "Din robinetul termostatic din dormitor picură apă pe podea.",
                            TicketArea.UNIT),
                    new Problem(
                            "cleaning",
                            "Scara nu a fost curățată",
                            "Scara nu a fost curățată de două săptămâni, la parter este o băutură vărsată.",
                            TicketArea.COMMON_AREA),
                    new Problem(
                            "cleaning",
                            "Containere de gunoi pline",
                            "Containerele de lângă bloc sunt pline, gunoiul stă pe jos în jurul lor.",
                            TicketArea.COMMON_AREA),
                    new Problem(
                            "locksmith",
                            "Interfonul nu funcționează",
                            "Interfonul apartamentului nostru nu sună, musafirii nu pot suna la noi.",
                            TicketArea.UNIT),
                    new Problem(
                            "locksmith",
                            "Ușa de la intrare nu se încuie",
                            "Încuietoarea ușii de la intrare nu funcționează, ușa rămâne deschisă și noaptea.",
                            TicketArea.BUILDING),
                    new Problem(
                            "general",
                            "Geam spart în subsol",
                            "În subsol este un geam spart, bate vântul și intră apa.",
                            TicketArea.COMMON_AREA)));

    /** Why the office rejects a request, in each language. */
    static final Map<String, List<String>> REJECTIONS = Map.of(
            "CZ",
            List.of(
                    "Oprava v bytě je věcí vlastníka bytu, nikoli družstva.",
                    "Stejnou závadu už řešíme v jiném požadavku."),
            "PL",
            List.of(
                    "Naprawa w lokalu należy do właściciela lokalu, nie do spółdzielni.",
                    "Ta sama usterka jest już zgłoszona w innym zgłoszeniu."),
            "RO",
            List.of(
                    "Reparația din apartament revine proprietarului, nu asociației.",
                    "Aceeași defecțiune este deja rezolvată într-o altă sesizare."));

    /** Why a request is cancelled. */
    static final Map<String, String> CANCELLATIONS = Map.of(
            "CZ", "Závada se vyřešila sama, požadavek už není potřeba.",
            "PL", "Usterka ustąpiła sama, zgłoszenie nie jest już potrzebne.",
            "RO", "Defecțiunea a dispărut, sesizarea nu mai este necesară.");

    /** Why the requester reopens finished work. */
    static final Map<String, String> REOPENINGS = Map.of(
            "CZ", "Závada se po dvou dnech objevila znovu.",
            "PL", "Usterka wróciła po dwóch dniach.",
            "RO", "Defecțiunea a reapărut după două zile.");

    /** The office's feedback to the requester. */
    static final Map<String, String> FEEDBACK = Map.of(
            "CZ", "Dobrý den, předali jsme požadavek odborné firmě, ozve se vám kvůli termínu návštěvy.",
            "PL", "Dzień dobry, przekazaliśmy zgłoszenie firmie, która skontaktuje się w sprawie terminu wizyty.",
            "RO", "Bună ziua, am transmis sesizarea firmei de specialitate, care vă va contacta pentru programare.");

    /** The contractor's work notes. */
    static final Map<String, List<String>> WORK_NOTES = Map.of(
            "CZ", List.of("Vyměněno těsnění a seřízeno.", "Vyměněn vadný díl, funkce ověřena.", "Provedena kontrola."),
            "PL", List.of("Wymieniono uszczelkę i wyregulowano.", "Wymieniono wadliwą część.", "Wykonano przegląd."),
            "RO",
                    List.of(
                            "Am înlocuit garnitura și am reglat.",
                            "Am înlocuit piesa defectă.",
                            "Am efectuat verificarea."));

    /** What requesters write with their rating. */
    static final Map<String, List<String>> RATING_COMMENTS = Map.of(
            "CZ", List.of("Rychlé a ochotné, děkuji.", "Opraveno, ale čekali jsme dlouho.", "Vše v pořádku."),
            "PL", List.of("Szybko i sprawnie, dziękuję.", "Naprawione, ale długo czekaliśmy.", "Wszystko w porządku."),
            "RO", List.of("Rapid și amabil, mulțumesc.", "Reparat, dar am așteptat mult.", "Totul în regulă."));

    /** Names the public form's anonymous reporters leave (or not). */
    static final Map<String, List<String>> PUBLIC_NAMES = Map.of(
            "CZ", List.of("soused z 5. patra", "Nováková"),
            "PL", List.of("sąsiad z 5. piętra", "Nowak"),
            "RO", List.of("vecinul de la etajul 5", "Popescu"));
}
