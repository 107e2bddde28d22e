package org.domus.ledger.internal.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.domus.ledger.payment.PaymentOrder;
import org.domus.ledger.payment.PaymentQr;
import org.domus.ledger.payment.PaymentQrStandard;
import org.junit.jupiter.api.Test;

class PaymentQrCodesImplTest {

    private final PaymentQrCodesImpl codes = new PaymentQrCodesImpl(false);

    @Test
    void theCurrencyChoosesTheStandardAndLeiHaveNone() {
        assertEquals(Optional.of(PaymentQrStandard.EPC), PaymentQrStandard.forCurrency("eur"));
        assertEquals(Optional.of(PaymentQrStandard.SPAYD), PaymentQrStandard.forCurrency("CZK"));
        assertEquals(Optional.of(PaymentQrStandard.ZBP), PaymentQrStandard.forCurrency(" PLN "));
        assertEquals(Optional.empty(), PaymentQrStandard.forCurrency("RON"));

        Optional<PaymentQr> lei = codes.create(new PaymentOrder(
                "Asociația de Proprietari",
                "RO49AAAA1B31007593840000",
                null,
                null,
                BigDecimal.TEN,
                "RON",
                null,
                "Întreținere",
                null));
        assertTrue(lei.isEmpty());
    }

    @Test
    void thePngHasTheQuietZoneAndTheRequestedModuleSize() throws IOException {
        PaymentQr qr = codes.create(new PaymentOrder(
                        "Red Cross", "DE89370400440532013000", null, null, BigDecimal.ONE, "EUR", null, null, null))
                .orElseThrow();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(qr.png(3)));

        assertEquals((qr.modules() + 8) * 3, image.getWidth());
        assertEquals(image.getWidth(), image.getHeight());
        assertEquals(0xFFFFFFFF, image.getRGB(3 * 4 - 1, 3 * 4 - 1), "quiet zone is white");
        assertEquals(0xFF000000, image.getRGB(3 * 4, 3 * 4), "finder pattern starts after the quiet zone");
    }
}
