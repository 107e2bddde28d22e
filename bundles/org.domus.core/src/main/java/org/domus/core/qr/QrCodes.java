package org.domus.core.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Black-on-white QR codes as PNG images, rendered on the server so no script or external service sees the
 * encoded text. Error correction level M, a quiet zone of two modules.
 *
 * @since 1.0
 */
public final class QrCodes {

    private QrCodes() {}

    /**
     * A QR code of the text as PNG bytes, {@code size} pixels square.
     *
     * @throws IllegalStateException when the text does not fit a QR code or the image cannot be written
     */
    public static byte[] png(String text, int size) {
        try {
            BitMatrix matrix = new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            size,
                            size,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            BufferedImage image =
                    new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    image.setRGB(x, y, matrix.get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (WriterException | IOException e) {
            throw new IllegalStateException("QR code could not be rendered", e);
        }
    }

    /**
     * The same image as {@link #png(String, int)}, as {@code data:image/png;base64,...} for an {@code img}
     * element or a JSON field.
     */
    public static String pngDataUrl(String text, int size) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(text, size));
    }
}
