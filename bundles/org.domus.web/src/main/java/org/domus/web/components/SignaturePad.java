package org.domus.web.components;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.shared.Registration;
import java.util.Base64;
import java.util.Optional;
import org.domus.core.DomusException;
import org.domus.web.DomusUi;
import org.domus.web.internal.components.SignatureCanvas;

/**
 * A box to sign in with mouse, finger or pen, with a Clear button. After each stroke the browser sends the
 * drawing as PNG; {@link #getSignature()} decodes it with ImageIO and refuses an empty or one-dot drawing
 * (and anything that is not a real PNG) with a translated {@link DomusException}. Listen to
 * {@link #addSignatureChangeListener} to enable a Save button, for example.
 */
public class SignaturePad extends com.vaadin.flow.component.Composite<Div> {

    private static final long serialVersionUID = 1L;

    /** The clear button's translation key. */
    public static final String CLEAR_KEY = "components.signature.clear";

    /** The canvas's accessible name. */
    public static final String LABEL_KEY = "components.signature.label";

    private final SignatureCanvas canvas = new SignatureCanvas();
    private final Button clear = new Button();
    private byte[] png;

    public SignaturePad() {
        this(400, 160);
    }

    /** A pad whose PNG is {@code width} x {@code height} pixels (the box shrinks to fit narrow screens). */
    public SignaturePad(int width, int height) {
        if (width < 50 || height < 30 || width > 2000 || height > 1000) {
            throw new IllegalArgumentException("A signature pad is 50x30 to 2000x1000 pixels");
        }
        canvas.getElement().setAttribute("width", String.valueOf(width));
        canvas.getElement().setAttribute("height", String.valueOf(height));
        canvas.getElement().setAttribute("aria-label", DomusUi.translate(LABEL_KEY));
        clear.setText(DomusUi.translate(CLEAR_KEY));
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        clear.addClassName("domus-signature-clear");
        clear.addClickListener(e -> clear());
        canvas.addStrokeListener(e -> received(e.png()));
        Div root = getContent();
        root.addClassName("domus-signature-pad");
        root.add(canvas, new Div(clear));
    }

    /** Empties the box, on the server and in the browser. */
    public void clear() {
        canvas.getElement().callJsFunction("clear");
        received("");
    }

    /** True when nothing was drawn (a dot is not empty, but {@link #getSignature()} refuses it). */
    public boolean isEmpty() {
        return png == null;
    }

    /**
     * The signature, decoded and checked.
     *
     * @throws DomusException INVALID ({@link SignatureImage#REFUSED}) when the box is empty, holds only a
     *     dot, or the browser sent something that is not a PNG image
     */
    public SignatureImage getSignature() {
        if (png == null) {
            throw new DomusException(DomusException.Kind.INVALID, SignatureImage.REFUSED);
        }
        return SignatureImage.decode(png);
    }

    /** The checked signature's PNG bytes; see {@link #getSignature()}. */
    public byte[] getSignaturePng() {
        return getSignature().png();
    }

    public Registration addSignatureChangeListener(ComponentEventListener<SignatureChangeEvent> listener) {
        return addListener(SignatureChangeEvent.class, listener);
    }

    // package-private: the unit tests feed the browser's message through here
    void received(String base64) {
        byte[] next = null;
        if (base64 != null && !base64.isEmpty()) {
            if (base64.length() > SignatureImage.MAX_BYTES * 4 / 3 + 4) {
                next = new byte[0]; // far too big: kept as "not empty" so that getSignature() refuses it
            } else {
                try {
                    next = Base64.getDecoder().decode(base64);
                } catch (IllegalArgumentException e) {
                    next = new byte[0];
                }
            }
        }
        png = next;
        fireEvent(new SignatureChangeEvent(this, png == null));
    }

    /** The drawing changed: a stroke was added or the box was cleared. */
    public static class SignatureChangeEvent extends ComponentEvent<SignaturePad> {

        private static final long serialVersionUID = 1L;

        private final boolean empty;

        public SignatureChangeEvent(SignaturePad source, boolean empty) {
            super(source, true);
            this.empty = empty;
        }

        public boolean isEmpty() {
            return empty;
        }

        /** The signature now in the box, checked; empty when it would be refused. */
        public Optional<SignatureImage> getSignature() {
            try {
                return Optional.of(getSource().getSignature());
            } catch (DomusException e) {
                return Optional.empty();
            }
        }
    }
}
