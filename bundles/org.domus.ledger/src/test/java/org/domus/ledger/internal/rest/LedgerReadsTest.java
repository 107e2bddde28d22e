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
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Share;
import org.domus.core.registry.Unit;
import org.domus.core.registry.UnitKind;
import org.domus.core.registry.UnitState;
import org.domus.ledger.internal.qr.PaymentQrCodesImpl;
import org.domus.ledger.internal.qr.QrDecoder;
import org.domus.ledger.payment.PaymentOrder;
import org.domus.rest.ValidationException;
import org.junit.jupiter.api.Test;

/** The parts of the ledger's REST reads that decide without the database: periods, QR data, language. */
class LedgerReadsTest {

    private final PaymentQrCodesImpl qrCodes = new PaymentQrCodesImpl(false);
    private final LedgerReads reads = new LedgerReads(
            null, null, null, null, null, qrCodes, Clock.fixed(Instant.parse("2026-05-20T10:00:00Z"), ZoneOffset.UTC));

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

    private static final Organisation KRAKOW = new Organisation(
            1,
            "Spółdzielnia Mieszkaniowa Przykładowa w Krakowie",
            null,
            "PL",
            "PLN",
            null,
            null,
            null,
            "526-104-08-28",
            0);
    private static final Organisation PRAHA = new Organisation(
            2, "SBD Domov", "12345678", "CZ", "CZK", "CZ6508000000192000145399", "GIBACZPX", "SBD Domov", null, 0);
    private static final Organisation BRATISLAVA =
            new Organisation(3, "SVB Dunaj", null, "SK", "EUR", "SK3112000000198742637541", null, null, null, 0);

    @Test
    void aQrPaymentOrderOnlyWhenSomethingIsDueAndTheUnitHasAPolishVirtualAccount() {
        String nrb = "61 1090 1014 0000 0712 1981 2874";
        PaymentOrder order = reads.paymentOrder(KRAKOW, unit(nrb), new BigDecimal("512.40"), "PLN", "Długa 5, lokal 7")
                .orElseThrow();
        assertEquals("61109010140000071219812874", order.account());
        assertEquals(new BigDecimal("512.40"), order.amount());
        assertEquals("PLN", order.currency());
        assertEquals("5261040828", order.creditorTaxId());
        // the ZBP code scans back with the organisation's NIP and the unit's virtual account
        assertEquals(
                "5261040828|PL|61109010140000071219812874|051240|Spółdzielnia Mieszka|Długa 5, lokal 7|||",
                QrDecoder.decodePng(qrCodes.create(order).orElseThrow().png(4)).getText());
        // nothing due, no virtual account, a broken one
        assertTrue(reads.paymentOrder(KRAKOW, unit(nrb), new BigDecimal("0.00"), "PLN", "x")
                .isEmpty());
        assertTrue(reads.paymentOrder(KRAKOW, unit(null), new BigDecimal("10.00"), "PLN", "x")
                .isEmpty());
        assertTrue(reads.paymentOrder(KRAKOW, unit("61109010140000071219812875"), new BigDecimal("10.00"), "PLN", "x")
                .isEmpty());
    }

    @Test
    void czechAmountsDueGetASpaydCodeWithTheOrganisationsIbanAndTheUnitsVariableSymbol() {
        PaymentOrder order = reads.paymentOrder(PRAHA, unit(null), new BigDecimal("4312.50"), "CZK", "Květná 12, byt 7")
                .orElseThrow();
        assertEquals(
                "SPD*1.0*ACC:CZ6508000000192000145399+GIBACZPX*AM:4312.50*CC:CZK*RN:SBD Domov*X-VS:1234567"
                        + "*MSG:Květná 12, byt 7",
                decode(order));
        // without the organisation's IBAN, or without the unit's variable symbol, there is no code
        Organisation noBank = new Organisation(2, "SBD Domov", null, "CZ", "CZK", 0);
        assertTrue(reads.paymentOrder(noBank, unit(null), new BigDecimal("10.00"), "CZK", "x")
                .isEmpty());
        assertTrue(reads.paymentOrder(PRAHA, unitWithoutVs(), new BigDecimal("10.00"), "CZK", "x")
                .isEmpty());
        // RON has no payment QR standard
        assertTrue(reads.paymentOrder(PRAHA, unit(null), new BigDecimal("10.00"), "RON", "x")
                .isEmpty());
    }

    @Test
    void euroAmountsDueGetAnEpcCodeWithTheOrganisationsIban() {
        PaymentOrder order = reads.paymentOrder(BRATISLAVA, unit(null), new BigDecimal("85.20"), "EUR", "Dunajská 3/7")
                .orElseThrow();
        assertEquals(
                String.join(
                        "\n",
                        "BCD",
                        "002",
                        "1",
                        "SCT",
                        "",
                        "SVB Dunaj",
                        "SK3112000000198742637541",
                        "EUR85.20",
                        "",
                        "",
                        "Dunajská 3/7"),
                decode(order));
        assertTrue(reads.paymentOrder(
                        new Organisation(3, "SVB Dunaj", null, "SK", "EUR", 0),
                        unit(null),
                        new BigDecimal("85.20"),
                        "EUR",
                        "x")
                .isEmpty());
    }

    private String decode(PaymentOrder order) {
        return QrDecoder.decodePng(qrCodes.create(order).orElseThrow().png(4)).getText();
    }

    private static Unit unitWithoutVs() {
        Unit u = unit(null);
        return new Unit(
                u.id(),
                u.buildingId(),
                u.number(),
                u.kind(),
                u.floor(),
                u.area(),
                u.rooms(),
                u.equipment(),
                u.share(),
                u.legalForm(),
                u.state(),
                u.rent(),
                null,
                null,
                0);
    }

    @Test
    void theStatementSpeaksTheFirstSupportedAcceptLanguageElseTheAccountsElseEnglish() {
        Subject czech = Subject.system("a", "A").withLocale(new Locale("cs"));
        assertEquals("cs", LedgerReads.language(null, czech));
        assertEquals("en", LedgerReads.language(null, Subject.system("b", "B").withLocale(Locale.GERMAN)));
    }
}
