// <domus-map>: a Leaflet map in its own shadow root. The Java wrapper (org.domus.web.components.DomusMap)
// sets the properties below and listens to 'marker-click' and 'pin-change'.
import * as L from 'leaflet';
import leafletCss from 'leaflet/dist/leaflet.css?inline';

const PIN_COLOUR = '#c62828';

class DomusMap extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>${leafletCss}
      :host { display: block; position: relative; min-height: 200px; }
      #map { position: absolute; inset: 0; }
      .leaflet-div-icon.domus-map-pin { background: none; border: none; }
    </style><div id="map"></div>`;
    this._container = root.getElementById('map');
    this._tiles = { url: '', attribution: '', maxZoom: 19 };
    this._center = { lat: 0, lon: 0, zoom: 2 };
    this._markers = [];
    this._pin = null;
    this._pinMode = false;
    // Properties Flow set before this element was upgraded shadow the setters: hand them over.
    for (const name of ['tiles', 'center', 'markers', 'pin', 'pinMode']) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
  }

  connectedCallback() {
    if (this._map) {
      return;
    }
    this._map = L.map(this._container, { zoomAnimation: false, fadeAnimation: false, markerZoomAnimation: false });
    this._map.setView([this._center.lat, this._center.lon], this._center.zoom);
    this._markerLayer = L.layerGroup().addTo(this._map);
    this._map.on('click', (e) => this._clicked(e.latlng));
    this._applyTiles();
    this._drawMarkers();
    this._drawPin();
    this._fitIfReady();
    // The element is often laid out after it is attached (dialogs, tabs): let Leaflet measure again.
    this._resizeObserver = new ResizeObserver(() => {
      if (this._map) {
        this._map.invalidateSize();
        this._fitIfReady();
      }
    });
    this._resizeObserver.observe(this);
  }

  disconnectedCallback() {
    if (this._resizeObserver) {
      this._resizeObserver.disconnect();
    }
    if (this._map) {
      this._map.remove();
      this._map = null;
      this._tileLayer = null;
      this._pinMarker = null;
    }
  }

  set tiles(value) {
    this._tiles = value || this._tiles;
    this._applyTiles();
  }

  get tiles() {
    return this._tiles;
  }

  set center(value) {
    if (!value) {
      return;
    }
    this._center = value;
    if (this._map) {
      this._map.setView([value.lat, value.lon], value.zoom);
    }
  }

  get center() {
    return this._center;
  }

  set markers(value) {
    this._markers = value || [];
    this._drawMarkers();
  }

  get markers() {
    return this._markers;
  }

  set pin(value) {
    this._pin = value || null;
    this._drawPin();
  }

  get pin() {
    return this._pin;
  }

  set pinMode(value) {
    this._pinMode = !!value;
    this._container.style.cursor = this._pinMode ? 'crosshair' : '';
  }

  get pinMode() {
    return this._pinMode;
  }

  fitToMarkers() {
    this._fitPending = true;
    this._fitIfReady();
  }

  // Fitting needs the map's size: before layout it waits for the resize observer.
  _fitIfReady() {
    if (!this._fitPending || !this._map || this._container.clientWidth === 0) {
      return;
    }
    this._fitPending = false;
    const points = this._markers.map((m) => [m.lat, m.lon]);
    if (this._pin) {
      points.push([this._pin.lat, this._pin.lon]);
    }
    if (points.length === 1) {
      this._map.setView(points[0], Math.max(this._map.getZoom(), 16));
    } else if (points.length > 1) {
      this._map.fitBounds(L.latLngBounds(points), { padding: [24, 24], animate: false });
    }
  }

  _applyTiles() {
    if (!this._map || !this._tiles.url) {
      return;
    }
    if (this._tileLayer) {
      this._tileLayer.remove();
    }
    this._tileLayer = L.tileLayer(this._tiles.url, {
      attribution: this._tiles.attribution,
      maxZoom: this._tiles.maxZoom
    }).addTo(this._map);
    this._map.setMaxZoom(this._tiles.maxZoom);
  }

  _drawMarkers() {
    if (!this._map) {
      return;
    }
    this._markerLayer.clearLayers();
    for (const m of this._markers) {
      const marker = L.circleMarker([m.lat, m.lon], {
        radius: 9,
        color: '#ffffff',
        weight: 2,
        fillColor: m.colour,
        fillOpacity: 0.9,
        // a click on a marker is not also a click on the map (which would move the pin)
        bubblingMouseEvents: false,
        className: 'domus-map-marker domus-map-marker-' + m.kind
      });
      if (m.label) {
        marker.bindTooltip(m.label);
      }
      const click = () => this.dispatchEvent(new CustomEvent('marker-click', { detail: { id: m.id } }));
      marker.on('click', click);
      marker.addTo(this._markerLayer);
      // A marker is a button for keyboards and screen readers too (Tab, then Enter or Space); tests find it
      // by its id.
      const path = marker.getElement();
      if (path) {
        path.setAttribute('data-id', m.id);
        path.setAttribute('role', 'button');
        path.setAttribute('tabindex', '0');
        path.setAttribute('aria-label', m.label || m.id);
        path.addEventListener('keydown', (e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            click();
          }
        });
      }
    }
  }

  _drawPin() {
    if (!this._map) {
      return;
    }
    if (!this._pin) {
      if (this._pinMarker) {
        this._pinMarker.remove();
        this._pinMarker = null;
      }
      return;
    }
    const at = [this._pin.lat, this._pin.lon];
    if (this._pinMarker) {
      this._pinMarker.setLatLng(at);
    } else {
      this._pinMarker = L.marker(at, {
        keyboard: false,
        // clicks on the pin go to the map, so that a click next to it still moves it
        interactive: false,
        icon: L.divIcon({
          className: 'domus-map-pin',
          iconSize: [24, 24],
          iconAnchor: [12, 24],
          html: `<svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true"><path fill="${PIN_COLOUR}" `
            + 'stroke="#fff" stroke-width="1.5" d="M12 23s-8-8.3-8-13.5a8 8 0 0 1 16 0C20 14.7 12 23 12 23z"/>'
            + '<circle cx="12" cy="9.5" r="3" fill="#fff"/></svg>'
        })
      }).addTo(this._map);
    }
  }

  _clicked(latlng) {
    if (!this._pinMode) {
      return;
    }
    const wrapped = latlng.wrap();
    this._pin = { lat: wrapped.lat, lon: wrapped.lng };
    this._drawPin();
    this.dispatchEvent(new CustomEvent('pin-change', { detail: { lat: wrapped.lat, lon: wrapped.lng } }));
  }
}

if (!customElements.get('domus-map')) {
  customElements.define('domus-map', DomusMap);
}
