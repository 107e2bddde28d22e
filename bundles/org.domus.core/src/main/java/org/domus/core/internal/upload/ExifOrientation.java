package org.domus.core.internal.upload;

import java.awt.image.BufferedImage;

/**
 * The EXIF orientation of a JPEG, read before the metadata is dropped and applied to the pixels: phones store
 * portrait photos as landscape pixels plus an orientation tag, so without it a re-encoded photo would show on
 * its side.
 */
final class ExifOrientation {

    static final int NORMAL = 1;
    private static final int ORIENTATION_TAG = 0x0112;

    private ExifOrientation() {}

    /** The orientation (1 to 8) in the JPEG's EXIF segment; 1 when there is none or it cannot be read. */
    static int of(byte[] jpeg) {
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xDA || marker == 0xD9) {
                return NORMAL;
            }
            int length = u16(jpeg, i + 2, true);
            if (length < 2) {
                return NORMAL;
            }
            int data = i + 4;
            if (marker == 0xE1 && data + 14 <= jpeg.length && startsWithExif(jpeg, data)) {
                return fromTiff(jpeg, data + 6, Math.min(jpeg.length, i + 2 + length));
            }
            i += 2 + length;
        }
        return NORMAL;
    }

    private static boolean startsWithExif(byte[] b, int at) {
        return b[at] == 'E'
                && b[at + 1] == 'x'
                && b[at + 2] == 'i'
                && b[at + 3] == 'f'
                && b[at + 4] == 0
                && b[at + 5] == 0;
    }

    private static int fromTiff(byte[] b, int tiff, int end) {
        if (tiff + 8 > end) {
            return NORMAL;
        }
        boolean bigEndian;
        if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
            bigEndian = true;
        } else if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
            bigEndian = false;
        } else {
            return NORMAL;
        }
        long ifd = u32(b, tiff + 4, bigEndian);
        if (ifd < 8 || tiff + ifd + 2 > end) {
            return NORMAL;
        }
        int entries = u16(b, (int) (tiff + ifd), bigEndian);
        for (int e = 0; e < entries; e++) {
            int entry = (int) (tiff + ifd + 2 + 12L * e);
            if (entry + 12 > end) {
                return NORMAL;
            }
            if (u16(b, entry, bigEndian) == ORIENTATION_TAG) {
                int value = u16(b, entry + 8, bigEndian);
                return value >= 1 && value <= 8 ? value : NORMAL;
            }
        }
        return NORMAL;
    }

    /** The image turned and mirrored as the orientation says, so that it shows upright without the tag. */
    static BufferedImage apply(BufferedImage source, int orientation) {
        if (orientation <= NORMAL || orientation > 8) {
            return source;
        }
        int w = source.getWidth();
        int h = source.getHeight();
        boolean swap = orientation >= 5;
        BufferedImage target = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = source.getRGB(x, y);
                switch (orientation) {
                    case 2 -> target.setRGB(w - 1 - x, y, rgb);
                    case 3 -> target.setRGB(w - 1 - x, h - 1 - y, rgb);
                    case 4 -> target.setRGB(x, h - 1 - y, rgb);
                    case 5 -> target.setRGB(y, x, rgb);
                    case 6 -> target.setRGB(h - 1 - y, x, rgb);
                    case 7 -> target.setRGB(h - 1 - y, w - 1 - x, rgb);
                    default -> target.setRGB(y, w - 1 - x, rgb);
                }
            }
        }
        return target;
    }

    private static int u16(byte[] b, int at, boolean bigEndian) {
        int hi = b[bigEndian ? at : at + 1] & 0xFF;
        int lo = b[bigEndian ? at + 1 : at] & 0xFF;
        return (hi << 8) | lo;
    }

    private static long u32(byte[] b, int at, boolean bigEndian) {
        long value = 0;
        for (int k = 0; k < 4; k++) {
            value = (value << 8) | (b[bigEndian ? at + k : at + 3 - k] & 0xFF);
        }
        return value;
    }
}
