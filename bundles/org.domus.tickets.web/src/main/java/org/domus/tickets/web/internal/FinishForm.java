package org.domus.tickets.web.internal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.io.Serializable;
import org.domus.core.DomusException;

/**
 * "Finish with protocol": what was done, who signs for the requester, and the signature drawn on the
 * contractor's screen. Fires {@link FinishEvent} when all three are there; the service then closes the work
 * and makes the completion protocol PDF.
 */
class FinishForm extends Div {

    private static final long serialVersionUID = 1L;

    /** Longest work description the form takes. */
    static final int MAX_WORK_DONE = 4000;

    /** Where the signature comes from: the PNG of the drawing, or a refusal when there is none worth keeping. */
    @FunctionalInterface
    interface SignatureSource extends Serializable {
        byte[] png();
    }

    static final class FinishEvent extends ComponentEvent<FinishForm> {
        private static final long serialVersionUID = 1L;
        private final String workDone;
        private final String signer;
        private final byte[] signature;

        FinishEvent(FinishForm source, String workDone, String signer, byte[] signature) {
            super(source, false);
            this.workDone = workDone;
            this.signer = signer;
            this.signature = signature.clone();
        }

        String workDone() {
            return workDone;
        }

        String signer() {
            return signer;
        }

        byte[] signature() {
            return signature.clone();
        }
    }

    final TextArea workDone = new TextArea();
    final TextField signer = new TextField();
    final Paragraph signatureError = new Paragraph();
    final Button finish = new Button();

    private final transient Translator t;
    private final SignatureSource signature;

    /**
     * @param requesterName proposed as the signer
     * @param pad the drawing surface the requester signs on
     * @param signature reads the drawing when the contractor presses Finish
     */
    FinishForm(Translator translator, String requesterName, Component pad, SignatureSource signature) {
        this.t = translator;
        this.signature = signature;
        addClassName("tickets-finish");
        setId("tickets-finish");
        workDone.setId("tickets-finish-work");
        workDone.setLabel(t.translate("tickets.ui.finish.workDone"));
        workDone.setWidthFull();
        workDone.setMaxLength(MAX_WORK_DONE);
        workDone.setRequired(true);
        signer.setId("tickets-finish-signer");
        signer.setLabel(t.translate("tickets.ui.finish.signer"));
        signer.setRequired(true);
        signer.setMaxLength(200);
        signer.setValue(requesterName == null ? "" : requesterName);
        signatureError.setId("tickets-finish-signature-error");
        signatureError.getStyle().set("color", "var(--lumo-error-text-color)");
        signatureError.getElement().setAttribute("role", "alert");
        signatureError.setVisible(false);
        finish.setId("tickets-finish-submit");
        finish.setText(t.translate("tickets.ui.finish.submit"));
        finish.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        finish.addClickListener(e -> finish());
        add(
                new H4(t.translate("tickets.ui.finish.title")),
                new Paragraph(t.translate("tickets.ui.finish.help")),
                workDone,
                signer,
                new Paragraph(t.translate("tickets.ui.finish.signHere")),
                pad,
                signatureError,
                finish);
    }

    Registration addFinishListener(ComponentEventListener<FinishEvent> listener) {
        return addListener(FinishEvent.class, listener);
    }

    /** Checks the three parts and, when all are there, fires {@link FinishEvent}; returns whether it fired. */
    boolean finish() {
        String required = t.translate("tickets.ui.report.required");
        boolean ok = true;
        workDone.setInvalid(false);
        signer.setInvalid(false);
        signatureError.setVisible(false);
        if (workDone.getValue().isBlank()) {
            workDone.setErrorMessage(required);
            workDone.setInvalid(true);
            ok = false;
        }
        if (signer.getValue().isBlank()) {
            signer.setErrorMessage(required);
            signer.setInvalid(true);
            ok = false;
        }
        byte[] png = null;
        try {
            png = signature.png();
        } catch (DomusException e) {
            signatureError.setText(t.translate(e.messageKey(), e.arguments().toArray()));
            signatureError.setVisible(true);
            ok = false;
        }
        if (!ok) {
            return false;
        }
        fireEvent(new FinishEvent(
                this, workDone.getValue().strip(), signer.getValue().strip(), png));
        return true;
    }
}
