package org.domus.web.internal.components;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;

/** The drawing surface of {@link org.domus.web.components.SignaturePad}: the custom element itself. */
@Tag("domus-signature")
@JsModule("./components/domus-signature.js")
public final class SignatureCanvas extends Component {

    private static final long serialVersionUID = 1L;

    public Registration addStrokeListener(ComponentEventListener<StrokeEvent> listener) {
        return addListener(StrokeEvent.class, listener);
    }

    /** The browser's picture after a stroke or a clear: base64 PNG, empty when cleared. */
    @DomEvent("signature-change")
    public static final class StrokeEvent extends ComponentEvent<SignatureCanvas> {

        private static final long serialVersionUID = 1L;

        private final String png;

        public StrokeEvent(SignatureCanvas source, boolean fromClient, @EventData("event.detail.png") String png) {
            super(source, fromClient);
            this.png = png;
        }

        public String png() {
            return png;
        }
    }
}
