package org.domus.ledger.internal.qr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Result;
import java.nio.charset.StandardCharsets;
import org.domus.ledger.payment.PaymentQr;

/** Assertions that a generated code scans back to exactly the expected payload. */
final class Scan {

    private Scan() {}

    /** The PNG and the SVG both decode to {@code expected}, byte for byte (UTF-8) where the symbol holds bytes. */
    static void assertScansTo(String expected, PaymentQr qr) {
        assertEquals(expected, qr.payload(), "payload");
        Result png = QrDecoder.decodePng(qr.png(4));
        assertEquals(BarcodeFormat.QR_CODE, png.getBarcodeFormat());
        assertEquals(expected, png.getText(), "text decoded from the PNG");
        byte[] bytes = QrDecoder.byteSegments(png);
        if (bytes != null) {
            assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), bytes, "bytes in the symbol");
        }
        assertEquals(expected, QrDecoder.decodeSvg(qr.svg()).getText(), "text decoded from the SVG");
    }
}
