package org.domus.itests.browser;

import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * A map tile server in the test JVM, so that maps render without the internet: every tile {@code /tiles/z/x/y.png}
 * is the same light 256 x 256 PNG with a grid line, anything else is 404. The distribution under test points
 * {@code map.tiles.url} (PID {@code org.domus.web}) here.
 */
final class TileServer implements AutoCloseable {

    private static final Pattern TILE = Pattern.compile("/tiles/\\d{1,2}/\\d{1,8}/\\d{1,8}\\.png");

    private final HttpServer server;
    private final AtomicInteger served = new AtomicInteger();

    TileServer() throws IOException {
        byte[] png = tile();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/tiles/", exchange -> {
            try (exchange) {
                if (!TILE.matcher(exchange.getRequestURI().getPath()).matches()) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", "image/png");
                exchange.sendResponseHeaders(200, png.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(png);
                }
                served.incrementAndGet();
            }
        });
        server.start();
    }

    /**
     * {@code http://localhost:<port>}: by name, because the browser under test resolves nothing but
     * {@code localhost} (its host rules map every other host, IP literals included, to "not found").
     */
    String origin() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** The URL template for {@code map.tiles.url}. */
    String urlTemplate() {
        return origin() + "/tiles/{z}/{x}/{y}.png";
    }

    /** Tiles served so far. */
    int served() {
        return served.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static byte[] tile() {
        BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xEE, 0xEE, 0xE8));
        g.fillRect(0, 0, 256, 256);
        g.setColor(new Color(0xCC, 0xCC, 0xC4));
        g.drawRect(0, 0, 255, 255);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
