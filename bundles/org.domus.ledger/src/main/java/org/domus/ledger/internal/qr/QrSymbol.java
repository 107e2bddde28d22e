package org.domus.ledger.internal.qr;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;
import org.domus.ledger.payment.PaymentQr;
import org.domus.ledger.payment.PaymentQrStandard;

/**
 * A payload encoded as a QR symbol by ZXing. The text is encoded as UTF-8; when it needs byte mode (lower
 * case, diacritics) ZXing puts an ECI designator for UTF-8 in front, so readers decode Czech, Polish and
 * Romanian letters as such rather than guessing; upper-case-only payloads stay in the compact alphanumeric
 * mode.
 */
public final class QrSymbol implements PaymentQr {

    /** Quiet zone: ISO/IEC 18004 asks for four modules of white on every side. */
    static final int QUIET_ZONE = 4;

    private final PaymentQrStandard standard;
    private final String payload;
    private final ByteMatrix matrix;
    private final int version;

    private QrSymbol(PaymentQrStandard standard, String payload, QRCode code) {
        this.standard = standard;
        this.payload = payload;
        this.matrix = code.getMatrix();
        this.version = code.getVersion().getVersionNumber();
    }

    /**
     * Encodes the payload.
     *
     * @throws IllegalArgumentException when it does not fit in a symbol of at most {@code maxVersion}
     */
    static QrSymbol encode(PaymentQrStandard standard, String payload, ErrorCorrectionLevel level, int maxVersion) {
        try {
            QRCode code =
                    Encoder.encode(payload, level, Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name()));
            if (code.getVersion().getVersionNumber() > maxVersion) {
                throw new IllegalArgumentException("The payload needs QR version "
                        + code.getVersion().getVersionNumber() + "; " + standard + " allows " + maxVersion);
            }
            return new QrSymbol(standard, payload, code);
        } catch (WriterException e) {
            throw new IllegalArgumentException("The payload does not fit in a QR code", e);
        }
    }

    @Override
    public PaymentQrStandard standard() {
        return standard;
    }

    @Override
    public String payload() {
        return payload;
    }

    @Override
    public int modules() {
        return matrix.getWidth();
    }

    int version() {
        return version;
    }

    boolean dark(int x, int y) {
        return matrix.get(x, y) == 1;
    }

    @Override
    public byte[] png(int pixelsPerModule) {
        BufferedImage image = image(pixelsPerModule);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed", e);
        }
        return png.toByteArray();
    }

    /** The symbol as a black-and-white image with the quiet zone (also used to place it in PDFs). */
    public BufferedImage image(int pixelsPerModule) {
        if (pixelsPerModule < 1 || pixelsPerModule > 40) {
            throw new IllegalArgumentException("pixelsPerModule must be 1..40, not " + pixelsPerModule);
        }
        int side = (modules() + 2 * QUIET_ZONE) * pixelsPerModule;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
        int[] white = new int[side];
        java.util.Arrays.fill(white, 0xFFFFFFFF);
        for (int y = 0; y < side; y++) {
            image.setRGB(0, y, side, 1, white, 0, side);
        }
        int[] black = new int[pixelsPerModule * pixelsPerModule];
        java.util.Arrays.fill(black, 0xFF000000);
        for (int y = 0; y < modules(); y++) {
            for (int x = 0; x < modules(); x++) {
                if (dark(x, y)) {
                    image.setRGB(
                            (x + QUIET_ZONE) * pixelsPerModule,
                            (y + QUIET_ZONE) * pixelsPerModule,
                            pixelsPerModule,
                            pixelsPerModule,
                            black,
                            0,
                            pixelsPerModule);
                }
            }
        }
        return image;
    }

    @Override
    public String svg() {
        int side = modules() + 2 * QUIET_ZONE;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < modules(); y++) {
            int x = 0;
            while (x < modules()) {
                if (!dark(x, y)) {
                    x++;
                    continue;
                }
                int run = 1;
                while (x + run < modules() && dark(x + run, y)) {
                    run++;
                }
                path.append('M')
                        .append(x + QUIET_ZONE)
                        .append(' ')
                        .append(y + QUIET_ZONE)
                        .append('h')
                        .append(run)
                        .append("v1h-")
                        .append(run)
                        .append('z');
                x += run;
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + side + " " + side
                + "\" shape-rendering=\"crispEdges\"><rect width=\"" + side + "\" height=\"" + side
                + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
