package org.domus.web.components;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.domus.core.DomusException;

/**
 * A signature checked on the server: the PNG bytes as the browser sent them, decoded with ImageIO to make
 * sure they are a real image, and measured.
 *
 * @param png the PNG file
 * @param width in pixels
 * @param height in pixels
 * @param inkPixels how many pixels are dark (the drawn lines)
 */
public record SignatureImage(byte[] png, int width, int height, int inkPixels) {

    /** Message key of the refusal of an empty, too small or unreadable signature. */
    public static final String REFUSED = "components.signature.refused";

    /** Larger uploads are refused before decoding; a signature canvas makes far smaller files. */
    static final int MAX_BYTES = 2 * 1024 * 1024;

    static final int MAX_SIDE = 4000;

    /** Ink within a box this small (in both directions) is a dot or a slip, not a signature. */
    static final int MIN_EXTENT = 12;

    static final int MIN_INK_PIXELS = 20;

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    public SignatureImage {
        png = png.clone();
    }

    @Override
    public byte[] png() {
        return png.clone();
    }

    /**
     * Decodes and checks a signature.
     *
     * @throws DomusException INVALID with {@link #REFUSED} when the bytes are not a PNG image of sensible
     *     size, or the drawing in it is empty or a single dot
     */
    public static SignatureImage decode(byte[] png) {
        if (png == null || png.length < PNG_MAGIC.length || png.length > MAX_BYTES || !startsWithMagic(png)) {
            throw refused();
        }
        BufferedImage image = read(png);
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        int ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (dark(image.getRGB(x, y))) {
                    ink++;
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        if (ink < MIN_INK_PIXELS || (maxX - minX < MIN_EXTENT && maxY - minY < MIN_EXTENT)) {
            throw refused();
        }
        return new SignatureImage(png, image.getWidth(), image.getHeight(), ink);
    }

    private static BufferedImage read(byte[] png) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw refused();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                // The header's size first: a small file can claim a huge picture.
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
                    throw refused();
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomusException refusal) {
                throw refusal;
            }
            throw refused();
        }
    }

    /** Opaque enough and darker than mid-grey. */
    private static boolean dark(int argb) {
        int alpha = argb >>> 24;
        int r = (argb >> 16) & 0xff;
        int g = (argb >> 8) & 0xff;
        int b = argb & 0xff;
        return alpha >= 128 && (r * 299 + g * 587 + b * 114) / 1000 < 128;
    }

    private static boolean startsWithMagic(byte[] bytes) {
        for (int i = 0; i < PNG_MAGIC.length; i++) {
            if (bytes[i] != PNG_MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static DomusException refused() {
        return new DomusException(DomusException.Kind.INVALID, REFUSED);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignatureImage s
                && java.util.Arrays.equals(png, s.png)
                && width == s.width
                && height == s.height
                && inkPixels == s.inkPixels;
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(png);
    }

    @Override
    public String toString() {
        return "SignatureImage[" + png.length + " bytes, " + width + "x" + height + ", ink " + inkPixels + "]";
    }
}
