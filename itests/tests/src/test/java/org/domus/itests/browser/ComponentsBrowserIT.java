package org.domus.itests.browser;

import static org.domus.itests.browser.RunningDomus.ADMIN;
import static org.domus.itests.browser.RunningDomus.ADMIN_PASSWORD;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.domus.itest.sample.internal.ComponentsView;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The shell's map, chart and signature pad in a module's view (the test module's "components" view), in
 * headless Chromium without internet: the map's tiles come from a tile server in this JVM, configured through
 * etc/org.domus.web.cfg (ConfigAdmin) while Domus runs.
 */
public class ComponentsBrowserIT {

    @ClassRule
    public static final RunningDomus DOMUS = new RunningDomus();

    @Rule
    public final DomusBrowser browser = new DomusBrowser(DOMUS);

    private static final ShellMessages EN = new ShellMessages(Locale.ENGLISH);
    private static final Pattern TILE = Pattern.compile("/tiles/\\d+/\\d+/\\d+\\.png");
    private static final Queue<String> TILE_REQUESTS = new ConcurrentLinkedQueue<>();
    private static HttpServer tiles;
    private static String tileUrl;

    @BeforeClass
    public static void tileServerAndTestModule() throws IOException {
        byte[] tile = tilePng();
        tiles = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        tiles.createContext("/tiles/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            TILE_REQUESTS.add(path);
            boolean ok = TILE.matcher(path).matches();
            exchange.getResponseHeaders().set("Content-Type", ok ? "image/png" : "text/plain");
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
            byte[] body = ok ? tile : "no such tile".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(ok ? 200 : 404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        tiles.start();
        tileUrl = "http://localhost:" + tiles.getAddress().getPort() + "/tiles/{z}/{x}/{y}.png";

        // ConfigAdmin through Karaf's etc/ watcher, as an operator changes it on a running system.
        Files.writeString(
                DOMUS.home().resolve("etc/org.domus.web.cfg"),
                String.join(
                        "\n",
                        "map.tiles.url = " + tileUrl,
                        "map.tiles.attribution = Test tiles",
                        "map.tiles.maxZoom = 18",
                        ""),
                StandardCharsets.UTF_8);
        // The test module (its components view) through the deploy folder.
        Files.copy(
                sampleBundle(),
                DOMUS.home().resolve("deploy/org.domus.itest.sample.jar"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @AfterClass
    public static void stop() {
        DomusBrowser.closeAll();
        if (tiles != null) {
            tiles.stop(0);
        }
    }

    @Test
    public void chartMapAndSignaturePadWorkInAModuleView() throws Exception {
        browser.open(1280, 1400);
        browser.awaitRoute("sample/components");
        browser.signIn(ADMIN, ADMIN_PASSWORD);
        awaitConfiguredTiles();

        // Chart: drawn on the canvas, the same numbers in the visually hidden table.
        long painted = (Long) browser.await(d -> {
            Object n = browser.js("var c = document.getElementById('sample-chart').shadowRoot.querySelector('canvas');"
                    + "if (!c || c.width === 0) { return null; }"
                    + "var px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;"
                    + "for (var i = 3; i < px.length; i += 4) { if (px[i] > 0) { n++; } }"
                    + "return n > 0 ? n : null;");
            return n;
        });
        assertTrue("chart pixels painted: " + painted, painted > 1000);
        WebElement table = browser.driver().findElement(By.cssSelector("#sample-chart table"));
        String numbers = table.getAttribute("textContent");
        assertTrue(numbers, numbers.contains("Tickets"));
        assertTrue(numbers, numbers.contains("Open") && numbers.contains("Closed"));
        assertTrue(numbers, numbers.contains("2026") && numbers.contains("17") && numbers.contains("42"));
        assertTrue(
                "the table is visually hidden",
                browser.driver()
                                .findElement(By.cssSelector("#sample-chart .domus-chart-table"))
                                .getRect()
                                .getWidth()
                        <= 1);

        // Map: tiles from the test server, both markers drawn, a marker click and a pin reach the server.
        try {
            browser.await(d -> Boolean.TRUE.equals(browser.js("return document.getElementById('sample-map').shadowRoot"
                    + ".querySelectorAll('img.leaflet-tile-loaded').length > 0;")));
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("components-no-tiles");
            throw new AssertionError(
                    "no tile loaded; requested: " + TILE_REQUESTS + "; map: "
                            + browser.js("var m = document.getElementById('sample-map'), r = m.shadowRoot;"
                                    + "return JSON.stringify({w: m.clientWidth, h: m.clientHeight, tiles: m.tiles,"
                                    + " imgs: Array.from(r.querySelectorAll('img')).slice(0, 3).map(i => i.src + ' '"
                                    + " + i.className)});"),
                    e);
        }
        assertTrue("tiles requested: " + TILE_REQUESTS, TILE_REQUESTS.stream().anyMatch(p -> TILE.matcher(p)
                .matches()));
        assertEquals(
                2L,
                browser.js("return document.getElementById('sample-map').shadowRoot"
                        + ".querySelectorAll('path.domus-map-marker').length;"));
        assertTrue((Boolean) browser.js("return document.getElementById('sample-map').shadowRoot"
                + ".querySelector('.leaflet-control-attribution').textContent.indexOf('Test tiles') >= 0;"));
        WebElement map = browser.driver().findElement(By.id("sample-map"));
        js("arguments[0].scrollIntoView({block: 'center'});", map);
        int[] marker = markerOffset("m-2");
        new Actions(browser.driver())
                .moveToElement(map, marker[0], marker[1])
                .click()
                .perform();
        browser.await(d -> "m-2".equals(text("sample-map-clicked")));
        // markers are buttons for the keyboard too
        js("arguments[0].shadowRoot.querySelector('path[data-id=\"m-1\"]').focus();", map);
        new Actions(browser.driver()).sendKeys(org.openqa.selenium.Keys.ENTER).perform();
        browser.await(d -> "m-1".equals(text("sample-map-clicked")));
        // pin mode: a click on empty map, away from the markers, puts the pin there
        new Actions(browser.driver()).moveToElement(map, -200, 100).click().perform();
        browser.await(d -> !text("sample-map-pin").isEmpty());
        String[] pin = text("sample-map-pin").split(" ");
        double lat = Double.parseDouble(pin[0]);
        double lon = Double.parseDouble(pin[1]);
        assertTrue("pin " + lat + " " + lon, lat > 50 && lat < 50.2 && lon > 14.3 && lon < 14.5);
        assertEquals(
                1L,
                browser.js("return document.getElementById('sample-map').shadowRoot"
                        + ".querySelectorAll('.domus-map-pin').length;"));
        browser.screenshot("components");

        // Signature: drawn with the pointer, saved, decoded on the server.
        WebElement pad = browser.driver().findElement(By.cssSelector("#sample-signature domus-signature"));
        js("arguments[0].scrollIntoView({block: 'center'});", pad);
        WebElement clear = browser.driver().findElement(By.cssSelector("#sample-signature .domus-signature-clear"));
        assertEquals(EN.get("components.signature.clear"), clear.getText());
        new Actions(browser.driver())
                .moveToElement(pad, -150, 30)
                .clickAndHold()
                .moveByOffset(40, -50)
                .moveByOffset(40, 50)
                .moveByOffset(40, -50)
                .moveByOffset(60, 40)
                .release()
                .perform();
        browser.awaitVaadin();
        browser.click(By.id("sample-signature-save"));
        WebElement result = browser.await(d -> {
            WebElement r = d.findElement(By.id("sample-signature-result"));
            return r.getAttribute("data-bytes") == null ? null : r;
        });
        assertEquals("400x160", result.getAttribute("data-size"));
        int ink = Integer.parseInt(result.getAttribute("data-ink"));
        assertTrue("dark pixels decoded on the server: " + ink, ink > 200);
        assertTrue(Integer.parseInt(result.getAttribute("data-bytes")) > 500);
        browser.screenshot("components-signed");

        // The components themselves carry no serious accessibility fault (the page as a whole is checked by
        // BrowserIT; here the map's tiles come from another origin on purpose).
        com.deque.html.axecore.results.Results axe = new com.deque.html.axecore.selenium.AxeBuilder()
                .include("#sample-components-view")
                .analyze(browser.driver());
        StringBuilder serious = new StringBuilder();
        for (com.deque.html.axecore.results.Rule rule : axe.getViolations()) {
            for (com.deque.html.axecore.results.CheckedNode node : rule.getNodes()) {
                String impact = node.getImpact() != null ? node.getImpact() : rule.getImpact();
                if ("serious".equals(impact) || "critical".equals(impact)) {
                    serious.append("\n  ")
                            .append(rule.getId())
                            .append(' ')
                            .append(node.getTarget())
                            .append(' ')
                            .append(node.getHtml());
                }
            }
        }
        assertEquals("axe-core on the components: " + serious, "", serious.toString());

        // Cleared: refused, in the shell's words.
        browser.click(By.cssSelector("#sample-signature .domus-signature-clear"));
        browser.awaitVaadin();
        browser.click(By.id("sample-signature-save"));
        browser.await(d -> EN.get("components.signature.refused").equals(text("sample-signature-result")));

        // One dot is no signature either.
        new Actions(browser.driver()).moveToElement(pad, 0, 0).click().perform();
        browser.awaitVaadin();
        browser.click(By.id("sample-signature-save"));
        browser.awaitVaadin();
        assertEquals(EN.get("components.signature.refused"), text("sample-signature-result"));
        assertEquals(
                null,
                browser.driver().findElement(By.id("sample-signature-result")).getAttribute("data-bytes"));
    }

    /** Opens the view until its map uses the configured tile server (etc/ is polled once a second). */
    private void awaitConfiguredTiles() throws InterruptedException {
        long end = System.nanoTime() + 60_000_000_000L;
        while (true) {
            browser.get("/sample/components");
            browser.awaitVisible(By.id("sample-map"));
            Object url = browser.js(
                    "var m = document.getElementById('sample-map');" + "return m && m.tiles ? m.tiles.url : null;");
            if (tileUrl.equals(url)) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("the map still uses " + url + ", not " + tileUrl);
            }
            Thread.sleep(1000);
        }
    }

    /** Where a marker is, relative to the map element's centre (what Actions.moveToElement offsets from). */
    @SuppressWarnings("unchecked")
    private int[] markerOffset(String id) {
        Map<String, Object> at = (Map<String, Object>) browser.js(
                "var m = document.getElementById('sample-map'), box = m.getBoundingClientRect();"
                        + "var p = m.shadowRoot.querySelector('path[data-id=\"' + arguments[0] + '\"]')"
                        + ".getBoundingClientRect();"
                        + "return {x: Math.round(p.left + p.width / 2 - (box.left + box.width / 2)),"
                        + " y: Math.round(p.top + p.height / 2 - (box.top + box.height / 2))};",
                id);
        return new int[] {((Number) at.get("x")).intValue(), ((Number) at.get("y")).intValue()};
    }

    private String text(String id) {
        List<WebElement> found = browser.driver().findElements(By.id(id));
        return found.isEmpty() ? "" : found.get(0).getText().trim();
    }

    private Object js(String script, Object... args) {
        return browser.js(script, args);
    }

    /** A pale green 256x256 tile. */
    private static byte[] tilePng() throws IOException {
        BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xd8, 0xec, 0xd0));
        g.fillRect(0, 0, 256, 256);
        g.setColor(new Color(0xb0, 0xc8, 0xa8));
        g.drawRect(0, 0, 255, 255);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** The test module's jar: from the local Maven repository, or next to its classes in a reactor build. */
    private static Path sampleBundle() throws IOException {
        Path location;
        try {
            location = Path.of(ComponentsView.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        if (Files.isRegularFile(location)) {
            return location;
        }
        try (var jars = Files.list(location.getParent())) {
            return jars.filter(p -> p.getFileName().toString().matches("org\\.domus\\.itest\\.sample-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().contains("-sources"))
                    .findFirst()
                    .orElseThrow(() -> new IOException("no test module jar next to " + location));
        }
    }
}
