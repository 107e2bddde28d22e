package org.domus.ledger.internal.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.domus.core.Subject;
import org.domus.rest.ValidationException;
import org.junit.jupiter.api.Test;

/** The parts of the ledger's REST reads that decide without the database: periods and language. */
class LedgerReadsTest {

    private final LedgerReads reads = new LedgerReads(
            null, null, null, null, null, Clock.fixed(Instant.parse("2026-05-20T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void theDefaultPeriodIsTheLastTwelveMonthsUpToTheCurrentOne() {
        assertArrayEquals(new YearMonth[] {YearMonth.of(2025, 6), YearMonth.of(2026, 5)}, reads.range(null, null));
        assertArrayEquals(new YearMonth[] {YearMonth.of(2025, 3), YearMonth.of(2026, 2)}, reads.range("", "2026-02"));
        assertArrayEquals(new YearMonth[] {YearMonth.of(2026, 1), YearMonth.of(2026, 5)}, reads.range("2026-01", null));
    }

    @Test
    void badMonthsAndBackwardOrTooLongPeriodsAreRefusedFieldByField() {
        ValidationException both = assertThrows(ValidationException.class, () -> reads.range("2026-13", "may"));
        assertEquals(
                List.of("from", "to"),
                both.violations().stream()
                        .map(ValidationException.Violation::field)
                        .toList());
        assertEquals("ledger.month.invalid", both.violations().get(0).messageKey());
        ValidationException backwards =
                assertThrows(ValidationException.class, () -> reads.range("2026-05", "2026-01"));
        assertEquals(
                "ledger.turnover.range.invalid", backwards.violations().get(0).messageKey());
        assertThrows(ValidationException.class, () -> reads.range("2010-01", "2026-01"));
        assertEquals(120, countMonths(reads.range("2016-02", "2026-01")));
    }

    private static int countMonths(YearMonth[] range) {
        return (int) (range[0].until(range[1], java.time.temporal.ChronoUnit.MONTHS) + 1);
    }

    @Test
    void theStatementSpeaksTheFirstSupportedAcceptLanguageElseTheAccountsElseEnglish() {
        Subject czech = Subject.system("a", "A").withLocale(new Locale("cs"));
        assertEquals("cs", LedgerReads.language(null, czech));
        assertEquals("en", LedgerReads.language(null, Subject.system("b", "B").withLocale(Locale.GERMAN)));
    }
}
