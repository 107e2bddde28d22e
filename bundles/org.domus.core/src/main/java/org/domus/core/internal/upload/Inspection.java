package org.domus.core.internal.upload;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.domus.core.DomusException;
import org.domus.core.upload.InspectedUpload;
import org.domus.core.upload.UploadPolicy;
import org.domus.core.upload.UploadType;

/** The checks behind {@link org.domus.core.upload.UploadInspector}. */
public final class Inspection {

    static final int MAX_NAME_LENGTH = 200;
    private static final float JPEG_QUALITY = 0.9f;

    private Inspection() {}

    public static InspectedUpload inspect(String claimedName, InputStream content, UploadPolicy policy) {
        String baseName = baseName(claimedName);
        byte[] bytes = readAtMost(content, policy.maxBytes());
        UploadType detected = detect(bytes);
        if (!policy.accepts(detected)) {
            throw invalid("upload.type-refused");
        }
        Optional<UploadType> claimed = extension(claimedName).flatMap(UploadType::byExtension);
        if (claimed.isPresent() && claimed.get() != detected) {
            throw invalid("upload.type-mismatch");
        }
        if (detected.isImage()) {
            return Images.reencode(baseName, bytes, detected);
        }
        if (detected == UploadType.PDF) {
            Pdfs.check(bytes);
        }
        return new InspectedUpload(detected, safeName(baseName, detected), bytes, sha256(bytes), null, null);
    }

