package org.domus.ledger.internal.qr;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/** Reads QR codes back from image pixels with ZXing's multi-format reader, as a banking app's scanner would. */
public final class QrDecoder {

    private static final Pattern SVG_RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\3z");
    private static final Pattern SVG_SIDE = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");

    private QrDecoder() {}

    public static Result decodePng(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null) {
                throw new AssertionError("not an image");
            }
            return decode(image);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Finds and decodes the one QR code in the picture (any position, any size). */
    public static Result decode(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels)));
        try {
            return new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
        } catch (NotFoundException e) {
            throw new AssertionError("no QR code found in the image", e);
        }
    }

    /**
     * Draws our SVG (its path of horizontal runs, as a browser would) at 6 pixels a unit and decodes the
     * result, so the SVG is proved by its pixels and not by its text.
     */
    public static Result decodeSvg(String svg) {
        Matcher side = SVG_SIDE.matcher(svg);
        if (!side.find()) {
            throw new AssertionError("no viewBox in " + svg);
        }
        int scale = 6;
        int size = Integer.parseInt(side.group(1)) * scale;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                image.setRGB(x, y, 0xFFFFFF);
            }
        }
        Matcher run = SVG_RUN.matcher(svg);
        while (run.find()) {
            int x0 = Integer.parseInt(run.group(1)) * scale;
            int y0 = Integer.parseInt(run.group(2)) * scale;
            int len = Integer.parseInt(run.group(3)) * scale;
            for (int y = y0; y < y0 + scale; y++) {
                for (int x = x0; x < x0 + len; x++) {
                    image.setRGB(x, y, 0x000000);
                }
            }
        }
        return decode(image);
    }

    /** The raw bytes of the code's byte-mode segments, as they were in the symbol (null in alphanumeric mode). */
    @SuppressWarnings("unchecked")
    public static byte[] byteSegments(Result result) {
        List<byte[]> segments = (List<byte[]>) result.getResultMetadata().get(ResultMetadataType.BYTE_SEGMENTS);
        if (segments == null) {
            return null;
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        segments.forEach(all::writeBytes);
        return all.toByteArray();
    }
}
