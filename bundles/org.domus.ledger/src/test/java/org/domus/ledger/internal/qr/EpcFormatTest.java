package org.domus.ledger.internal.qr;

import static org.domus.ledger.internal.qr.Scan.assertScansTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.domus.core.registry.FieldError;
import org.domus.core.registry.InvalidFieldsException;
import org.domus.ledger.payment.PaymentOrder;
import org.domus.ledger.payment.PaymentQr;
import org.domus.ledger.payment.PaymentQrStandard;
import org.junit.jupiter.api.Test;

class EpcFormatTest {

    private final PaymentQrCodesImpl codes = new PaymentQrCodesImpl(false);

    private static PaymentOrder order(String name, String iban, String bic, String amount, String ref, String msg) {
        return new PaymentOrder(name, iban, bic, null, new BigDecimal(amount), "EUR", ref, msg, null);
    }

    @Test
    void euroOrderScansBackAsEpcVersion002WithUtf8TextRemittance() {
        PaymentQr qr = codes.create(order(
                        "Asociația de Proprietari Bloc Ș4 Țiglina",
                        "AT61 1904 3002 3457 3201",
                        null,
                        "12.3",
                        "Ap. 12",
                        "Întreținere martie 2026"))
                .orElseThrow();

        assertEquals(PaymentQrStandard.EPC, qr.standard());
        assertScansTo(
                "BCD\n002\n1\nSCT\n\nAsociația de Proprietari Bloc Ș4 Țiglina\nAT611904300234573201\nEUR12.30\n\n\n"
                        + "Ap. 12 Întreținere martie 2026",
                qr);
    }

    @Test
    void creditorReferenceGoesToTheStructuredLineAndTheMessageToTheInformationLine() {
        PaymentQr qr = codes.create(order(
                        "Wohnungsgenossenschaft Süd",
                        "DE89370400440532013000",
                        "cobadeffxxx",
                        "1500",
                        "RF18 5390 0754 7034",
                        "Hausgeld März"))
                .orElseThrow();

        assertScansTo(
                "BCD\n002\n1\nSCT\nCOBADEFFXXX\nWohnungsgenossenschaft Süd\nDE89370400440532013000\nEUR1500.00\n\n"
                        + "RF18539007547034\n\nHausgeld März",
                qr);
    }

    @Test
    void emptyTrailingElementsAreLeftOutWithoutATrailingSeparator() {
        String payload = codes.create(order("Red Cross", "DE89370400440532013000", null, "0.01", null, null))
                .orElseThrow()
                .payload();

        assertEquals("BCD\n002\n1\nSCT\n\nRed Cross\nDE89370400440532013000\nEUR0.01", payload);
        assertFalse(payload.endsWith("\n"));
    }

    @Test
    void nameIsCutToSeventyCharactersWithoutATrailingSpaceAndTheLargestAmountIsAccepted() {
        String name = "Společenství vlastníků jednotek pro dům Na Příkopě 1234/56, Praha 1 - Staré Město";
        String payload = codes.create(order(name, "DE89370400440532013000", null, "999999999.99", null, "x"))
                .orElseThrow()
                .payload();

        // 70 characters end in a space, which is not kept
        assertEquals("Společenství vlastníků jednotek pro dům Na Příkopě 1234/56, Praha 1 -", payload.split("\n")[5]);
        assertTrue(payload.contains("\nEUR999999999.99\n"));
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        InvalidFieldsException e = assertThrows(
                InvalidFieldsException.class,
                () -> codes.create(order(
                        "Line\nbreak", "DE89370400440532013001", "NOTABIC", "1000000000.00", null, "x".repeat(141))));

        assertEquals(
                List.of(
                        "account=ledger.payment.account.iban",
                        "bic=ledger.payment.bic.invalid",
                        "creditorName=ledger.payment.text.character",
                        "amount=ledger.payment.amount.max",
                        "message=ledger.payment.text.length"),
                keys(e.errors()));
    }

    @Test
    void amountsMustBePositiveWithAtMostTwoDecimals() {
        for (String amount : List.of("0", "-5.00")) {
            assertEquals(
                    List.of("amount=ledger.payment.amount.positive"),
                    keys(assertThrows(
                                    InvalidFieldsException.class,
                                    () -> codes.create(order("A", "DE89370400440532013000", null, amount, null, null)))
                            .errors()));
        }
        assertEquals(
                List.of("amount=ledger.payment.amount.scale"),
                keys(assertThrows(
                                InvalidFieldsException.class,
                                () -> codes.create(order("A", "DE89370400440532013000", null, "1.005", null, null)))
                        .errors()));
    }

    @Test
    void accountsOutsideTheEeaNeedABicAndNonSepaAccountsAreRefused() {
        assertEquals(
                List.of("bic=ledger.payment.bic.required"),
                keys(assertThrows(
                                InvalidFieldsException.class,
                                () -> codes.create(order("A", "CH9300762011623852957", null, "1", null, null)))
                        .errors()));
        assertTrue(codes.create(order("A", "CH9300762011623852957", "UBSWCHZH80A", "1", null, null))
                .isPresent());
    }

    @Test
    void aCreditorReferenceWithAWrongChecksumIsRefusedNotSentAsText() {
        assertEquals(
                List.of("reference=ledger.payment.reference.rf"),
                keys(assertThrows(
                                InvalidFieldsException.class,
                                () -> codes.create(
                                        order("A", "DE89370400440532013000", null, "1", "RF18 5390 0754 7035", null)))
                        .errors()));
    }

    @Test
    void aPayloadAboveThe331BytesOfQrVersion13IsRefused() {
        // 70 + 140 two-byte letters are within the character limits but 420 bytes in UTF-8
        assertEquals(
                List.of("message=ledger.payment.payload.too-large"),
                keys(assertThrows(
                                InvalidFieldsException.class,
                                () -> codes.create(order(
                                        "ž".repeat(70), "DE89370400440532013000", null, "1", null, "ř".repeat(140))))
                        .errors()));
    }

    static List<String> keys(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + "=" + e.messageKey()).toList();
    }
}
