package org.domus.ledger.payment;

/** A generated payment QR code: the exact text it carries and its images. */
public interface PaymentQr {

    PaymentQrStandard standard();

    /** The text encoded in the code, exactly as the standard requires it (UTF-8 in the symbol). */
    String payload();

    /** Modules (black or white squares) per side, without the quiet zone. */
    int modules();

    /**
     * A black-on-white PNG with the standard's quiet zone of four modules on each side.
     *
     * @param pixelsPerModule side of one module in pixels, 1 to 40; 4 or more for screens
     */
    byte[] png(int pixelsPerModule);

    /** A scalable SVG document (one path, crisp edges) with the quiet zone; size it with CSS. */
    String svg();
}
