package org.domus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.RoleGrant;
import org.domus.core.account.Account;
import org.domus.core.account.NewAccount;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * What the tickets in-container tests share: the module installed headless, accounts with roles, raw REST
 * calls (JSON and file bodies), the module's settings through ConfigAdmin, a snapshot of every TICKETS_ table
 * and real image and PDF files made on the spot.
 */
public abstract class TicketsTestSupport extends DomusTestSupport {

    protected static final Duration WAIT = Duration.ofSeconds(120);

    /** The tickets module's settings (TicketsSettings in org.domus.tickets). */
    protected static final String TICKETS_PID = "org.domus.tickets";

    @Inject
    protected ConfigurationAdmin configurationAdmin;

    @Inject
    @Filter("(osgi.jndi.service.name=domus)")
    protected DataSource dataSource;

    /** An account and its personal access token. */
    protected record Login(long accountId, String token) {}

    /** Installs the tickets module (REST only) and waits until its REST answers the given token. */
    protected void installTickets(String token) throws Exception {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("modules", "tickets:headless");
        configurationAdmin.getConfiguration("org.domus.modules", null).update(properties);
        await("tickets REST", WAIT, () -> statusOf("/api/tickets/me", token) == 200);
    }

    /** Sets some of the tickets module's settings (the others keep their values) and waits a moment for them. */
    protected void ticketsSettings(Map<String, Object> values) throws IOException, InterruptedException {
        Configuration configuration = configurationAdmin.getConfiguration(TICKETS_PID, null);
        Dictionary<String, Object> properties = configuration.getProperties();
        if (properties == null) {
            properties = new Hashtable<>();
        }
        for (Map.Entry<String, Object> value : values.entrySet()) {
            properties.put(value.getKey(), value.getValue());
        }
        configuration.update(properties);
    }

    /** A new account with the given scoped role grants (TOTP enrolled where required) and a token for it. */
    protected Login login(String prefix, Set<RoleGrant> grants) {
        Account account = account(prefix, Set.of());
        if (!grants.isEmpty()) {
            accounts.setGrants(account.id(), grants, RegistryFixture.SYSTEM);
        }
        return token(account);
    }

    /** A new account holding the role everywhere. */
    protected Login login(String prefix, Role role) {
        return token(account(prefix, Set.of(role)));
    }

    private Account account(String prefix, Set<Role> roles) {
        return accounts.create(
                new NewAccount(
                        prefix + "-" + UUID.randomUUID().toString().substring(0, 6),
                        "Test " + prefix,
                        null,
                        "Correct-Horse-Battery-42".toCharArray(),
                        roles,
                        Locale.ENGLISH,
                        false),
                RegistryFixture.SYSTEM);
    }

    private Login token(Account account) {
        Subject subject = accounts.subjectOf(account.id()).orElseThrow();
        if (totp().isRequired(subject)) {
            enrolTotp(totp(), subject);
        }
        return new Login(account.id(), tokens.create(subject, "itest", null).secret());
    }

