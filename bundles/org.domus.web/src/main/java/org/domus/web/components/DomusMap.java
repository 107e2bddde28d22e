package org.domus.web.components;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import java.util.List;
import java.util.Optional;
import org.domus.web.internal.components.MapTiles;
import org.domus.web.internal.servlet.ShellServices;

/**
 * A Leaflet map. Show places with {@link #setMarkers} and react to clicks on them with
 * {@link #addMarkerClickListener}; or let the user choose one place with {@link #setPinMode(boolean) pin
 * mode} and {@link #addPinChangeListener}. The tiles, their attribution and the highest zoom come from
 * configuration PID {@code org.domus.web} (OpenStreetMap by default). Give the map a height
 * ({@link #setHeight}); it fills its width.
 */
@Tag("domus-map")
@JsModule("./components/domus-map.js")
@NpmPackage(value = "leaflet", version = "1.9.4")
public class DomusMap extends Component implements HasSize {

    private static final long serialVersionUID = 1L;

    private List<MapMarker> markers = List.of();
    private Pin pin;
    private boolean pinMode;

    /** A place the user chose, or that {@link #setPin} showed. */
    public record Pin(double lat, double lon) {}

    public DomusMap() {
        setWidthFull();
        setHeight("400px");
        setCenter(0, 0, 2);
        setMarkers(List.of());
        tiles(MapTiles.DEFAULT);
        // Registered first, so the map knows the new pin before the view's listeners run.
        addListener(PinChangeEvent.class, event -> {
            Pin chosen = event.getPin();
            if (pinMode && chosen.lat() >= -90 && chosen.lat() <= 90 && chosen.lon() >= -180 && chosen.lon() <= 180) {
                pin = chosen;
            }
        });
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        // Read on every attach: a changed configuration applies to the next map shown, without a restart.
        ShellServices.current().ifPresent(services -> tiles(services.mapTiles()));
    }

    void tiles(MapTiles tiles) {
        JsonObject json = Json.createObject();
        json.put("url", tiles.url());
        json.put("attribution", tiles.attribution());
        json.put("maxZoom", tiles.maxZoom());
        getElement().setPropertyJson("tiles", json);
    }

    /** Centres the map on a place at a zoom level (0 the whole world, 18 a building). */
    public void setCenter(double lat, double lon, int zoom) {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("Not a place on Earth: " + lat + ", " + lon);
        }
        if (zoom < 0 || zoom > 22) {
            throw new IllegalArgumentException("Zoom is 0..22: " + zoom);
        }
        JsonObject json = Json.createObject();
        json.put("lat", lat);
        json.put("lon", lon);
        json.put("zoom", zoom);
        getElement().setPropertyJson("center", json);
    }

    /** Replaces the markers shown. Ids must be unique. */
    public void setMarkers(List<MapMarker> markers) {
        List<MapMarker> copy = List.copyOf(markers);
        if (copy.stream().map(MapMarker::id).distinct().count() != copy.size()) {
            throw new IllegalArgumentException("Marker ids must be unique on one map");
        }
        JsonArray json = Json.createArray();
        for (MapMarker marker : copy) {
            JsonObject m = Json.createObject();
            m.put("id", marker.id());
            m.put("lat", marker.lat());
            m.put("lon", marker.lon());
            m.put("label", marker.label());
            m.put("kind", marker.kind());
            m.put("colour", marker.colour());
            json.set(json.length(), m);
        }
        this.markers = copy;
        getElement().setPropertyJson("markers", json);
    }

    public List<MapMarker> getMarkers() {
        return markers;
    }

    /** Zooms and pans so that every marker (and the pin, if any) is in view. */
    public void fitToMarkers() {
        getElement().callJsFunction("fitToMarkers");
    }

    /**
     * In pin mode a click on the map puts the pin there (or moves it) and fires a {@link PinChangeEvent};
     * markers still report their clicks.
     */
    public void setPinMode(boolean pinMode) {
        this.pinMode = pinMode;
        getElement().setProperty("pinMode", pinMode);
    }

    public boolean isPinMode() {
        return pinMode;
    }

    /** Shows the pin at a place, such as the one stored earlier; fires no event. */
    public void setPin(double lat, double lon) {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("Not a place on Earth: " + lat + ", " + lon);
        }
        pin = new Pin(lat, lon);
        JsonObject json = Json.createObject();
        json.put("lat", lat);
        json.put("lon", lon);
        getElement().setPropertyJson("pin", json);
    }

    /** Removes the pin; fires no event. */
    public void clearPin() {
        pin = null;
        getElement().setPropertyJson("pin", Json.createNull());
    }

    /** Where the pin is: set by {@link #setPin} or by the user in pin mode. */
    public Optional<Pin> getPin() {
        return Optional.ofNullable(pin);
    }

    public Registration addMarkerClickListener(ComponentEventListener<MarkerClickEvent> listener) {
        return addListener(MarkerClickEvent.class, listener);
    }

    public Registration addPinChangeListener(ComponentEventListener<PinChangeEvent> listener) {
        return addListener(PinChangeEvent.class, listener);
    }

    /** A click on a marker, with the marker's id. */
    @DomEvent("marker-click")
    public static class MarkerClickEvent extends ComponentEvent<DomusMap> {

        private static final long serialVersionUID = 1L;

        private final String markerId;

        public MarkerClickEvent(DomusMap source, boolean fromClient, @EventData("event.detail.id") String markerId) {
            super(source, fromClient);
            this.markerId = markerId;
        }

        public String getMarkerId() {
            return markerId;
        }

        /** The clicked marker; empty when the markers were replaced in the meantime. */
        public Optional<MapMarker> getMarker() {
            return getSource().getMarkers().stream()
                    .filter(m -> m.id().equals(markerId))
                    .findFirst();
        }
    }

    /** The user put the pin somewhere in pin mode. */
    @DomEvent("pin-change")
    public static class PinChangeEvent extends ComponentEvent<DomusMap> {

        private static final long serialVersionUID = 1L;

        private final Pin pin;

        public PinChangeEvent(
                DomusMap source,
                boolean fromClient,
                @EventData("event.detail.lat") double lat,
                @EventData("event.detail.lon") double lon) {
            super(source, fromClient);
            this.pin = new Pin(lat, lon);
        }

        public Pin getPin() {
            return pin;
        }

        public double getLat() {
            return pin.lat();
        }

        public double getLon() {
            return pin.lon();
        }
    }
}
