/**
 * Components that need a JavaScript library, built into the shell's production frontend bundle so that
 * module UI bundles (which cannot add {@code @JsModule} or {@code @NpmPackage}) can use them.
 *
 * <ul>
 *   <li>{@link org.domus.web.components.DomusMap}: a Leaflet map with markers, a click listener per marker
 *       and a pin mode for choosing one place. Tiles come from configuration PID {@code org.domus.web}
 *       ({@code map.tiles.url}, {@code map.tiles.attribution}, {@code map.tiles.maxZoom}).
 *   <li>{@link org.domus.web.components.DomusChart}: a Chart.js bar, doughnut or line chart without
 *       animation, with the same numbers in a visually hidden table for screen readers.
 *   <li>{@link org.domus.web.components.SignaturePad}: a canvas to sign on with mouse, finger or pen; the
 *       server receives the signature as a PNG image and checks it before handing it out.
 * </ul>
 *
 * Create them in a view like any Vaadin component, from the UI thread.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.domus.web.components;
