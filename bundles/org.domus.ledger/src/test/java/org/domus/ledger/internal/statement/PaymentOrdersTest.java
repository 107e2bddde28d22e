package org.domus.ledger.internal.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.domus.core.registry.LegalForm;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Share;
import org.domus.core.registry.Unit;
import org.domus.core.registry.UnitKind;
import org.domus.core.registry.UnitState;
import org.domus.ledger.internal.qr.PaymentQrCodesImpl;
import org.domus.ledger.internal.qr.QrDecoder;
import org.domus.ledger.payment.PaymentOrder;
import org.junit.jupiter.api.Test;

/**
 * The payment order behind the amount due's QR code ({@link UnitDocumentsImpl#paymentOrder}), shared by the
 * REST amount due, the statement PDF and the resident's page: a code only when something is due and the
 * registry holds what the currency's standard needs, scanned back from the real generator's PNG.
 */
class PaymentOrdersTest {

    private final PaymentQrCodesImpl qrCodes = new PaymentQrCodesImpl(false);
    private final UnitDocumentsImpl documents =
            new UnitDocumentsImpl(null, null, null, null, null, null, qrCodes, null, Clock.systemUTC());

    private static Unit unit(String virtualAccount) {
        return new Unit(
                7,
                1,
                "7",
                UnitKind.FLAT,
                2,
                null,
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
        PaymentOrder order = documents
                .paymentOrder(KRAKOW, unit(nrb), new BigDecimal("512.40"), "PLN", "Długa 5, lokal 7")
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
        assertTrue(documents
                .paymentOrder(KRAKOW, unit(nrb), new BigDecimal("0.00"), "PLN", "x")
                .isEmpty());
        assertTrue(documents
                .paymentOrder(KRAKOW, unit(null), new BigDecimal("10.00"), "PLN", "x")
                .isEmpty());
        assertTrue(documents
                .paymentOrder(KRAKOW, unit("61109010140000071219812875"), new BigDecimal("10.00"), "PLN", "x")
                .isEmpty());
    }

    @Test
    void czechAmountsDueGetASpaydCodeWithTheOrganisationsIbanAndTheUnitsVariableSymbol() {
        PaymentOrder order = documents
                .paymentOrder(PRAHA, unit(null), new BigDecimal("4312.50"), "CZK", "Květná 12, byt 7")
                .orElseThrow();
        assertEquals(
                "SPD*1.0*ACC:CZ6508000000192000145399+GIBACZPX*AM:4312.50*CC:CZK*RN:SBD Domov*X-VS:1234567"
                        + "*MSG:Květná 12, byt 7",
                decode(order));
        // without the organisation's IBAN, or without the unit's variable symbol, there is no code
        Organisation noBank = new Organisation(2, "SBD Domov", null, "CZ", "CZK", 0);
        assertTrue(documents
                .paymentOrder(noBank, unit(null), new BigDecimal("10.00"), "CZK", "x")
                .isEmpty());
        assertTrue(documents
                .paymentOrder(PRAHA, unitWithoutVs(), new BigDecimal("10.00"), "CZK", "x")
                .isEmpty());
        // RON has no payment QR standard
        assertTrue(documents
                .paymentOrder(PRAHA, unit(null), new BigDecimal("10.00"), "RON", "x")
                .isEmpty());
    }

    @Test
    void euroAmountsDueGetAnEpcCodeWithTheOrganisationsIban() {
        PaymentOrder order = documents
                .paymentOrder(BRATISLAVA, unit(null), new BigDecimal("85.20"), "EUR", "Dunajská 3/7")
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
        assertTrue(documents
                .paymentOrder(
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
                u.staircase(),
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
}
