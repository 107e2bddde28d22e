package org.domus.ledger.internal.qr;

import static org.domus.ledger.internal.qr.EpcFormatTest.keys;
import static org.domus.ledger.internal.qr.Scan.assertScansTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import org.domus.core.registry.InvalidFieldsException;
import org.domus.ledger.payment.PaymentOrder;
import org.domus.ledger.payment.PaymentQr;
import org.domus.ledger.payment.PaymentQrStandard;
import org.junit.jupiter.api.Test;

class SpaydFormatTest {

    private static final String ACC = "CZ6508000000192000145399";

    private static PaymentOrder order(String bic, String amount, String vs, String msg, LocalDate due) {
        return new PaymentOrder(
                "Bytové družstvo Žižkov",
                "CZ65 0800 0000 1920 0014 5399",
                bic,
                null,
                new BigDecimal(amount),
                "CZK",
                vs,
                msg,
                due);
    }

    @Test
    void czechOrderScansBackAsQrPlatbaWithHackyInTheMessage() {
        PaymentQr qr = new PaymentQrCodesImpl(false)
                .create(order(
                        null, "4380.5", "1200345", "Předpis záloh – březen, byt č. 12", LocalDate.of(2026, 3, 15)))
                .orElseThrow();

        assertEquals(PaymentQrStandard.SPAYD, qr.standard());
        assertScansTo(
                "SPD*1.0*ACC:" + ACC + "*AM:4380.50*CC:CZK*RN:Bytové družstvo Žižkov*X-VS:1200345"
                        + "*MSG:Předpis záloh – březen, byt č. 12*DT:20260315",
                qr);
    }

    @Test
    void anAsteriskInAValueIsEscapedAndTheBicFollowsTheIban() {
        PaymentQr qr = new PaymentQrCodesImpl(false)
                .create(order("gibaczpx", "100", "42", "Fond *oprav*", null))
                .orElseThrow();

        assertScansTo(
                "SPD*1.0*ACC:" + ACC + "+GIBACZPX*AM:100.00*CC:CZK*RN:Bytové družstvo Žižkov*X-VS:42"
                        + "*MSG:Fond %2Aoprav%2A",
                qr);
    }

    @Test
    void crc32IsTheChecksumOfTheSortedCanonicalForm() {
        // The published example: SPD*1.0*ACC:CZ5855000000001265098001*AM:100.00*CC:CZK has CRC32 AAD80227.
        Map<String, String> example = new LinkedHashMap<>();
        example.put("CC", "CZK");
        example.put("ACC", "CZ5855000000001265098001");
        example.put("AM", "100.00");
        assertEquals("AAD80227", SpaydFormat.crc32(example));

        PaymentQr qr = new PaymentQrCodesImpl(true)
                .create(order(null, "250", "77", "Zálohy*duben", LocalDate.of(2026, 4, 15)))
                .orElseThrow();
        String payload = qr.payload();
        String crc = payload.substring(payload.lastIndexOf("*CRC32:") + 7);
        String withoutCrc = payload.substring(0, payload.lastIndexOf("*CRC32:"));
        // Recompute independently: split the attributes, sort them by key, join with '*'.
        String canonical = "SPD*1.0*"
                + Arrays.stream(withoutCrc.substring("SPD*1.0*".length()).split("\\*"))
                        .sorted((a, b) -> a.substring(0, a.indexOf(':')).compareTo(b.substring(0, b.indexOf(':'))))
                        .collect(Collectors.joining("*"));
        CRC32 check = new CRC32();
        check.update(canonical.getBytes(StandardCharsets.UTF_8));
        assertEquals(String.format("%08X", check.getValue()), crc);
        assertScansTo(payload, qr);
    }

    @Test
    void theVariableSymbolIsRequiredDigitsOnlyAtMostTenAndNeverABirthNumber() {
        PaymentQrCodesImpl codes = new PaymentQrCodesImpl(false);
        assertEquals(
                List.of("reference=ledger.payment.reference.vs-required"),
                keys(assertThrows(InvalidFieldsException.class, () -> codes.create(order(null, "1", null, null, null)))
                        .errors()));
        assertEquals(
                List.of("reference=ledger.payment.reference.vs-digits"),
                keys(assertThrows(InvalidFieldsException.class, () -> codes.create(order(null, "1", "12A", null, null)))
                        .errors()));
        assertEquals(
                List.of("reference=ledger.payment.reference.vs-length"),
                keys(assertThrows(
                                InvalidFieldsException.class,
                                () -> codes.create(order(null, "1", "12345678901", null, null)))
                        .errors()));
        assertEquals(
                List.of("reference=ledger.payment.reference.vs-birth-number"),
                keys(assertThrows(
                                InvalidFieldsException.class,
                                () -> codes.create(order(null, "1", "8001010006", null, null)))
                        .errors()));
    }

    @Test
    void limitsOfAmountMessageAndAccountAreEnforced() {
        PaymentQrCodesImpl codes = new PaymentQrCodesImpl(false);
        assertEquals(
                "SPD*1.0*ACC:" + ACC + "*AM:9999999.99*CC:CZK*RN:Bytové družstvo Žižkov*X-VS:1",
                codes.create(order(null, "9999999.99", "1", null, null))
                        .orElseThrow()
                        .payload());
        InvalidFieldsException e = assertThrows(
                InvalidFieldsException.class,
                () -> codes.create(new PaymentOrder(
                        "Družstvo",
                        "CZ6508000000192000145398",
                        null,
                        null,
                        new BigDecimal("10000000.00"),
                        "CZK",
                        "1",
                        "ž".repeat(61),
                        null)));
        assertEquals(
                List.of(
                        "account=ledger.payment.account.iban",
                        "amount=ledger.payment.amount.max",
                        "message=ledger.payment.text.length"),
                keys(e.errors()));
    }
}
