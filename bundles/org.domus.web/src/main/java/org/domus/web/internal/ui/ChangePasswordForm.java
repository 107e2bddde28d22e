package org.domus.web.internal.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.shared.Registration;
import java.util.function.Function;

/**
 * Current password, new password and its confirmation. Checks only what the browser user can fix at
 * once (filled in, confirmation matches, differs from the current one); the password policy itself is
 * the account service's and comes back as an error. Fires {@link SubmitEvent} when the input is valid.
 */
public class ChangePasswordForm extends FormLayout {

    private static final long serialVersionUID = 1L;

    /** The form's bean; kept as strings because that is what the fields hold. */
    public static final class Values {
        private String current = "";
        private String newPassword = "";
        private String confirmation = "";

        public String getCurrent() {
            return current;
        }

        public void setCurrent(String current) {
            this.current = current;
        }

        public String getNewPassword() {
            return newPassword;
        }

        public void setNewPassword(String newPassword) {
            this.newPassword = newPassword;
        }

        public String getConfirmation() {
            return confirmation;
        }

        public void setConfirmation(String confirmation) {
            this.confirmation = confirmation;
        }
    }

    /** A valid change request. The arrays belong to the listener, which should wipe them after use. */
    public static final class SubmitEvent extends ComponentEvent<ChangePasswordForm> {
        private static final long serialVersionUID = 1L;
        private final char[] current;
        private final char[] newPassword;

        SubmitEvent(ChangePasswordForm source, char[] current, char[] newPassword) {
            super(source, false);
            this.current = current;
            this.newPassword = newPassword;
        }

        public char[] current() {
            return current;
        }

        public char[] newPassword() {
            return newPassword;
        }
    }

    final PasswordField current = new PasswordField();
    final PasswordField newPassword = new PasswordField();
    final PasswordField confirmation = new PasswordField();
    final Button submit = new Button();
    private final Binder<Values> binder = new Binder<>(Values.class);

    /** @param translate translation function (the view's {@code getTranslation}), injected for tests */
    public ChangePasswordForm(Function<String, String> translate) {
        addClassName("domus-form");
        setResponsiveSteps(new ResponsiveStep("0", 1));
        current.setLabel(translate.apply("password.current"));
        current.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.CURRENT_PASSWORD);
        newPassword.setLabel(translate.apply("password.new"));
        newPassword.setHelperText(translate.apply("password.new.help"));
        newPassword.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        confirmation.setLabel(translate.apply("password.confirm"));
        confirmation.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        submit.setText(translate.apply("password.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        submit.addClickListener(e -> submit());

        String required = translate.apply("validation.required");
        binder.forField(current).asRequired(required).bind(Values::getCurrent, Values::setCurrent);
        binder.forField(newPassword)
                .asRequired(required)
                .withValidator((value, context) -> value.equals(current.getValue())
                        ? ValidationResult.error(translate.apply("password.error.same"))
                        : ValidationResult.ok())
                .bind(Values::getNewPassword, Values::setNewPassword);
        binder.forField(confirmation)
                .asRequired(required)
                .withValidator((value, context) -> value.equals(newPassword.getValue())
                        ? ValidationResult.ok()
                        : ValidationResult.error(translate.apply("password.error.mismatch")))
                .bind(Values::getConfirmation, Values::setConfirmation);
        binder.setBean(new Values());
        add(current, newPassword, confirmation, submit);
    }

    public Registration addSubmitListener(ComponentEventListener<SubmitEvent> listener) {
        return addListener(SubmitEvent.class, listener);
    }

    /** Validates and, when valid, fires {@link SubmitEvent}; returns whether it fired. */
    boolean submit() {
        if (!binder.validate().isOk()) {
            return false;
        }
        Values values = binder.getBean();
        fireEvent(new SubmitEvent(
                this, values.getCurrent().toCharArray(), values.getNewPassword().toCharArray()));
        return true;
    }

    /** Empties every field, e.g. after a refused change. */
    public void clear() {
        binder.setBean(new Values());
    }
}
