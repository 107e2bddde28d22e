package org.domus.core.qr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrCodesTest {

    private static final String URL = "https://domus.example/report/Q7K2M9";

    @Test
    void pngIsASquareImageOfTheRequestedSizeThatDecodesToTheText() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCodes.png(URL, 240)));
        assertEquals(240, image.getWidth());
        assertEquals(240, image.getHeight());
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new BinaryBitmap(
                new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        // A clean, computer-made image: the reader is told so (its camera-image detector wants a wider margin).
        assertEquals(
                URL,
                new QRCodeReader()
                        .decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
                        .getText());
    }

    @Test
    void dataUrlCarriesTheSamePng() {
        String dataUrl = QrCodes.pngDataUrl(URL, 200);
        String prefix = "data:image/png;base64,";
        assertTrue(dataUrl.startsWith(prefix), dataUrl.substring(0, 40));
        assertArrayEquals(QrCodes.png(URL, 200), Base64.getDecoder().decode(dataUrl.substring(prefix.length())));
    }
}
