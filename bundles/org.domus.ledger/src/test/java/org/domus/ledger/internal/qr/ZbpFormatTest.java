package org.domus.ledger.internal.qr;

import static org.domus.ledger.internal.qr.EpcFormatTest.keys;
import static org.domus.ledger.internal.qr.Scan.assertScansTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.domus.core.registry.InvalidFieldsException;
import org.domus.ledger.payment.PaymentOrder;
import org.domus.ledger.payment.PaymentQr;
import org.domus.ledger.payment.PaymentQrStandard;
import org.junit.jupiter.api.Test;

class ZbpFormatTest {

    private final PaymentQrCodesImpl codes = new PaymentQrCodesImpl(false);

    private static PaymentOrder order(String nip, String account, String amount, String ref, String title) {
        return new PaymentOrder(
                "Spółdzielnia Mieszkaniowa „Zorza”",
                account,
                null,
                nip,
                new BigDecimal(amount),
                "PLN",
                ref,
                title,
                null);
    }

    @Test
    void polishOrderScansBackAsTheZbpCodeWithTheVirtualAccountAndGrosze() {
        PaymentQr qr = codes.create(order(
                        "526-025-02-74",
                        "61 1090 1014 0000 0712 1981 2874",
                        "123.45",
                        null,
                        "Opłaty za marzec 2026, ł"))
                .orElseThrow();

        assertEquals(PaymentQrStandard.ZBP, qr.standard());
        assertScansTo(
                "5260250274|PL|61109010140000071219812874|012345|Spółdzielnia Mieszka|Opłaty za marzec 2026, ł|||", qr);
    }

    @Test
    void anIbanIsAcceptedAsNrbAndLargeAmountsUseMoreDigits() {
        PaymentQr qr = codes.create(order(null, "PL61109010140000071219812874", "12345.67", "K/12", "Zaległość"))
                .orElseThrow();

        assertScansTo("|PL|61109010140000071219812874|1234567|Spółdzielnia Mieszka|K/12 Zaległość|||", qr);
    }

    @Test
    void separatorsChecksumsAndTitleLengthAreRefused() {
        InvalidFieldsException e = assertThrows(
                InvalidFieldsException.class,
                () -> codes.create(order("5260250275", "61109010140000071219812875", "1", null, "a|b")));
        assertEquals(
                List.of(
                        "account=ledger.payment.account.nrb",
                        "creditorTaxId=ledger.payment.nip.invalid",
                        "message=ledger.payment.text.character"),
                keys(e.errors()));
        assertEquals(
                List.of("message=ledger.payment.text.length"),
                keys(assertThrows(
                                InvalidFieldsException.class,
                                () -> codes.create(
                                        order(null, "61109010140000071219812874", "1", null, "ż".repeat(33))))
                        .errors()));
    }
}
