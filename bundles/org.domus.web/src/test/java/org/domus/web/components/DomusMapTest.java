package org.domus.web.components;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.ComponentUtil;
import elemental.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.domus.web.internal.components.MapTiles;
import org.junit.jupiter.api.Test;

class DomusMapTest {

    private final DomusMap map = new DomusMap();

    private String json(String property) {
        return ((JsonValue) map.getElement().getPropertyRaw(property)).toJson();
    }

    @Test
    void markersGoToTheClientAsJson() {
        map.setMarkers(List.of(
                new MapMarker("t-1", 50.0875, 14.4213, "Leaking roof", "ticket", "#c62828"),
                new MapMarker("b-7", 50.08, 14.43, "Building <7>", "building", "#1565c0")));

        assertEquals(
                "[{\"id\":\"t-1\",\"lat\":50.0875,\"lon\":14.4213,\"label\":\"Leaking roof\",\"kind\":\"ticket\","
                        + "\"colour\":\"#c62828\"},{\"id\":\"b-7\",\"lat\":50.08,\"lon\":14.43,\"label\":"
                        + "\"Building <7>\",\"kind\":\"building\",\"colour\":\"#1565c0\"}]",
                json("markers"));
        assertEquals(2, map.getMarkers().size());
    }

    @Test
    void centreAndTilesAreJsonObjects() {
        map.setCenter(50.0875, 14.4213, 15);
        map.tiles(new MapTiles("http://127.0.0.1:1/{z}/{x}/{y}.png", "Test", 17));

        assertEquals("{\"lat\":50.0875,\"lon\":14.4213,\"zoom\":15}", json("center"));
        assertEquals(
                "{\"url\":\"http://127.0.0.1:1/{z}/{x}/{y}.png\",\"attribution\":\"Test\",\"maxZoom\":17}",
                json("tiles"));
    }

    @Test
    void aNewMapUsesTheDefaultTilesUntilAttachedInDomus() {
        assertTrue(json("tiles").contains("tile.openstreetmap.org"));
    }

    @Test
    void impossiblePlacesAndDuplicateIdsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> map.setCenter(91, 0, 3));
        assertThrows(IllegalArgumentException.class, () -> map.setCenter(0, 0, 23));
        assertThrows(IllegalArgumentException.class, () -> map.setPin(0, 181));
        assertThrows(IllegalArgumentException.class, () -> new MapMarker("a", Double.NaN, 0, "", "x", "#fff"));
        assertThrows(IllegalArgumentException.class, () -> new MapMarker("a", 0, 0, "", "Bad Kind", "#fff"));
        assertThrows(IllegalArgumentException.class, () -> new MapMarker("a", 0, 0, "", "x", "red;}"));
        MapMarker one = new MapMarker("same", 1, 1, "", "x", "#fff");
        assertThrows(IllegalArgumentException.class, () -> map.setMarkers(List.of(one, one)));
    }

    @Test
    void pinModeAndPinAreProperties() {
        map.setPinMode(true);
        map.setPin(50.1, 14.2);

        assertTrue(map.getElement().getProperty("pinMode", false));
        assertEquals("{\"lat\":50.1,\"lon\":14.2}", json("pin"));

        map.clearPin();
        Object cleared = map.getElement().getPropertyRaw("pin");
        assertFalse(cleared instanceof elemental.json.JsonObject, "no pin sent: " + cleared);
        assertTrue(map.getPin().isEmpty());
    }

    @Test
    void aPinChosenInPinModeIsKeptAndReported() {
        List<DomusMap.Pin> reported = new ArrayList<>();
        map.addPinChangeListener(e -> reported.add(e.getPin()));
        map.setPinMode(true);

        ComponentUtil.fireEvent(map, new DomusMap.PinChangeEvent(map, true, 50.5, 14.5));

        assertEquals(List.of(new DomusMap.Pin(50.5, 14.5)), reported);
        assertEquals(new DomusMap.Pin(50.5, 14.5), map.getPin().orElseThrow());
    }

    @Test
    void outsidePinModeAClientPinIsNotTaken() {
        ComponentUtil.fireEvent(map, new DomusMap.PinChangeEvent(map, true, 50.5, 14.5));

        assertFalse(map.getPin().isPresent());
    }

    @Test
    void aMarkerClickNamesTheMarker() {
        MapMarker marker = new MapMarker("t-1", 50, 14, "Roof", "ticket", "#c62828");
        map.setMarkers(List.of(marker));
        List<String> clicked = new ArrayList<>();
        map.addMarkerClickListener(e -> {
            clicked.add(e.getMarkerId());
            assertEquals(marker, e.getMarker().orElseThrow());
        });

        ComponentUtil.fireEvent(map, new DomusMap.MarkerClickEvent(map, true, "t-1"));

        assertEquals(List.of("t-1"), clicked);
    }
}
