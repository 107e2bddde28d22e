package org.domus.core.upload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.domus.core.DomusException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Node;

class UploadInspectorTest {

    private static final long MB = 1024 * 1024;
    private static final UploadPolicy PHOTOS_AND_PDF = UploadPolicy.photosAndPdf(10 * MB);
    private static final String GPS_MARKER = "DOMUS-GPS-MARKER";

    @Test
    void jpegIsReencodedWithoutExifAndItsGpsPosition() throws Exception {
        byte[] original = jpegWithExifGps(320, 200);
        assertTrue(contains(original, "Exif"), "the test file carries EXIF");
        assertTrue(contains(original, GPS_MARKER), "the test file carries a GPS IFD");

        InspectedUpload upload = inspect("Kitchen leak (2).JPG", original, PHOTOS_AND_PDF);

        assertEquals(UploadType.JPEG, upload.type());
        assertEquals("Kitchen leak (2).jpg", upload.safeName());
        assertEquals(320, upload.width());
        assertEquals(200, upload.height());
        assertFalse(contains(upload.content(), "Exif"));
        assertFalse(contains(upload.content(), GPS_MARKER));
        assertFalse(hasJpegSegment(upload.content(), 0xE1), "no APP1 segment is left");
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(upload.content()));
        assertEquals(320, decoded.getWidth());
        assertEquals(sha256(upload.content()), upload.sha256());
    }

    @Test
    void portraitPhotoIsTurnedUprightBeforeItsOrientationTagIsDropped() throws Exception {
        // 40 x 20 landscape pixels, left half red, tagged "rotate 90 degrees clockwise to view" (6)
        BufferedImage landscape = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = landscape.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, 40, 20);
        g.setColor(Color.RED);
        g.fillRect(0, 0, 20, 20);
        g.dispose();
        InspectedUpload upload =
                inspect("portrait.jpg", jpegWithExif(landscape, exifWithOrientation(6)), PHOTOS_AND_PDF);
        assertEquals(20, upload.width());
        assertEquals(40, upload.height());
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(upload.content()));
        assertEquals(20, stored.getWidth());
        assertEquals(40, stored.getHeight());
        // turned clockwise, the red left half is now the top half
        assertTrue(new Color(stored.getRGB(10, 5)).getRed() > 200, "top is red");
        assertTrue(new Color(stored.getRGB(10, 35)).getBlue() > 200, "bottom is blue");
        assertFalse(contains(upload.content(), "Exif"));
    }

    @Test
    void pngStaysPngWithItsSize() throws Exception {
        InspectedUpload upload = inspect("meter", png(64, 48), PHOTOS_AND_PDF);
        assertEquals(UploadType.PNG, upload.type());
        assertEquals("meter.png", upload.safeName());
        assertEquals(64, upload.width());
        assertEquals(48, upload.height());
        assertEquals("image/png", upload.type().mediaType());
    }

    @Test
    void photoAboveTheStoredSizeIsSubsampledKeepingItsProportions() throws Exception {
        // 6000 x 4000 = 24 MP, as a phone takes it (grey, so that the test holds 24 MB and not 96 MB)
        BufferedImage photo = new BufferedImage(6000, 4000, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = photo.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 3000, 4000);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(photo, "jpeg", out));
        InspectedUpload upload = inspect("lift", out.toByteArray(), PHOTOS_AND_PDF);
        assertEquals(3000, upload.width());
        assertEquals(2000, upload.height());
        assertTrue((long) upload.width() * upload.height() <= UploadPolicy.STORED_MAX_PIXELS);
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(upload.content()));
        assertTrue(new Color(stored.getRGB(100, 1000)).getRed() > 200, "left half stays white");
        assertTrue(new Color(stored.getRGB(2900, 1000)).getRed() < 50, "right half stays black");
    }

    @Test
    void gifIsStoredAsPng() throws Exception {
        InspectedUpload upload = inspect("crack.gif", image("gif", 40, 30), PHOTOS_AND_PDF);
        assertEquals(UploadType.PNG, upload.type());
        assertEquals("crack.png", upload.safeName());
        assertEquals(
                40, ImageIO.read(new ByteArrayInputStream(upload.content())).getWidth());
    }

    @Test
    void plainPdfIsAcceptedAsReceived() throws Exception {
        byte[] pdf = pdf(document -> {});
        InspectedUpload upload = inspect("offer.pdf", pdf, PHOTOS_AND_PDF);
        assertEquals(UploadType.PDF, upload.type());
        assertEquals("offer.pdf", upload.safeName());
        assertArrayEquals(pdf, upload.content());
        assertNull(upload.width());
    }

    @Test
    void pdfWithOpenActionJavaScriptIsRefused() throws Exception {
        byte[] pdf = pdf(
                document -> document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('pwned')")));
        assertRefused("upload.damaged", "invoice.pdf", pdf, PHOTOS_AND_PDF);
    }

    @Test
    void pdfWithLaunchActionIsRefused() throws Exception {
        byte[] pdf = pdf(document -> {
            PDActionLaunch launch = new PDActionLaunch();
            launch.setF("calc.exe");
            document.getDocumentCatalog().setOpenAction(launch);
        });
        assertRefused("upload.damaged", "invoice.pdf", pdf, PHOTOS_AND_PDF);
    }

    @Test
    void encryptedPdfIsRefused() throws Exception {
        byte[] pdf = pdf(document -> {
            try {
                document.protect(new StandardProtectionPolicy("owner", "secret", new AccessPermission()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertRefused("upload.damaged", "statement.pdf", pdf, PHOTOS_AND_PDF);
    }

    @Test
    void damagedPdfIsRefused() {
        byte[] broken =
                "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> garbage".getBytes(StandardCharsets.ISO_8859_1);
        assertRefused("upload.damaged", "broken.pdf", broken, PHOTOS_AND_PDF);
    }

    @Test
    void svgWithScriptIsRefusedEvenWhenNamedPng() {
        byte[] svg = ("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\">"
                        + "<script>alert(document.cookie)</script><rect width=\"10\" height=\"10\"/></svg>")
                .getBytes(StandardCharsets.UTF_8);
        assertRefused("upload.svg-refused", "photo.png", svg, PHOTOS_AND_PDF);
        assertRefused("upload.svg-refused", "photo.svg", svg, PHOTOS_AND_PDF);
    }

    @Test
    void executablesArchivesAndHtmlRenamedToJpgAreRefused() {
        byte[] elf = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        byte[] pe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0};
        byte[] html = "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        assertRefused("upload.type-refused", "photo.jpg", elf, PHOTOS_AND_PDF);
        assertRefused("upload.type-refused", "photo.jpg", pe, PHOTOS_AND_PDF);
        assertRefused("upload.type-refused", "photo.jpg", zip, PHOTOS_AND_PDF);
        assertRefused("upload.type-refused", "photo.jpg", html, PHOTOS_AND_PDF);
    }

    @Test
    void pngNamedJpgIsATypeMismatch() throws Exception {
        assertRefused("upload.type-mismatch", "photo.jpg", png(10, 10), PHOTOS_AND_PDF);
    }

    @Test
    void aTypeOutsideThePolicyIsRefused() throws Exception {
        assertRefused("upload.type-refused", "offer.pdf", pdf(document -> {}), UploadPolicy.photos(MB));
        assertRefused("upload.type-refused", "voice.wav", wav(), PHOTOS_AND_PDF);
    }

    @Test
    void oneByteOverTheLimitIsTooLargeWithoutReadingTheWholeStream() {
        CountingEndlessStream endless = new CountingEndlessStream();
        DomusException e = assertThrows(
                DomusException.class, () -> UploadInspector.inspect("big.jpg", endless, UploadPolicy.photos(2 * MB)));
        assertEquals("upload.too-large", e.messageKey());
        assertEquals(List.of("2"), e.arguments());
        assertEquals(2 * MB + 1, endless.read, "reads one byte past the limit and no more");
    }

    @Test
    void exactlyTheLimitIsAccepted() throws Exception {
        byte[] png = png(8, 8);
        assertEquals(
                UploadType.PNG,
                inspect("a.png", png, UploadPolicy.photos(png.length)).type());
        assertRefused("upload.too-large", "a.png", png, UploadPolicy.photos(png.length - 1));
    }

    @Test
    void emptyFileIsRefused() {
        assertRefused("upload.empty", "empty.jpg", new byte[0], PHOTOS_AND_PDF);
    }

    @Test
    void namesWithPathsOrControlCharactersAreRefused() throws Exception {
        byte[] png = png(4, 4);
        for (String name : List.of(
                "../../etc/passwd.jpg",
                "a\\b.png",
                "a/b.png",
                "x\u0000.png",
                "x\n.png",
                "..",
                "",
                " ",
                "x".repeat(201))) {
            assertRefused("upload.name-invalid", name, png, PHOTOS_AND_PDF);
        }
        assertRefused("upload.name-invalid", null, png, PHOTOS_AND_PDF);
    }

    @Test
    void safeNameKeepsTheBaseNameSanitised() throws Exception {
        byte[] png = png(4, 4);
        assertEquals(
                "Prasklá dlažba.png",
                inspect("Prasklá dlažba.PNG", png, PHOTOS_AND_PDF).safeName());
        assertEquals("a_b_c.png", inspect("a<b>c.png", png, PHOTOS_AND_PDF).safeName());
        assertEquals("file.png", inspect(".png", png, PHOTOS_AND_PDF).safeName());
        assertEquals("hidden.png", inspect(".hidden", png, PHOTOS_AND_PDF).safeName());
    }

    @Test
    void imageAboveThePixelLimitIsRefusedFromItsHeader() throws Exception {
        // a real 1x1 PNG whose header claims 50000 x 50000 pixels: decoding it would need ~10 GB
        byte[] bomb = withPngSize(png(1, 1), 50_000, 50_000);
        assertRefused("upload.image-too-large", "bomb.png", bomb, PHOTOS_AND_PDF);
    }

    @Test
    void truncatedImageIsDamaged() throws Exception {
        byte[] png = png(100, 100);
        byte[] truncated = java.util.Arrays.copyOf(png, 40);
        assertRefused("upload.damaged", "cut.png", truncated, PHOTOS_AND_PDF);
    }

    @Test
    void audioIsRecognisedByItsContainer() throws Exception {
        UploadPolicy audio = UploadPolicy.audio(MB);
        assertEquals(UploadType.WAV, inspect("voice.wav", wav(), audio).type());
        assertEquals(
                UploadType.OGG,
                inspect("voice", bytes("OggS", 0, 2, 0, 0, 0, 0, 0, 0, 0, 0), audio)
                        .type());
        assertEquals(
                UploadType.MP3,
                inspect("voice.mp3", bytes("ID3", 4, 0, 0, 0, 0, 0, 0), audio).type());
        byte[] mpegFrame = {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64, 0, 0, 0, 0};
        assertEquals(UploadType.MP3, inspect("voice.mp3", mpegFrame, audio).type());
        byte[] m4a = bytes("", 0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'M', '4', 'A', ' ', 0, 0, 0, 0);
        assertEquals(UploadType.M4A, inspect("voice.m4a", m4a, audio).type());
        byte[] webm =
                bytes("", 0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84, 'w', 'e', 'b', 'm');
        InspectedUpload recorded = inspect("voice.webm", webm, audio);
        assertEquals(UploadType.WEBM, recorded.type());
        assertEquals("voice.webm", recorded.safeName());
        assertTrue(recorded.type().isAudio());
        assertRefused("upload.type-mismatch", "voice.mp3", wav(), audio);
    }

    private static InspectedUpload inspect(String name, byte[] content, UploadPolicy policy) {
        return UploadInspector.inspect(name, new ByteArrayInputStream(content), policy);
    }

    private static void assertRefused(String key, String name, byte[] content, UploadPolicy policy) {
        DomusException e = assertThrows(DomusException.class, () -> inspect(name, content, policy), name);
        assertEquals(DomusException.Kind.INVALID, e.kind());
        assertEquals(key, e.messageKey(), "for " + name);
    }

    private static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLUE);
        g.drawLine(0, 0, width, height);
        g.dispose();
        return image;
    }

    private static byte[] png(int width, int height) throws IOException {
        return image("png", width, height);
    }

    private static byte[] image(String format, int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(picture(width, height), format, out));
        return out.toByteArray();
    }

    /** A JPEG written by ImageIO with an APP1 EXIF segment holding a GPS IFD (latitude N 50/1 5/1 0/1). */
    private static byte[] jpegWithExifGps(int width, int height) throws IOException {
        return jpegWithExif(picture(width, height), exifWithGps());
    }

    private static byte[] jpegWithExif(BufferedImage image, byte[] exif) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
        String format = "javax_imageio_jpeg_image_1.0";
        Node root = metadata.getAsTree(format);
        Node markerSequence =
                ((IIOMetadataNode) root).getElementsByTagName("markerSequence").item(0);
        IIOMetadataNode app1 = new IIOMetadataNode("unknown");
        app1.setAttribute("MarkerTag", "225");
        app1.setUserObject(exif);
        markerSequence.appendChild(app1);
        metadata.setFromTree(format, root);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(new IIOImage(image, null, metadata));
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** EXIF with IFD0 holding only the orientation tag (0x0112, SHORT), little-endian as many phones write. */
    private static byte[] exifWithOrientation(int orientation) {
        ByteBuffer b = ByteBuffer.allocate(32).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        b.put(new byte[] {'I', 'I', 42, 0}).putInt(8);
        b.putShort((short) 1).putShort((short) 0x0112).putShort((short) 3).putInt(1);
        b.putShort((short) orientation).putShort((short) 0).putInt(0);
        return java.util.Arrays.copyOf(b.array(), b.position());
    }

    private static byte[] exifWithGps() {
        byte[] datum = (GPS_MARKER + "\0").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(200);
        b.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        int tiff = b.position();
        b.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
        // IFD0: one entry, GPSInfo -> GPS IFD at offset 26
        b.putShort((short) 1)
                .putShort((short) 0x8825)
                .putShort((short) 4)
                .putInt(1)
                .putInt(26)
                .putInt(0);
        // GPS IFD at 26: LatitudeRef "N", Latitude 3 rationals at 68, MapDatum ASCII at 92
        b.putShort((short) 3);
        b.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
        b.putShort((short) 2).putShort((short) 5).putInt(3).putInt(68);
        b.putShort((short) 0x12).putShort((short) 2).putInt(datum.length).putInt(92);
        b.putInt(0);
        b.position(tiff + 68);
        b.putInt(50).putInt(1).putInt(5).putInt(1).putInt(0).putInt(1);
        b.position(tiff + 92);
        b.put(datum);
        byte[] exif = new byte[b.position()];
        b.flip();
        b.get(exif);
        return exif;
    }

    private static byte[] withPngSize(byte[] png, int width, int height) {
        byte[] patched = png.clone();
        ByteBuffer b = ByteBuffer.wrap(patched);
        b.putInt(16, width).putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(patched, 12, 17);
        b.putInt(29, (int) crc.getValue());
        return patched;
    }

    private interface DocumentChange {
        void apply(PDDocument document) throws IOException;
    }

    private static byte[] pdf(DocumentChange change) throws IOException {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            change.apply(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] wav() {
        ByteBuffer b = ByteBuffer.allocate(48).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(40).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) 1);
        b.putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(4).putInt(0);
        return b.array();
    }

    private static byte[] bytes(String prefix, int... rest) {
        byte[] head = prefix.getBytes(StandardCharsets.US_ASCII);
        byte[] all = java.util.Arrays.copyOf(head, head.length + rest.length);
        for (int i = 0; i < rest.length; i++) {
            all[head.length + i] = (byte) rest[i];
        }
        return all;
    }

    private static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }

    /** Walks the JPEG's marker segments up to the start of scan. */
    private static boolean hasJpegSegment(byte[] jpeg, int marker) {
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int type = jpeg[i + 1] & 0xFF;
            if (type == marker) {
                return true;
            }
            if (type == 0xDA) {
                return false;
            }
            i += 2 + (((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF));
        }
        return false;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Zeros for ever, counting what was read. */
    private static final class CountingEndlessStream extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return 0;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            java.util.Arrays.fill(buffer, offset, offset + length, (byte) 0);
            read += length;
            return length;
        }
    }
}
