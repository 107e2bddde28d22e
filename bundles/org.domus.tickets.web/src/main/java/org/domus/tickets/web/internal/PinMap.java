package org.domus.tickets.web.internal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.BiConsumer;
import org.domus.web.DomusUi;
import org.domus.web.components.DomusMap;

/**
 * A map of one building on which the user may put a pin where the problem is (pin mode of the shell's
 * {@link DomusMap}), with a button to take it away again. Hands each change to {@code pinned} (both null when
 * removed). A building without coordinates gets no map, only a hint to describe the place in words.
 */
final class PinMap extends Div {

    private static final long serialVersionUID = 1L;

    /** Zoom at which one building fills the map. */
    static final int BUILDING_ZOOM = 18;

    /** Decimal places kept of a pin (about 1 cm): what the browser sends beyond that is noise. */
    static final int SCALE = 7;

    private final DomusMap map = new DomusMap();

    PinMap(String id, BiConsumer<BigDecimal, BigDecimal> pinned) {
        setId(id);
        setWidthFull();
        map.setId(id + "-map");
        map.setHeight("320px");
        map.setPinMode(true);
        map.addPinChangeListener(e -> pinned.accept(coordinate(e.getLat()), coordinate(e.getLon())));
        Button clear = new Button(DomusUi.translate("tickets.ui.report.pin.clear"), e -> {
            map.clearPin();
            pinned.accept(null, null);
        });
        clear.setId(id + "-clear");
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(new Paragraph(DomusUi.translate("tickets.ui.report.pin.help")), map, clear);
    }

    /** Shows the building (and takes away a pin put near another one); a building without a position hides the map. */
    void building(BigDecimal latitude, BigDecimal longitude) {
        map.clearPin();
        boolean known = latitude != null && longitude != null;
        setVisible(known);
        if (known) {
            map.setCenter(latitude.doubleValue(), longitude.doubleValue(), BUILDING_ZOOM);
        }
    }

    static BigDecimal coordinate(double value) {
        return BigDecimal.valueOf(value).setScale(SCALE, RoundingMode.HALF_UP);
    }
}
