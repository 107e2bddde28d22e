package org.domus.tickets.web.internal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.function.Consumer;

/** Asks for the reason of a rejection, cancellation or other move that keeps one in the timeline. */
final class ReasonDialog extends Dialog {

    private static final long serialVersionUID = 1L;

    /**
     * @param title the dialog's (translated) title
     * @param required whether an empty reason is refused in the dialog already
     * @param confirmed gets the reason (null when empty and optional)
     */
    ReasonDialog(String title, boolean required, Consumer<String> confirmed) {
        setId("tickets-reason-dialog");
        setHeaderTitle(title);
        TextArea reason = new TextArea(getTranslation("tickets.manage.reason"));
        reason.setId("tickets-reason");
        reason.setWidth("28em");
        reason.setMaxLength(2000);
        Button ok = new Button(getTranslation("tickets.manage.reason.confirm"), e -> {
            String text = reason.getValue() == null ? "" : reason.getValue().strip();
            if (required && text.isEmpty()) {
                reason.setInvalid(true);
                reason.setErrorMessage(getTranslation("tickets.manage.reason.required"));
                return;
            }
            close();
            confirmed.accept(text.isEmpty() ? null : text);
        });
        ok.setId("tickets-reason-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(reason);
        getFooter().add(new Button(getTranslation("tickets.ui.cancel"), e -> close()), ok);
    }
}
