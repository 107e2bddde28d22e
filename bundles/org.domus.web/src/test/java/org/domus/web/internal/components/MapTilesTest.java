package org.domus.web.internal.components;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MapTilesTest {

    @Test
    void withoutConfigurationTheMapsUseOpenStreetMap() {
        MapTiles tiles = MapTiles.from(Map.of());

        assertEquals("https://tile.openstreetmap.org/{z}/{x}/{y}.png", tiles.url());
        assertEquals(19, tiles.maxZoom());
        assertEquals(MapTiles.DEFAULT, tiles);
    }

    @Test
    void configuredValuesAreTakenAsStringsFromACfgFile() {
        MapTiles tiles = MapTiles.from(Map.of(
                "map.tiles.url", " http://127.0.0.1:8089/tiles/{z}/{x}/{y}.png ",
                "map.tiles.attribution", "Test tiles",
                "map.tiles.maxZoom", "17"));

        assertEquals(new MapTiles("http://127.0.0.1:8089/tiles/{z}/{x}/{y}.png", "Test tiles", 17), tiles);
    }

    @Test
    void aNumericZoomFromConfigAdminIsTakenToo() {
        assertEquals(12, MapTiles.from(Map.of("map.tiles.maxZoom", 12)).maxZoom());
    }

    @Test
    void aUrlWithoutTileCoordinatesOrNotHttpFallsBackToTheDefault() {
        assertEquals(
                MapTiles.DEFAULT.url(),
                MapTiles.from(Map.of("map.tiles.url", "https://tiles.example/{z}/{x}.png"))
                        .url());
        assertEquals(
                MapTiles.DEFAULT.url(),
                MapTiles.from(Map.of("map.tiles.url", "javascript:alert(1)//{z}{x}{y}"))
                        .url());
        assertEquals(
                MapTiles.DEFAULT.url(),
                MapTiles.from(Map.of("map.tiles.url", "  ")).url());
    }

    @Test
    void aZoomOutsideTheRangeOrNotANumberFallsBackToTheDefault() {
        assertEquals(19, MapTiles.from(Map.of("map.tiles.maxZoom", "23")).maxZoom());
        assertEquals(19, MapTiles.from(Map.of("map.tiles.maxZoom", "-1")).maxZoom());
        assertEquals(19, MapTiles.from(Map.of("map.tiles.maxZoom", "high")).maxZoom());
        assertEquals(0, MapTiles.from(Map.of("map.tiles.maxZoom", "0")).maxZoom());
    }

    @Test
    void theComponentKeepsTheLastConfiguration() {
        MapTilesConfig config = new MapTilesConfig();
        assertEquals(MapTiles.DEFAULT, config.tiles());

        config.configure(Map.of("map.tiles.url", "https://a.example/{z}/{x}/{y}.png"));
        assertEquals("https://a.example/{z}/{x}/{y}.png", config.tiles().url());

        config.configure(Map.of());
        assertEquals(MapTiles.DEFAULT, config.tiles());
    }

    @Test
    void theTileServerIsAnImageSourceForTheContentSecurityPolicy() {
        assertEquals("https://tile.openstreetmap.org", MapTiles.DEFAULT.imageSource());
        assertEquals(
                "http://127.0.0.1:8089", new MapTiles("http://127.0.0.1:8089/t/{z}/{x}/{y}.png", "", 18).imageSource());
        assertEquals(
                "https://*.tiles.example.org",
                new MapTiles("https://{s}.tiles.example.org/{z}/{x}/{y}{r}.png", "", 18).imageSource());
    }

    @Test
    void aUrlThatWouldBreakThePolicyHeaderIsRefused() {
        assertEquals(
                MapTiles.DEFAULT.url(),
                MapTiles.from(Map.of("map.tiles.url", "https://a.example/{z}/{x}/{y}.png;script-src *"))
                        .url());
        assertEquals(
                MapTiles.DEFAULT.url(),
                MapTiles.from(Map.of("map.tiles.url", "https:///{z}/{x}/{y}.png"))
                        .url());
    }
}
