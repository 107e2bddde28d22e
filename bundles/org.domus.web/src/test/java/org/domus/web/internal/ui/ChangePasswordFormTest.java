package org.domus.web.internal.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChangePasswordFormTest {

    private final ChangePasswordForm form = new ChangePasswordForm(key -> "[" + key + "]");
    private final List<ChangePasswordForm.SubmitEvent> events = new ArrayList<>();

    @BeforeEach
    void listen() {
        form.addSubmitListener(events::add);
    }

    @Test
    void aValidChangeFiresOneEventWithBothPasswords() {
        fill("old secret", "correct horse battery", "correct horse battery");

        assertTrue(form.submit());

        assertEquals(1, events.size());
        assertArrayEquals("old secret".toCharArray(), events.get(0).current());
        assertArrayEquals("correct horse battery".toCharArray(), events.get(0).newPassword());
    }

    @Test
    void emptyFieldsAreRequired() {
        assertFalse(form.submit());

        assertTrue(events.isEmpty());
        assertTrue(form.current.isInvalid());
        assertEquals("[validation.required]", form.current.getErrorMessage());
    }

    @Test
    void aMismatchedConfirmationIsRefused() {
        fill("old secret", "correct horse battery", "correct horse staple");

        assertFalse(form.submit());

        assertTrue(events.isEmpty());
        assertTrue(form.confirmation.isInvalid());
        assertEquals("[password.error.mismatch]", form.confirmation.getErrorMessage());
    }

    @Test
    void theNewPasswordMustDifferFromTheCurrentOne() {
        fill("same old", "same old", "same old");

        assertFalse(form.submit());

        assertTrue(events.isEmpty());
        assertEquals("[password.error.same]", form.newPassword.getErrorMessage());
    }

    @Test
    void clearEmptiesTheFields() {
        fill("a", "b", "b");

        form.clear();

        assertEquals("", form.current.getValue());
        assertEquals("", form.confirmation.getValue());
    }

    @Test
    void labelsComeFromTranslations() {
        assertEquals("[password.current]", form.current.getLabel());
        assertEquals("[password.submit]", form.submit.getText());
    }

    private void fill(String current, String newPassword, String confirmation) {
        form.current.setValue(current);
        form.newPassword.setValue(newPassword);
        form.confirmation.setValue(confirmation);
    }
}
