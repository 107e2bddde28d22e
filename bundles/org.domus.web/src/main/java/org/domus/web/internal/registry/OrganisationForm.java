package org.domus.web.internal.registry;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.domus.core.registry.FieldError;
import org.domus.core.registry.InvalidFieldsException;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.PaymentIdentifiers;

/**
 * An organisation's name, numbers and the bank details payment QR codes carry (IBAN, BIC, recipient, tax id).
 * Checks what it can before saving (IBAN checksum and length, BIC shape, a Polish NIP's check digit) and fires
 * {@link SaveEvent} with the organisation to store, or {@link CancelEvent}.
 */
public class OrganisationForm extends FormLayout {

    private static final long serialVersionUID = 1L;

    /** The organisation to store; id, currency and version are those of the edited one. */
    public static final class SaveEvent extends ComponentEvent<OrganisationForm> {
        private static final long serialVersionUID = 1L;
        private final transient Organisation organisation;

        SaveEvent(OrganisationForm source, Organisation organisation) {
            super(source, false);
            this.organisation = organisation;
        }

        public Organisation organisation() {
            return organisation;
        }
    }

    public static final class CancelEvent extends ComponentEvent<OrganisationForm> {
        private static final long serialVersionUID = 1L;

        CancelEvent(OrganisationForm source) {
            super(source, false);
        }
    }

    static final class Draft {
        String name = "";
        String registrationNumber = "";
        String country = "";
        String taxId = "";
        String iban = "";
        String bic = "";
        String accountName = "";
    }

    final TextField name = new TextField();
    final TextField registrationNumber = new TextField();
    final TextField country = new TextField();
    final TextField taxId = new TextField();
    final TextField iban = new TextField();
    final TextField bic = new TextField();
    final TextField accountName = new TextField();
    final Button save = new Button();
    final Button cancel = new Button();

    private final transient Translator t;
    private final Binder<Draft> binder = new Binder<>();
    private Organisation editing;

    public OrganisationForm(Translator translator) {
        this.t = translator;
        addClassName("domus-form");
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("600px", 2));
        String required = t.translate("validation.required");

        name.setLabel(t.translate("registry.organisation.name"));
        name.setMaxLength(200);
        registrationNumber.setLabel(t.translate("registry.organisation.registrationNumber"));
        registrationNumber.setMaxLength(32);
        country.setLabel(t.translate("registry.address.country"));
        country.setMaxLength(2);
        country.setHelperText(t.translate("registry.address.country.help"));
        taxId.setLabel(t.translate("registry.organisation.taxId"));
        taxId.setMaxLength(32);
        iban.setLabel(t.translate("registry.organisation.iban"));
        iban.setHelperText(t.translate("registry.organisation.iban.help"));
        bic.setLabel(t.translate("registry.organisation.bic"));
        bic.setMaxLength(11);
        accountName.setLabel(t.translate("registry.organisation.accountName"));
        accountName.setHelperText(t.translate("registry.organisation.accountName.help"));
        accountName.setMaxLength(70);

        binder.forField(name).asRequired(required).bind(d -> d.name, (d, v) -> d.name = v);
        binder.forField(registrationNumber).bind(d -> d.registrationNumber, (d, v) -> d.registrationNumber = v);
        binder.forField(country)
                .asRequired(required)
                .withValidator(v -> v.strip().matches("[A-Za-z]{2}"), t.translate("registry.country.invalid"))
                .bind(d -> d.country, (d, v) -> d.country = v);
        binder.forField(taxId)
                .withValidator(
                        v -> v.isBlank()
                                || !"PL".equalsIgnoreCase(country.getValue().strip())
                                || PaymentIdentifiers.isValidNip(v),
                        t.translate("registry.nip.invalid"))
                .bind(d -> d.taxId, (d, v) -> d.taxId = v);
        binder.forField(iban)
                .withValidator(
                        v -> v.isBlank() || PaymentIdentifiers.isValidIban(v), t.translate("registry.iban.invalid"))
                .bind(d -> d.iban, (d, v) -> d.iban = v);
        binder.forField(bic)
                .withValidator(
                        v -> v.isBlank() || PaymentIdentifiers.isValidBic(PaymentIdentifiers.compact(v)),
                        t.translate("registry.bic.invalid"))
                .bind(d -> d.bic, (d, v) -> d.bic = v);
        binder.forField(accountName).bind(d -> d.accountName, (d, v) -> d.accountName = v);

        save.setText(t.translate("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        cancel.setText(t.translate("action.cancel"));
        cancel.addClickListener(e -> fireEvent(new CancelEvent(this)));

        add(name, registrationNumber, country, taxId, iban, bic, accountName);
        setColspan(name, 2);
        setColspan(accountName, 2);
        HorizontalLayout buttons = new HorizontalLayout(save, cancel);
        add(buttons);
        setColspan(buttons, 2);
        binder.setBean(new Draft());
    }

    /** Loads an organisation for editing. */
    public void edit(Organisation organisation) {
        editing = organisation;
        Draft d = new Draft();
        d.name = orEmpty(organisation.name());
        d.registrationNumber = orEmpty(organisation.registrationNumber());
        d.country = orEmpty(organisation.country());
        d.taxId = orEmpty(organisation.taxId());
        d.iban = orEmpty(organisation.iban());
        d.bic = orEmpty(organisation.bic());
        d.accountName = orEmpty(organisation.accountName());
        binder.setBean(d);
    }

    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    public Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    /** Validates and, when valid, fires {@link SaveEvent}; returns whether it fired. */
    boolean save() {
        if (editing == null || !binder.validate().isOk()) {
            return false;
        }
        Draft d = binder.getBean();
        fireEvent(new SaveEvent(
                this,
                new Organisation(
                        editing.id(),
                        d.name.strip(),
                        RegistryText.blankToNull(d.registrationNumber),
                        d.country.strip().toUpperCase(Locale.ROOT),
                        editing.currency(),
                        RegistryText.blankToNull(PaymentIdentifiers.compact(d.iban)),
                        RegistryText.blankToNull(PaymentIdentifiers.compact(d.bic)),
                        RegistryText.blankToNull(d.accountName),
                        RegistryText.blankToNull(d.taxId),
                        editing.version())));
        return true;
    }

    /**
     * Shows the service's refusal at the fields.
     *
     * @return errors that no field of this form shows
     */
    public List<FieldError> showErrors(InvalidFieldsException error) {
        Map<String, HasValidation> fields = new HashMap<>();
        fields.put("name", name);
        fields.put("registrationNumber", registrationNumber);
        fields.put("country", country);
        fields.put("taxId", taxId);
        fields.put("iban", iban);
        fields.put("bic", bic);
        fields.put("accountName", accountName);
        return FieldErrors.show(error, fields, t);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