    /** A JSON request to {@code /api + path}; {@code body} may be null. */
    protected HttpResponse<String> call(String method, String path, String bearer, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/api" + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Accept-Language", "en");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String text = body instanceof String s ? s : json.writeValueAsString(body);
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(text));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Raw bytes to an upload route, {@code ?name=} the claimed file name (sent percent-encoded). */
    protected HttpResponse<String> upload(String path, String bearer, String name, byte[] content, String type)
            throws IOException, InterruptedException {
        String separator = path.contains("?") ? "&" : "?";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
                        base() + "/api" + path + separator + "name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Accept-Language", "en")
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(content));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET answering bytes (file downloads). */
    protected HttpResponse<byte[]> download(String path, String bearer) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/api" + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "*/*")
                .header("Authorization", "Bearer " + bearer)
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    protected JsonNode expect(int status, HttpResponse<String> response) throws IOException {
        assertEquals(
                response.request().method() + " " + response.uri() + ": " + response.body(),
                status,
                response.statusCode());
        return response.body().isEmpty() ? json.nullNode() : parse(response);
    }

    /** A 4xx problem document with the message key and an English detail containing {@code detail}. */
    protected JsonNode expectProblem(HttpResponse<String> response, int status, String key, String detail)
            throws IOException {
        assertProblem(response, status);
        JsonNode problem = parse(response);
        if (key != null) {
            assertEquals(response.body(), key, problem.path("messageKey").asText());
        }
        if (detail != null) {
            assertTrue(
                    "detail '" + problem.path("detail").asText() + "' says '" + detail + "'",
                    problem.path("detail").asText().contains(detail));
        }
        return problem;
    }

    // ---- the tickets world -------------------------------------------------------------------------------

    /** The id of an organisation's category with the code (defaults are created on first read). */
    protected long category(String staff, long organisationId, String code) throws IOException, InterruptedException {
        JsonNode categories =
                expect(200, call("GET", "/tickets/organisations/" + organisationId + "/categories", staff, null));
        for (JsonNode c : categories) {
            if (code.equals(c.path("code").asText())) {
                return c.path("id").asLong();
            }
        }
        throw new AssertionError("no category " + code + " in " + categories);
    }

    protected Map<String, Object> unitTicket(long unitId, long categoryId, String description) {
        Map<String, Object> t = new TreeMap<>();
        t.put("area", "UNIT");
        t.put("unitId", unitId);
        t.put("categoryId", categoryId);
        t.put("description", description);
        return t;
    }

    protected Map<String, Object> buildingTicket(String area, long buildingId, long categoryId, String description) {
        Map<String, Object> t = new TreeMap<>();
        t.put("area", area);
        t.put("buildingId", buildingId);
        t.put("categoryId", categoryId);
        t.put("description", description);
        return t;
    }

    protected JsonNode submit(String token, Map<String, Object> ticket) throws IOException, InterruptedException {
        return expect(201, call("POST", "/tickets", token, ticket));
    }

    protected JsonNode move(String token, long ticketId, Map<String, Object> request)
            throws IOException, InterruptedException {
        return expect(200, call("POST", "/tickets/" + ticketId + "/transitions", token, request));
    }

    // ---- what the database holds ---------------------------------------------------------------------------

    /** Every row of every TICKETS_ table (file contents as length and hash): equal means nothing was written. */
    protected String ticketsTables() throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            List<String> tables = new ArrayList<>();
            for (String pattern : List.of("TICKETS_%", "tickets_%")) {
                try (ResultSet rs = meta.getTables(null, null, pattern, new String[] {"TABLE"})) {
                    while (rs.next()) {
                        tables.add(rs.getString("TABLE_NAME"));
                    }
                }
            }
            assertTrue("TICKETS_ tables: " + tables, tables.size() >= 10);
            tables.sort(String.CASE_INSENSITIVE_ORDER);
            for (String table : tables) {
                out.append("== ").append(table.toUpperCase(Locale.ROOT)).append('\n');
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
                    ResultSetMetaData columns = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= columns.getColumnCount(); i++) {
                            out.append(columns.getColumnName(i).toUpperCase(Locale.ROOT))
                                    .append('=')
                                    .append(value(rs.getObject(i)))
                                    .append(' ');
                        }
                        out.append('\n');
                    }
                }
            }
        }
        return out.toString();
    }

    /** Rows of one TICKETS_ table matching a condition. */
    protected long count(String table, String where) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String value(Object v) throws SQLException {
        if (v instanceof Blob blob) {
            return digest(blob.getBytes(1, (int) blob.length()));
        }
        if (v instanceof byte[] bytes) {
            return digest(bytes);
        }
        if (v instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        return String.valueOf(v);
    }

    private static String digest(byte[] bytes) {
        try {
            return bytes.length + ":"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- files made on the spot ------------------------------------------------------------------------------

    protected static byte[] image(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.RED);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            assertTrue(format, ImageIO.write(image, format, out));
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static byte[] jpeg(int width, int height) {
        return image("jpg", width, height);
    }

    protected static byte[] png(int width, int height) {
        return image("png", width, height);
    }

    /** A signature as the UI sends it: a PNG data URL. */
    protected static String signature() {
        return "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png(200, 80));
    }

    /**
     * A real JPEG carrying an EXIF APP1 segment (after the JFIF APP0) with a GPS IFD: 50°5'N 14°25'E, the way a
     * phone camera writes it.
     */
    protected static byte[] jpegWithGps(int width, int height) {
        byte[] plain = jpeg(width, height);
        // TIFF, big-endian: IFD0 with the GPS IFD pointer; the GPS IFD with N/E references and two rationals
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 + 4 + 2 + 4 * 12 + 4 + 24 + 24);
        tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
        int gpsIfd = 8 + 2 + 12 + 4;
        tiff.putShort((short) 1)
                .putShort((short) 0x8825)
                .putShort((short) 4)
                .putInt(1)
                .putInt(gpsIfd);
        tiff.putInt(0);
        int latitude = gpsIfd + 2 + 4 * 12 + 4;
        int longitude = latitude + 24;
        tiff.putShort((short) 4);
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
        tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(latitude);
        tiff.putShort((short) 3).putShort((short) 2).putInt(2).put(new byte[] {'E', 0, 0, 0});
        tiff.putShort((short) 4).putShort((short) 5).putInt(3).putInt(longitude);
        tiff.putInt(0);
        tiff.putInt(50).putInt(1).putInt(5).putInt(1).putInt(0).putInt(1);
        tiff.putInt(14).putInt(1).putInt(25).putInt(1).putInt(0).putInt(1);
        byte[] exif = new byte[6 + tiff.capacity()];
        System.arraycopy("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), 0, exif, 0, 6);
        System.arraycopy(tiff.array(), 0, exif, 6, tiff.capacity());
        // after SOI and the APP0 segment
        int app0End = 2;
        if ((plain[2] & 0xFF) == 0xFF && (plain[3] & 0xFF) == 0xE0) {
            app0End = 4 + (((plain[4] & 0xFF) << 8) | (plain[5] & 0xFF));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, app0End);
        out.write(0xFF);
        out.write(0xE1);
        int length = exif.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(exif, 0, exif.length);
        out.write(plain, app0End, plain.length - app0End);
        return out.toByteArray();
    }

    /** The APPn segments of a JPEG before its image data, as marker and the first bytes of their content. */
    protected static List<String> jpegSegments(byte[] jpeg) {
        List<String> segments = new ArrayList<>();
        assertTrue("a JPEG", (jpeg[0] & 0xFF) == 0xFF && (jpeg[1] & 0xFF) == 0xD8);
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xDA) { // start of scan: the image data follows
                break;
            }
            int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
            String head = new String(jpeg, i + 4, Math.min(6, Math.max(0, length - 2)), StandardCharsets.ISO_8859_1);
            segments.add(String.format("%02X:%s", marker, head.replace('\0', '.')));
            i += 2 + length;
        }
        return segments;
    }

    /** Whether a byte sequence occurs in the content. */
    protected static boolean contains(byte[] content, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= content.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (content[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** A one-page PDF that runs JavaScript when opened. */
    protected static byte[] pdfWithJavaScript() throws IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            doc.getDocumentCatalog()
                    .setOpenAction(
                            new org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript("app.alert('pwned')"));
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** A plain one-page PDF. */
    protected static byte[] pdf() throws IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            doc.save(out);
            return out.toByteArray();
        }
    }

    protected static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }
}