    /** The claimed name without its extension (when the extension is a short alphanumeric word), sanitised. */
    static String baseName(String claimedName) {
        if (claimedName == null || claimedName.isBlank() || claimedName.length() > MAX_NAME_LENGTH) {
            throw invalid("upload.name-invalid");
        }
        if (claimedName.contains("/") || claimedName.contains("\\") || claimedName.contains("..")) {
            throw invalid("upload.name-invalid");
        }
        for (int i = 0; i < claimedName.length(); i++) {
            char c = claimedName.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                throw invalid("upload.name-invalid");
            }
        }
        String base = claimedName.strip();
        if (extension(base).isPresent()) {
            base = base.substring(0, base.lastIndexOf('.'));
        }
        StringBuilder safe = new StringBuilder();
        base.codePoints().forEach(cp -> {
            boolean allowed = Character.isLetterOrDigit(cp)
                    || cp == ' '
                    || cp == '-'
                    || cp == '_'
                    || cp == '.'
                    || cp == '('
                    || cp == ')';
            safe.appendCodePoint(allowed ? cp : '_');
        });
        // leading dots would make hidden files; trailing dots and spaces are dropped by Windows
        String result = safe.toString().replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");
        return result.isEmpty() ? "file" : result;
    }

    static Optional<String> extension(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1) {
            return Optional.empty();
        }
        String ext = name.substring(dot + 1).strip();
        return ext.matches("[A-Za-z0-9]{1,5}") ? Optional.of(ext.toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    static String safeName(String baseName, UploadType type) {
        return baseName + "." + type.extension();
    }

    /** Reads the stream up to one byte past the limit, so that a too large upload is never read whole. */
    static byte[] readAtMost(InputStream in, long maxBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(maxBytes + 1, 64 * 1024));
        byte[] buffer = new byte[8192];
        long total = 0;
        try {
            while (total <= maxBytes) {
                int want = (int) Math.min(buffer.length, maxBytes + 1 - total);
                int n = in.read(buffer, 0, want);
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
                total += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading an upload failed", e);
        }
        if (total > maxBytes) {
            throw invalid("upload.too-large", megabytes(maxBytes));
        }
        if (total == 0) {
            throw invalid("upload.empty");
        }
        return out.toByteArray();
    }

    private static String megabytes(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        return mb == Math.rint(mb) ? String.valueOf((long) mb) : String.format(Locale.ROOT, "%.1f", mb);
    }

    /** The type by magic bytes; SVG and other markup is refused with its own message. */
    static UploadType detect(byte[] b) {
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return UploadType.JPEG;
        }
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return UploadType.PNG;
        }
        if (startsWithText(b, 0, "GIF87a") || startsWithText(b, 0, "GIF89a")) {
            return UploadType.GIF;
        }
        if (startsWithText(b, 0, "%PDF-")) {
            return UploadType.PDF;
        }
        if (startsWithText(b, 0, "OggS")) {
            return UploadType.OGG;
        }
        if (startsWith(b, 0, 0x1A, 0x45, 0xDF, 0xA3) && headContains(b, 64, "webm")) {
            return UploadType.WEBM;
        }
        if (startsWithText(b, 0, "RIFF") && startsWithText(b, 8, "WAVE")) {
            return UploadType.WAV;
        }
        if (startsWithText(b, 4, "ftyp") && isAudioBrand(b)) {
            return UploadType.M4A;
        }
        if (startsWithText(b, 0, "ID3") || isMpegAudioFrame(b)) {
            return UploadType.MP3;
        }
        if (looksLikeMarkup(b)) {
            String head = head(b, 4096).toLowerCase(Locale.ROOT);
            if (head.contains("<svg")) {
                throw invalid("upload.svg-refused");
            }
        }
        throw invalid("upload.type-refused");
    }

    private static boolean isAudioBrand(byte[] b) {
        if (b.length < 12) {
            return false;
        }
        String brand = new String(b, 8, 4, StandardCharsets.ISO_8859_1);
        return switch (brand) {
            case "M4A ", "M4B ", "mp42", "mp41", "isom", "iso2", "iso5", "iso6", "dash" -> true;
            default -> false;
        };
    }

    /** An MPEG-1/2 audio frame header: 11 sync bits, a valid version, layer III, a valid bitrate and rate. */
    private static boolean isMpegAudioFrame(byte[] b) {
        if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xE0) != 0xE0) {
            return false;
        }
        int version = (b[1] >> 3) & 0x03;
        int layer = (b[1] >> 1) & 0x03;
        int bitrate = (b[2] >> 4) & 0x0F;
        int rate = (b[2] >> 2) & 0x03;
        return version != 1 && layer == 1 && bitrate != 0 && bitrate != 15 && rate != 3;
    }

    private static boolean looksLikeMarkup(byte[] b) {
        String head = head(b, 4096).stripLeading();
        if (head.startsWith("\uFEFF")) {
            head = head.substring(1).stripLeading();
        }
        return head.startsWith("<");
    }

    private static String head(byte[] b, int max) {
        return new String(b, 0, Math.min(b.length, max), StandardCharsets.UTF_8);
    }

    private static boolean headContains(byte[] b, int max, String text) {
        return new String(b, 0, Math.min(b.length, max), StandardCharsets.ISO_8859_1).contains(text);
    }

    private static boolean startsWith(byte[] b, int offset, int... expected) {
        if (b.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithText(byte[] b, int offset, String text) {
        byte[] t = text.getBytes(StandardCharsets.ISO_8859_1);
        if (b.length < offset + t.length) {
            return false;
        }
        for (int i = 0; i < t.length; i++) {
            if (b[offset + i] != t[i]) {
                return false;
            }
        }
        return true;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    static DomusException invalid(String key, Object... args) {
        return new DomusException(DomusException.Kind.INVALID, key, args);
    }

    /** Images: the header's size is checked before decoding; the pixels are re-encoded without metadata. */
    static final class Images {

        private Images() {}

        static InspectedUpload reencode(String baseName, byte[] bytes, UploadType detected) {
            String format = detected == UploadType.JPEG ? "jpeg" : detected == UploadType.PNG ? "png" : "gif";
            BufferedImage image = decode(bytes, format);
            if (detected == UploadType.JPEG) {
                // the orientation tag goes with the metadata, so it is applied to the pixels first
                image = ExifOrientation.apply(image, ExifOrientation.of(bytes));
            }
            UploadType stored = detected == UploadType.GIF ? UploadType.PNG : detected;
            byte[] encoded = stored == UploadType.JPEG ? writeJpeg(image) : writePng(image);
            return new InspectedUpload(
                    stored, safeName(baseName, stored), encoded, sha256(encoded), image.getWidth(), image.getHeight());
        }

        private static BufferedImage decode(byte[] bytes, String format) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (!readers.hasNext()) {
                throw new IllegalStateException("no ImageIO reader for " + format);
            }
            ImageReader reader = readers.next();
            try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw invalid("upload.damaged");
                }
                if (width * height > UploadPolicy.MAX_PIXELS) {
                    throw invalid("upload.image-too-large", UploadPolicy.MAX_PIXELS / 1_000_000);
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = subsampling(width, height);
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                BufferedImage image = reader.read(0, param);
                if (image == null) {
                    throw invalid("upload.damaged");
                }
                return image;
            } catch (IOException | RuntimeException e) {
                if (e instanceof DomusException domus) {
                    throw domus;
                }
                // ImageIO answers broken data with IOExceptions and with runtime exceptions alike
                throw invalid("upload.damaged");
            } finally {
                reader.dispose();
            }
        }

        /** The smallest step n such that every n-th pixel of every n-th row fits the stored size. */
        static int subsampling(long width, long height) {
            int step = 1;
            while (ceilDiv(width, step) * ceilDiv(height, step) > UploadPolicy.STORED_MAX_PIXELS) {
                step++;
            }
            return step;
        }

        private static long ceilDiv(long a, long b) {
            return (a + b - 1) / b;
        }

        private static byte[] writeJpeg(BufferedImage image) {
            BufferedImage rgb = image;
            if (image.getType() != BufferedImage.TYPE_INT_RGB && image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
                rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
                rgb.createGraphics().drawImage(image, 0, 0, java.awt.Color.WHITE, null);
            }
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(ios);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
                // no metadata argument: the written file has a bare JFIF header, no EXIF
                writer.write(null, new IIOImage(rgb, null, null), param);
            } catch (IOException e) {
                throw new UncheckedIOException("encoding a JPEG failed", e);
            } finally {
                writer.dispose();
            }
            return out.toByteArray();
        }

        private static byte[] writePng(BufferedImage image) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                if (!ImageIO.write(image, "png", out)) {
                    throw new IllegalStateException("no ImageIO writer for png");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("encoding a PNG failed", e);
            }
            return out.toByteArray();
        }
    }
}
