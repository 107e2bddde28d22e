package org.domus.itest.sample.internal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.Locale;
import org.domus.core.DomusException;
import org.domus.web.components.ChartSeries;
import org.domus.web.components.DomusChart;
import org.domus.web.components.DomusMap;
import org.domus.web.components.MapMarker;
import org.domus.web.components.SignatureImage;
import org.domus.web.components.SignaturePad;

/** The shell's chart, map and signature pad used the way a module view uses them (for the browser test). */
public class ComponentsView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    public ComponentsView() {
        setId("sample-components-view");
        H2 title = new H2(getTranslation("sample.components.title"));

        DomusChart chart = new DomusChart();
        chart.setId("sample-chart");
        chart.setBar(
                getTranslation("sample.components.chart"),
                List.of(getTranslation("sample.components.open"), getTranslation("sample.components.closed")),
                List.of(new ChartSeries("2026", List.of(17, 42))));

        DomusMap map = new DomusMap();
        map.setId("sample-map");
        map.setHeight("320px");
        map.setCenter(50.0875, 14.4213, 15);
        map.setMarkers(List.of(
                new MapMarker("m-1", 50.0870, 14.4200, "Building A", "building", "#1565c0"),
                new MapMarker("m-2", 50.0890, 14.4240, "Building B", "ticket", "#c62828")));
        map.fitToMarkers();
        map.setPinMode(true);
        Span clicked = new Span();
        clicked.setId("sample-map-clicked");
        map.addMarkerClickListener(e -> clicked.setText(e.getMarkerId()));
        Span pin = new Span();
        pin.setId("sample-map-pin");
        map.addPinChangeListener(e -> pin.setText(String.format(Locale.ROOT, "%.5f %.5f", e.getLat(), e.getLon())));

        SignaturePad signature = new SignaturePad();
        signature.setId("sample-signature");
        Span result = new Span();
        result.setId("sample-signature-result");
        Button save = new Button(getTranslation("sample.components.save"), e -> {
            try {
                SignatureImage image = signature.getSignature();
                result.getElement().setAttribute("data-bytes", String.valueOf(image.png().length));
                result.getElement().setAttribute("data-size", image.width() + "x" + image.height());
                result.getElement().setAttribute("data-ink", String.valueOf(image.inkPixels()));
                result.setText(
                        getTranslation("sample.components.saved", image.png().length, image.width(), image.height()));
            } catch (DomusException ex) {
                result.getElement().removeAttribute("data-bytes");
                result.setText(getTranslation(ex.messageKey()));
            }
        });
        save.setId("sample-signature-save");

        add(title, chart, map, clicked, pin, signature, save, result);
    }
}
