package org.domus.ledger.internal.ical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.domus.ledger.payment.PaymentCalendarFeed;
import org.domus.ledger.payment.PaymentDue;
import org.junit.jupiter.api.Test;

class PaymentCalendarImplTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-03-20T08:15:30Z"), ZoneOffset.UTC);

    private static PaymentDue due(long unit, String label, int month, String amount, String currency, String ref) {
        return new PaymentDue(
                unit,
                label,
                YearMonth.of(2026, month),
                LocalDate.of(2026, month, 15),
                new BigDecimal(amount),
                currency,
                "CZ6508000000192000145399",
                ref);
    }

    @Test
    void oneAllDayEventPerDueDateWithTranslatedSummaryAmountAndVariableSymbol() {
        String ics = new PaymentCalendarImpl(NOW)
                .render(new PaymentCalendarFeed(
                        "cs",
                        null,
                        "domus.bd-zizkov.cz",
                        List.of(
                                due(7, "Koněvova 5, byt 7", 4, "4380.50", "CZK", "1200345"),
                                due(7, "Koněvova 5, byt 7", 3, "4380.50", "CZK", "1200345"))));

        Calendar cal = Calendar.parse(ics);
        assertEquals("2.0", cal.props.get("VERSION"));
        assertEquals(PaymentCalendarImpl.PRODID, cal.props.get("PRODID"));
        assertEquals("Platební kalendář", cal.props.get("X-WR-CALNAME"));
        assertEquals(2, cal.events.size());

        Map<String, String> march = cal.events.get(0);
        assertEquals("ledger-due-7-202603@domus.bd-zizkov.cz", march.get("UID"));
        assertEquals("20260315", march.get("DTSTART;VALUE=DATE"));
        assertEquals("20260316", march.get("DTEND;VALUE=DATE"));
        assertEquals("20260320T081530Z", march.get("DTSTAMP"));
        assertEquals("Splatnost plateb - Koněvova 5, byt 7", unescape(march.get("SUMMARY")));
        assertEquals(
                "Předpis na březen 2026\nČástka: 4 380,50 CZK\nÚčet: CZ65 0800 0000 1920 0014 5399\n"
                        + "Variabilní symbol: 1200345",
                unescape(march.get("DESCRIPTION")));
        assertEquals("ledger-due-7-202604@domus.bd-zizkov.cz", cal.events.get(1).get("UID"));
    }

    @Test
    void uidsStayTheSameWhenTheFeedIsMadeAgainAndDifferPerUnitAndMonth() {
        PaymentCalendarFeed feed = new PaymentCalendarFeed(
                "en",
                "My flats",
                "domus.example.org",
                List.of(due(7, "Flat 7", 3, "10", "EUR", null), due(8, "Flat 8", 3, "10", "EUR", null)));
        Calendar first = Calendar.parse(new PaymentCalendarImpl(NOW).render(feed));
        Calendar later = Calendar.parse(new PaymentCalendarImpl(Clock.offset(NOW, java.time.Duration.ofDays(9)))
                .render(new PaymentCalendarFeed(
                        "en",
                        "My flats",
                        "domus.example.org",
                        List.of(due(8, "Flat 8", 3, "12.50", "EUR", null), due(7, "Flat 7", 3, "10", "EUR", null)))));

        assertEquals(uids(first), uids(later));
        assertNotEquals(first.events.get(0).get("UID"), first.events.get(1).get("UID"));
        assertNotEquals(first.events.get(0).get("DTSTAMP"), later.events.get(0).get("DTSTAMP"));
        assertEquals("My flats", first.props.get("X-WR-CALNAME"));

        assertThrows(IllegalArgumentException.class, () -> new PaymentCalendarImpl(NOW)
                .render(new PaymentCalendarFeed(
                        "en",
                        null,
                        "domus.example.org",
                        List.of(due(7, "Flat 7", 3, "10", "EUR", null), due(7, "Flat 7", 3, "11", "EUR", null)))));
    }

    @Test
    void commasSemicolonsBackslashesAndLineBreaksAreEscapedAndComeBackIntact() {
        String label = "Dům 5, vchod B; byt 7 \\ sklep\nparkování";
        String ics = new PaymentCalendarImpl(NOW)
                .render(new PaymentCalendarFeed(
                        "en",
                        "Flats, garages; and \\ more",
                        "domus.example.org",
                        List.of(due(7, label, 3, "1", "EUR", "RF18 5390 0754 7034"))));

        Calendar cal = Calendar.parse(ics);
        String summary = cal.events.get(0).get("SUMMARY");
        assertEquals("Payment due - Dům 5\\, vchod B\\; byt 7 \\\\ sklep\\nparkování", summary);
        assertEquals("Payment due - " + label, unescape(summary));
        assertEquals("Flats, garages; and \\ more", unescape(cal.props.get("X-WR-CALNAME")));
        assertTrue(unescape(cal.events.get(0).get("DESCRIPTION")).endsWith("\nPayment reference: RF18 5390 0754 7034"));
    }

    @Test
    void linesEndInCrlfAndAreFoldedAtSeventyFiveOctetsNeverInsideAUtf8Character() throws Exception {
        String label = "Společenství vlastníků jednotek Žluťoučký kůň úpěl ďábelské ódy, byt č. 12, "
                + "Příčná 1234/56, Praha 1 - Nové Město, vchod C, čtvrté patro vlevo";
        String ics = new PaymentCalendarImpl(NOW)
                .render(new PaymentCalendarFeed(
                        "pl", null, "domus.example.org", List.of(due(12, label, 5, "123456.78", "PLN", null))));

        assertTrue(ics.endsWith("\r\n"));
        assertFalse(ics.replace("\r\n", "").contains("\n"), "no bare LF");
        assertFalse(ics.replace("\r\n", "").contains("\r"), "no bare CR");
        int folded = 0;
        for (String physical : ics.split("\r\n")) {
            byte[] octets = physical.getBytes(StandardCharsets.UTF_8);
            assertTrue(octets.length <= 75, () -> octets.length + " octets: " + physical);
            if (physical.startsWith(" ")) {
                folded++;
            }
        }
        assertTrue(folded >= 2, "the long summary and description are folded");
        // every physical line is valid UTF-8 by itself: no character was cut in two
        byte[] all = ics.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        for (int i = 0; i + 1 < all.length; i++) {
            if (all[i] == '\r' && all[i + 1] == '\n') {
                strictUtf8(all, start, i);
                start = i + 2;
            }
        }
        Calendar cal = Calendar.parse(ics);
        assertEquals("Termin płatności - " + label, unescape(cal.events.get(0).get("SUMMARY")));
        assertTrue(unescape(cal.events.get(0).get("DESCRIPTION")).contains("Kwota: 123 456,78 PLN"));
        assertTrue(unescape(cal.events.get(0).get("DESCRIPTION")).startsWith("Opłaty za maj 2026"));
    }

    @Test
    void romanianFeedIsInRomanian() {
        Calendar cal = Calendar.parse(new PaymentCalendarImpl(NOW)
                .render(new PaymentCalendarFeed(
                        "ro", null, "domus.example.org", List.of(due(3, "Ap. 3", 6, "1234.5", "RON", "AP3")))));
        assertEquals("Calendarul plăților", cal.props.get("X-WR-CALNAME"));
        assertEquals("Scadență plată - Ap. 3", unescape(cal.events.get(0).get("SUMMARY")));
        assertEquals(
                "Cheltuieli pe iunie 2026\nSuma: 1.234,50 RON\nCont: CZ65 0800 0000 1920 0014 5399\n"
                        + "Referință plată: AP3",
                unescape(cal.events.get(0).get("DESCRIPTION")));
    }

    private static List<String> uids(Calendar cal) {
        return cal.events.stream().map(e -> e.get("UID")).sorted().toList();
    }

    private static void strictUtf8(byte[] bytes, int from, int to) throws CharacterCodingException {
        StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, from, to - from));
    }

    /** RFC 5545 TEXT unescaping. */
    static String unescape(String value) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                sb.append(next == 'n' || next == 'N' ? '\n' : next);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A small iCalendar reader: unfolds lines, splits name (with parameters) from value, groups events. */
    static final class Calendar {
        final Map<String, String> props = new LinkedHashMap<>();
        final List<Map<String, String>> events = new ArrayList<>();

        static Calendar parse(String ics) {
            assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\n"), "starts with BEGIN:VCALENDAR");
            String unfolded = ics.replace("\r\n ", "").replace("\r\n\t", "");
            Calendar cal = new Calendar();
            Map<String, String> event = null;
            List<String> stack = new ArrayList<>();
            for (String line : unfolded.split("\r\n")) {
                int colon = line.indexOf(':');
                assertTrue(colon > 0, () -> "not a content line: " + line);
                String name = line.substring(0, colon);
                String value = line.substring(colon + 1);
                if (name.equals("BEGIN")) {
                    stack.add(value);
                    if (value.equals("VEVENT")) {
                        event = new LinkedHashMap<>();
                    }
                } else if (name.equals("END")) {
                    assertEquals(stack.remove(stack.size() - 1), value, "BEGIN/END nesting");
                    if (value.equals("VEVENT")) {
                        cal.events.add(event);
                        event = null;
                    }
                } else if (event != null) {
                    assertFalse(event.containsKey(name), "duplicate " + name);
                    event.put(name, value);
                } else {
                    cal.props.put(name, value);
                }
            }
            assertTrue(stack.isEmpty(), "every BEGIN has its END");
            return cal;
        }
    }
}
