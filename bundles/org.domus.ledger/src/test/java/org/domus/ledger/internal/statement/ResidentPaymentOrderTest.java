package org.domus.ledger.internal.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Unit;
import org.domus.core.registry.UnitKind;
import org.domus.core.registry.UnitState;
import org.domus.ledger.internal.qr.PaymentQrCodesImpl;
import org.domus.ledger.payment.PaymentOrder;
import org.domus.ledger.payment.PaymentQr;
import org.domus.ledger.payment.PaymentQrStandard;
import org.junit.jupiter.api.Test;

/**
 * A unit's amount due gets a payment QR code (on the resident's page, over REST and on statements) only where its standard applies and the registry holds what it
 * needs: CZK with the organisation's IBAN and the unit's variable symbol (SPAYD), EUR with the IBAN (EPC),
 * PLN with the unit's virtual account (ZBP); never for nothing due, nor for RON (no standard). The codes come
 * from the ledger's real generator.
 */
class ResidentPaymentOrderTest {

    private static final BigDecimal DUE = new BigDecimal("412.35");

    private final PaymentQrCodesImpl qrCodes = new PaymentQrCodesImpl(false);
    private final UnitDocumentsImpl documents =
            new UnitDocumentsImpl(null, null, null, null, null, null, qrCodes, null, Clock.systemUTC());

    /** An IBAN with correct check digits (ISO 7064 mod 97) for the country and the national number. */
    static String iban(String country, String bban) {
        StringBuilder digits = new StringBuilder(bban);
        for (char c : (country + "00").toCharArray()) {
            digits.append(Character.isLetter(c) ? String.valueOf(c - 'A' + 10) : String.valueOf(c));
        }
        int check = 98
                - new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
        return country + String.format("%02d", check) + bban;
    }

    private static Organisation organisation(String iban) {
        return new Organisation(1, "SBD Domus", "123", "CZ", "CZK", iban, null, null, null, 0);
    }

    private static Unit unit(String variableSymbol, String virtualAccount) {
        return new Unit(
                7,
                1,
                "12",
                UnitKind.FLAT,
                3,
                null,
                new BigDecimal("54.20"),
                3,
                List.of(),
                null,
                null,
                UnitState.OCCUPIED,
                null,
                variableSymbol,
                virtualAccount,
                0);
    }

    @Test
    void aCzechUnitGetsASpaydCodeWithTheCooperativesIbanAndItsVariableSymbol() {
        String iban = iban("CZ", "08000000001234567899");
        Optional<PaymentOrder> order = documents.paymentOrder(
                organisation(iban), unit("10010001", null), DUE, "CZK", "Opatovská 1933/1, byt 12");
        PaymentQr qr = qrCodes.create(order.orElseThrow()).orElseThrow();
        assertEquals(PaymentQrStandard.SPAYD, qr.standard());
        assertTrue(qr.payload().contains("ACC:" + iban), qr.payload());
        assertTrue(qr.payload().contains("AM:412.35"), qr.payload());
        assertTrue(qr.payload().contains("X-VS:10010001"), qr.payload());
        assertTrue(qr.png(4).length > 100);
    }

    @Test
    void aPolishUnitWithItsVirtualAccountGetsAZbpCodeAndAEuroBookAnEpcCode() {
        String nrb = iban("PL", "102010260000042270201111").substring(2);
        PaymentOrder zbp = documents
                .paymentOrder(organisation(null), unit(null, nrb), DUE, "PLN", "ul. Bieńczycka 2")
                .orElseThrow();
        assertEquals(PaymentQrStandard.ZBP, qrCodes.create(zbp).orElseThrow().standard());
        assertEquals(nrb, zbp.account());
        PaymentOrder epc = documents
                .paymentOrder(organisation(iban("CZ", "08000000001234567899")), unit(null, null), DUE, "EUR", "Unit 12")
                .orElseThrow();
        assertEquals(PaymentQrStandard.EPC, qrCodes.create(epc).orElseThrow().standard());
    }

    @Test
    void noCodeWithoutADueAmountAStandardOrTheDataItNeeds() {
        String iban = iban("CZ", "08000000001234567899");
        assertTrue(documents
                .paymentOrder(organisation(iban), unit("1001", null), new BigDecimal("0.00"), "CZK", "x")
                .isEmpty());
        assertTrue(documents
                .paymentOrder(organisation(iban), unit("1001", null), new BigDecimal("-3.00"), "CZK", "x")
                .isEmpty());
        assertTrue(documents
                .paymentOrder(organisation(null), unit("1001", null), DUE, "CZK", "x")
                .isEmpty());
        assertTrue(documents
                .paymentOrder(organisation(iban), unit(null, null), DUE, "CZK", "x")
                .isEmpty());
        assertTrue(documents
                .paymentOrder(organisation(null), unit(null, null), DUE, "EUR", "x")
                .isEmpty());
        assertTrue(documents
                .paymentOrder(organisation(iban), unit(null, "12345"), DUE, "PLN", "x")
                .isEmpty());
        assertTrue(documents
                .paymentOrder(organisation(iban), unit(null, null), DUE, "RON", "x")
                .isEmpty());
    }
}
