package org.domus.web.components;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.domus.core.DomusException;
import org.junit.jupiter.api.Test;

class SignaturePadTest {

    private final SignaturePad pad = new SignaturePad();

    /** A white 400x160 canvas as the browser sends it, with {@code ink} drawn in dark blue. */
    private static byte[] canvas(Consumer<Graphics2D> ink) throws IOException {
        BufferedImage image = new BufferedImage(400, 160, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 400, 160);
        g.setColor(new Color(0x0d1b3e));
        g.setStroke(new BasicStroke(3));
        ink.accept(g);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static byte[] scribble() throws IOException {
        return canvas(g -> {
            g.drawLine(40, 120, 120, 30);
            g.drawLine(120, 30, 200, 120);
            g.drawLine(200, 120, 330, 50);
        });
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static void assertRefused(Runnable call) {
        DomusException refusal = assertThrows(DomusException.class, call::run);
        assertEquals(SignatureImage.REFUSED, refusal.messageKey());
        assertEquals(DomusException.Kind.INVALID, refusal.kind());
    }

    @Test
    void aDrawnSignatureIsDecodedAndMeasured() throws IOException {
        byte[] png = scribble();
        pad.received(base64(png));

        assertFalse(pad.isEmpty());
        SignatureImage signature = pad.getSignature();
        assertEquals(400, signature.width());
        assertEquals(160, signature.height());
        assertTrue(signature.inkPixels() > 300, "ink: " + signature.inkPixels());
        assertArrayEquals(png, pad.getSignaturePng());
    }

    @Test
    void anEmptyPadIsRefused() throws IOException {
        assertTrue(pad.isEmpty());
        assertRefused(pad::getSignaturePng);

        pad.received(base64(canvas(g -> {})));
        assertRefused(pad::getSignaturePng);
    }

    @Test
    void aSingleDotIsRefused() throws IOException {
        pad.received(base64(canvas(g -> g.fillOval(100, 80, 5, 5))));

        assertFalse(pad.isEmpty());
        assertRefused(pad::getSignaturePng);
    }

    @Test
    void bytesThatAreNotAPngImageAreRefused() throws IOException {
        pad.received("not base64 at all!");
        assertRefused(pad::getSignaturePng);

        byte[] png = scribble();
        pad.received(base64(Arrays.copyOf(png, png.length / 2)));
        assertRefused(pad::getSignaturePng);

        BufferedImage image = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", jpeg);
        pad.received(base64(jpeg.toByteArray()));
        assertRefused(pad::getSignaturePng);
    }

    @Test
    void clearingEmptiesThePadAndTellsTheListeners() throws IOException {
        List<Boolean> events = new ArrayList<>();
        pad.addSignatureChangeListener(e -> events.add(e.isEmpty()));
        pad.received(base64(scribble()));

        pad.clear();

        assertTrue(pad.isEmpty());
        assertEquals(List.of(false, true), events);
        assertRefused(pad::getSignaturePng);
    }

    @Test
    void theChangeEventOffersTheCheckedSignature() throws IOException {
        List<Boolean> accepted = new ArrayList<>();
        pad.addSignatureChangeListener(e -> accepted.add(e.getSignature().isPresent()));

        pad.received(base64(canvas(g -> g.fillOval(100, 80, 4, 4))));
        pad.received(base64(scribble()));

        assertEquals(List.of(false, true), accepted);
    }

    @Test
    void theCanvasSizeGoesToTheClient() {
        SignaturePad small = new SignaturePad(300, 100);

        assertEquals("300", small.getElement().getChild(0).getAttribute("width"));
        assertThrows(IllegalArgumentException.class, () -> new SignaturePad(10, 10));
    }
}
