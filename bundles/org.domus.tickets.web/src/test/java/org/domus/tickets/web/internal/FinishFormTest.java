package org.domus.tickets.web.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.html.Div;
import java.util.ArrayList;
import java.util.List;
import org.domus.core.DomusException;
import org.junit.jupiter.api.Test;

class FinishFormTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};

    private final List<FinishForm.FinishEvent> finished = new ArrayList<>();

    private FinishForm form(FinishForm.SignatureSource signature) {
        FinishForm form = new FinishForm((key, args) -> "[" + key + "]", "Jana Nováková", new Div(), signature);
        form.addFinishListener(finished::add);
        return form;
    }

    @Test
    void workDoneSignerAndSignatureFinishTheWork() {
        FinishForm form = form(() -> PNG);
        form.workDone.setValue(" Replaced the tap washer. ");

        assertTrue(form.finish());

        FinishForm.FinishEvent event = finished.get(0);
        assertEquals("Replaced the tap washer.", event.workDone());
        assertEquals("Jana Nováková", event.signer(), "the requester is proposed as the signer");
        assertArrayEquals(PNG, event.signature());
    }

    @Test
    void withoutASignatureTheReasonIsShownAndNothingIsFinished() {
        FinishForm form = form(() -> {
            throw new DomusException(DomusException.Kind.INVALID, "components.signature.refused");
        });
        form.workDone.setValue("Replaced the tap washer.");

        assertFalse(form.finish());

        assertTrue(form.signatureError.isVisible());
        assertEquals("[components.signature.refused]", form.signatureError.getText());
        assertTrue(finished.isEmpty());
    }

    @Test
    void withoutWorkDoneOrSignerNothingIsFinished() {
        FinishForm form = form(() -> PNG);
        form.signer.setValue(" ");

        assertFalse(form.finish());

        assertTrue(form.workDone.isInvalid());
        assertTrue(form.signer.isInvalid());
        assertTrue(finished.isEmpty());
    }
}
