package org.domus.ledger.internal.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.domus.core.Subject;
import org.domus.core.registry.LegalForm;
import org.domus.core.registry.Share;
import org.domus.core.registry.Unit;
import org.domus.core.registry.UnitKind;
import org.domus.core.registry.UnitState;
import org.domus.ledger.internal.qr.PaymentQrCodesImpl;
import org.domus.ledger.payment.PaymentOrder;
import org.domus.rest.ValidationException;
import org.junit.jupiter.api.Test;

/** The parts of the ledger's REST reads that decide without the database: periods, QR data, language. */
class LedgerReadsTest {

    private final LedgerReads reads = new LedgerReads(
            null,
            null,
            null,
            null,
            null,
            null,
            new PaymentQrCodesImpl(false),
            Clock.fixed(Instant.parse("2026-05-20T10:00:00Z"), ZoneOffset.UTC));

    private static Unit unit(String virtualAccount) {
        return new Unit(
                7,
                1,
                "7",
                UnitKind.FLAT,
                2,
                new BigDecimal("48.00"),
                2,
                List.of(),
                Share.ONE,
                LegalForm.OWNERSHIP,
                UnitState.OCCUPIED,
                null,
                "1234567",
                virtualAccount,
                0);
    }

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
    void aQrPaymentOrderOnlyWhenSomethingIsDueAndTheUnitHasAPolishVirtualAccount() {
        String nrb = "61 1090 1014 0000 0712 1981 2874";
        PaymentOrder order = reads.paymentOrder(
                        "Spółdzielnia Mieszkaniowa Przykładowa w Krakowie",
                        unit(nrb),
                        new BigDecimal("512.40"),
                        "PLN",
                        "Długa 5, lokal 7")
                .orElseThrow();
        assertEquals("61109010140000071219812874", order.account());
        assertEquals(new BigDecimal("512.40"), order.amount());
        assertEquals("PLN", order.currency());
        // nothing due, no virtual account, a broken one, or a currency whose creditor account is not known
        assertTrue(reads.paymentOrder("SM", unit(nrb), new BigDecimal("0.00"), "PLN", "x")
                .isEmpty());
        assertTrue(reads.paymentOrder("SM", unit(null), new BigDecimal("10.00"), "PLN", "x")
                .isEmpty());
        assertTrue(reads.paymentOrder("SM", unit("61109010140000071219812875"), new BigDecimal("10.00"), "PLN", "x")
                .isEmpty());
        assertTrue(reads.paymentOrder("SBD", unit(nrb), new BigDecimal("10.00"), "CZK", "x")
                .isEmpty());
    }

    @Test
    void theStatementSpeaksTheFirstSupportedAcceptLanguageElseTheAccountsElseEnglish() {
        Subject czech = Subject.system("a", "A").withLocale(new Locale("cs"));
        assertEquals("cs", LedgerReads.language(null, czech));
        assertEquals("en", LedgerReads.language(null, Subject.system("b", "B").withLocale(Locale.GERMAN)));
    }
}
