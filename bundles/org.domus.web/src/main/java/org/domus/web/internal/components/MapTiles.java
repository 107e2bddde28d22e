package org.domus.web.internal.components;

import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the maps get their tiles: a URL template with {@code {z}}, {@code {x}} and {@code {y}}, the
 * attribution the tile provider requires, and the highest zoom it serves.
 */
public record MapTiles(String url, String attribution, int maxZoom) {

    private static final Logger LOG = LoggerFactory.getLogger(MapTiles.class);

    public static final String URL_KEY = "map.tiles.url";
    public static final String ATTRIBUTION_KEY = "map.tiles.attribution";
    public static final String MAX_ZOOM_KEY = "map.tiles.maxZoom";

    public static final MapTiles DEFAULT = new MapTiles(
            "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
            "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a> contributors",
            19);

    /** Leaflet's own limit for raster tiles is far above this; no public tile server goes higher. */
    static final int HIGHEST_ZOOM = 22;

    public MapTiles {
        Objects.requireNonNull(url);
        Objects.requireNonNull(attribution);
    }

    /**
     * The settings of configuration {@code org.domus.web}; a missing key takes the default, and a value
     * that cannot work (a URL without the tile coordinates or not http(s), a zoom outside 0..22) is
     * logged and replaced by the default, so that a typo leaves the maps working.
     */
    public static MapTiles from(Map<String, ?> properties) {
        String url = text(properties.get(URL_KEY)).orElse(DEFAULT.url());
        if (!validUrl(url)) {
            LOG.warn("{} = {} is not an http(s) URL with {z}, {x} and {y}; using {}", URL_KEY, url, DEFAULT.url());
            url = DEFAULT.url();
        }
        String attribution = text(properties.get(ATTRIBUTION_KEY)).orElse(DEFAULT.attribution());
        int maxZoom = DEFAULT.maxZoom();
        java.util.Optional<String> zoom = text(properties.get(MAX_ZOOM_KEY));
        if (zoom.isPresent()) {
            try {
                maxZoom = Integer.parseInt(zoom.get());
                if (maxZoom < 0 || maxZoom > HIGHEST_ZOOM) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                LOG.warn(
                        "{} = {} is not a zoom level 0..{}; using {}",
                        MAX_ZOOM_KEY,
                        zoom.get(),
                        HIGHEST_ZOOM,
                        DEFAULT.maxZoom());
                maxZoom = DEFAULT.maxZoom();
            }
        }
        return new MapTiles(url, attribution, maxZoom);
    }

    /**
     * The tile server as a Content-Security-Policy source: scheme, host and port of the URL, a {@code {s}}
     * subdomain placeholder as {@code *}.
     */
    public String imageSource() {
        java.net.URI uri = java.net.URI.create(url.replace("{s}", "s")
                .replace("{z}", "0")
                .replace("{x}", "0")
                .replace("{y}", "0")
                .replace("{r}", ""));
        String host = uri.getHost();
        if (host == null) {
            throw new IllegalArgumentException("No host in " + url);
        }
        if (url.contains("{s}")) {
            host = host.replaceFirst("^s(?=\\.)", "*");
        }
        return uri.getScheme() + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    private static boolean validUrl(String url) {
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        if (!(lower.startsWith("https://") || lower.startsWith("http://"))
                || !url.contains("{z}")
                || !url.contains("{x}")
                || !url.contains("{y}")) {
            return false;
        }
        try {
            // a host is required, and nothing that would break out of the policy header
            return new MapTiles(url, "", 0).imageSource().matches("https?://[A-Za-z0-9.*-]+(:\\d+)?")
                    && !url.contains(";")
                    && !url.contains(" ");
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static java.util.Optional<String> text(Object value) {
        if (value == null) {
            return java.util.Optional.empty();
        }
        String text = value.toString().strip();
        return text.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(text);
    }
}
