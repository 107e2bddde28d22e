package org.domus.ledger.internal.qr;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.domus.ledger.payment.PaymentOrder;
import org.domus.ledger.payment.PaymentQrStandard;

/** One payment QR standard: how an order becomes the text in the symbol, and how the symbol is made. */
interface PayloadFormat {

    PaymentQrStandard standard();

    /** The error correction level the standard asks for. */
    ErrorCorrectionLevel errorCorrection();

    /** The largest QR version the standard allows (40 when it sets no limit). */
    default int maxVersion() {
        return 40;
    }

    /**
     * The exact payload.
     *
     * @throws org.domus.core.registry.InvalidFieldsException naming every refused field
     */
    String payload(PaymentOrder order);
}
