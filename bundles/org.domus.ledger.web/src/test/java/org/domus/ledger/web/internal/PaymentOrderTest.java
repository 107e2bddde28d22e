package org.domus.ledger.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.domus.core.registry.Unit;
import org.domus.core.registry.UnitKind;
import org.domus.core.registry.UnitState;
import org.domus.ledger.internal.qr.PaymentQrCodesImpl;
import org.domus.ledger.payment.PaymentOrder;
import org.domus.ledger.payment.PaymentQr;
import org.domus.ledger.payment.PaymentQrStandard;
import org.junit.jupiter.api.Test;

/**
 * The resident's page shows a payment QR code only where its standard applies and the registry holds what it
 * needs: PLN with the unit's virtual account (ZBP); never for nothing due, nor for RON (no standard), nor for
 * CZK and EUR while organisations have no bank account in the registry. The codes come from the ledger's
 * real generator.
 */
class PaymentOrderTest {

    private final ResidentFinance finance = new ResidentFinance(
            null, null, null, null, null, null, null, new PaymentQrCodesImpl(false), null, Clock.systemUTC());

    /** A valid 26-digit NRB: the IBAN check digits of PL + the bank and account number. */
    static String nrb(String bankAndAccount) {
        BigInteger n = new BigInteger(bankAndAccount + "2521" + "00");
        int check = 98 - n.mod(BigInteger.valueOf(97)).intValue();
        return String.format("%02d", check) + bankAndAccount;
    }

    private static Unit unit(String variableSymbol, String virtualAccount) {
        return new Unit(
                7,
                1,
                "12",
                UnitKind.FLAT,
                3,
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
    void aPolishUnitWithItsVirtualAccountGetsAZbpCodeForTheAmountDue() {
        String account = nrb("102010260000042270201111");
        Optional<PaymentOrder> order = finance.paymentOrder(
                "Spółdzielnia Mieszkaniowa Nowa Huta",
                unit(null, account),
                new BigDecimal("412.35"),
                "PLN",
                "ul. Bieńczycka 2, lokal 12");
        assertTrue(order.isPresent());
        assertEquals(account, order.get().account());
        assertEquals(new BigDecimal("412.35"), order.get().amount());
        PaymentQr qr = finance.qrCode(order.get()).orElseThrow();
        assertEquals(PaymentQrStandard.ZBP, qr.standard());
        assertTrue(qr.payload().contains(account), qr.payload());
        assertTrue(qr.png(4).length > 100);
    }

    @Test
    void noCodeWithoutADueAmountAStandardOrTheDataItNeeds() {
        String account = nrb("102010260000042270201111");
        assertTrue(finance.paymentOrder("SM", unit(null, account), new BigDecimal("0.00"), "PLN", "x")
                .isEmpty());
        assertTrue(finance.paymentOrder("SM", unit(null, account), new BigDecimal("-3.00"), "PLN", "x")
                .isEmpty());
        assertTrue(finance.paymentOrder("SM", unit(null, null), new BigDecimal("10.00"), "PLN", "x")
                .isEmpty());
        assertTrue(finance.paymentOrder("SM", unit(null, "12345"), new BigDecimal("10.00"), "PLN", "x")
                .isEmpty());
        assertTrue(finance.paymentOrder("Asociația", unit(null, account), new BigDecimal("10.00"), "RON", "x")
                .isEmpty());
        assertTrue(finance.paymentOrder("SBD", unit("10010001", null), new BigDecimal("10.00"), "CZK", "x")
                .isEmpty());
    }
}
