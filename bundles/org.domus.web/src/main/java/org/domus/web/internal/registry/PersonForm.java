package org.domus.web.internal.registry;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.EmailValidator;
import com.vaadin.flow.shared.Registration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.domus.core.registry.Address;
import org.domus.core.registry.ContactData;
import org.domus.core.registry.FieldError;
import org.domus.core.registry.InvalidFieldsException;
import org.domus.core.registry.PaymentIdentifiers;
import org.domus.core.registry.Person;
import org.domus.core.registry.PersonKind;

/**
 * A person's data, or in {@linkplain #contactOnly() contact-only} mode just the part a resident may
 * change themself (e-mail, phone, correspondence address, bank account). Fires {@link SaveEvent} with
 * the person to store (and its {@link ContactData}) or {@link CancelEvent}.
 */
public class PersonForm extends FormLayout {

    private static final long serialVersionUID = 1L;

    /** The person to store; id, organisation, account link and version are those of the edited one. */
    public static final class SaveEvent extends ComponentEvent<PersonForm> {
        private static final long serialVersionUID = 1L;
        private final transient Person person;

        SaveEvent(PersonForm source, Person person) {
            super(source, false);
            this.person = person;
        }

        public Person person() {
            return person;
        }

        /** The contact part of {@link #person()}. */
        public ContactData contact() {
            return new ContactData(person.email(), person.phone(), person.address(), person.bankAccount());
        }
    }

    public static final class CancelEvent extends ComponentEvent<PersonForm> {
        private static final long serialVersionUID = 1L;

        CancelEvent(PersonForm source) {
            super(source, false);
        }
    }

    static final class Draft {
        PersonKind kind = PersonKind.NATURAL;
        String firstName = "";
        String lastName = "";
        String companyName = "";
        String registrationNumber = "";
        String email = "";
        String phone = "";
        String street = "";
        String city = "";
        String postcode = "";
        String country = "";
        String bankAccount = "";
    }

    final ComboBox<PersonKind> kind = new ComboBox<>();
    final TextField firstName = new TextField();
    final TextField lastName = new TextField();
    final TextField companyName = new TextField();
    final TextField registrationNumber = new TextField();
    final EmailField email = new EmailField();
    final TextField phone = new TextField();
    final TextField street = new TextField();
    final TextField city = new TextField();
    final TextField postcode = new TextField();
    final TextField country = new TextField();
    final TextField bankAccount = new TextField();
    final Button save = new Button();
    final Button cancel = new Button();

    private final transient Translator t;
    private final boolean contactOnly;
    private final Binder<Draft> binder = new Binder<>();
    private Person editing;
    private long newOrganisation;

    /** @param contactOnly show only the contact fields (the resident's own form) */
    public PersonForm(Translator translator, boolean contactOnly) {
        this.t = translator;
        this.contactOnly = contactOnly;
        addClassName("domus-form");
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("600px", 2));
        String required = t.translate("validation.required");

        kind.setLabel(t.translate("registry.person.kind"));
        kind.setItems(PersonKind.values());
        kind.setItemLabelGenerator(k -> t.translate("registry.personKind." + k.name()));
        kind.addValueChangeListener(e -> showNameFields());
        firstName.setLabel(t.translate("registry.person.firstName"));
        lastName.setLabel(t.translate("registry.person.lastName"));
        companyName.setLabel(t.translate("registry.person.companyName"));
        registrationNumber.setLabel(t.translate("registry.person.registrationNumber"));
        email.setLabel(t.translate("registry.person.email"));
        phone.setLabel(t.translate("registry.person.phone"));
        street.setLabel(t.translate("registry.address.street"));
        city.setLabel(t.translate("registry.address.city"));
        postcode.setLabel(t.translate("registry.address.postcode"));
        country.setLabel(t.translate("registry.address.country"));
        country.setMaxLength(2);
        country.setHelperText(t.translate("registry.address.country.help"));
        bankAccount.setLabel(t.translate("registry.person.bankAccount"));

        if (!contactOnly) {
            binder.forField(kind).asRequired(required).bind(d -> d.kind, (d, v) -> d.kind = v);
            binder.forField(firstName)
                    .withValidator(v -> !isNatural() || !v.isBlank(), required)
                    .bind(d -> d.firstName, (d, v) -> d.firstName = v);
            binder.forField(lastName)
                    .withValidator(v -> !isNatural() || !v.isBlank(), required)
                    .bind(d -> d.lastName, (d, v) -> d.lastName = v);
            binder.forField(companyName)
                    .withValidator(v -> isNatural() || !v.isBlank(), required)
                    .bind(d -> d.companyName, (d, v) -> d.companyName = v);
            binder.forField(registrationNumber).bind(d -> d.registrationNumber, (d, v) -> d.registrationNumber = v);
        }
        binder.forField(email)
                .withValidator(new EmailValidator(t.translate("registry.email.invalid"), true))
                .bind(d -> d.email, (d, v) -> d.email = v);
        binder.forField(phone)
                .withValidator(
                        v -> v.isBlank() || v.strip().matches("[0-9+()/\\- ]{3,32}"),
                        t.translate("registry.phone.invalid"))
                .bind(d -> d.phone, (d, v) -> d.phone = v);
        binder.forField(street).bind(d -> d.street, (d, v) -> d.street = v);
        binder.forField(city).bind(d -> d.city, (d, v) -> d.city = v);
        binder.forField(postcode).bind(d -> d.postcode, (d, v) -> d.postcode = v);
        binder.forField(country)
                .withValidator(
                        v -> v.isBlank() || v.strip().matches("[A-Za-z]{2}"), t.translate("registry.country.invalid"))
                .bind(d -> d.country, (d, v) -> d.country = v);
        binder.forField(bankAccount)
                .withValidator(
                        v -> v.isBlank() || PaymentIdentifiers.isValidIban(v), t.translate("registry.iban.invalid"))
                .bind(d -> d.bankAccount, (d, v) -> d.bankAccount = v);

        save.setText(t.translate("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        cancel.setText(t.translate("action.cancel"));
        cancel.addClickListener(e -> fireEvent(new CancelEvent(this)));

        if (!contactOnly) {
            add(kind, registrationNumber, firstName, lastName, companyName);
        }
        add(email, phone, street, city, postcode, country, bankAccount);
        HorizontalLayout buttons = new HorizontalLayout(save);
        if (!contactOnly) {
            buttons.add(cancel);
        }
        add(buttons);
        setColspan(buttons, 2);
        binder.setBean(new Draft());
        showNameFields();
    }

    public boolean contactOnly() {
        return contactOnly;
    }

    /** Starts a new natural person of the organisation. */
    public void create(long organisationId) {
        editing = null;
        newOrganisation = organisationId;
        binder.setBean(new Draft());
        showNameFields();
    }

    /** Loads a person for editing. */
    public void edit(Person person) {
        editing = person;
        Draft d = new Draft();
        d.kind = person.kind();
        d.firstName = orEmpty(person.firstName());
        d.lastName = orEmpty(person.lastName());
        d.companyName = orEmpty(person.companyName());
        d.registrationNumber = orEmpty(person.registrationNumber());
        d.email = orEmpty(person.email());
        d.phone = orEmpty(person.phone());
        Address a = person.address();
        if (a != null) {
            d.street = orEmpty(a.street());
            d.city = orEmpty(a.city());
            d.postcode = orEmpty(a.postcode());
            d.country = orEmpty(a.country());
        }
        d.bankAccount = orEmpty(person.bankAccount());
        binder.setBean(d);
        showNameFields();
    }

    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    public Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    /** Validates and, when valid, fires {@link SaveEvent}; returns whether it fired. */
    boolean save() {
        if (!binder.validate().isOk()) {
            return false;
        }
        fireEvent(new SaveEvent(this, toPerson(binder.getBean())));
        return true;
    }

    /**
     * Shows the service's refusal at the fields.
     *
     * @return errors that no field of this form shows
     */
    public List<FieldError> showErrors(InvalidFieldsException error) {
        Map<String, HasValidation> fields = new HashMap<>();
        fields.put("email", email);
        fields.put("phone", phone);
        fields.put("address.street", street);
        fields.put("address.city", city);
        fields.put("address.postcode", postcode);
        fields.put("address.country", country);
        fields.put("bankAccount", bankAccount);
        if (!contactOnly) {
            fields.put("kind", kind);
            fields.put("firstName", firstName);
            fields.put("lastName", lastName);
            fields.put("companyName", companyName);
            fields.put("registrationNumber", registrationNumber);
        }
        return FieldErrors.show(error, fields, t);
    }

    private boolean isNatural() {
        return kind.getValue() != PersonKind.LEGAL;
    }

    private void showNameFields() {
        boolean natural = isNatural();
        firstName.setVisible(!contactOnly && natural);
        lastName.setVisible(!contactOnly && natural);
        companyName.setVisible(!contactOnly && !natural);
        registrationNumber.setVisible(!contactOnly && !natural);
    }

    private Person toPerson(Draft d) {
        boolean natural = d.kind != PersonKind.LEGAL;
        Address address = d.street.isBlank() && d.city.isBlank() && d.postcode.isBlank() && d.country.isBlank()
                ? null
                : new Address(
                        RegistryText.blankToNull(d.street),
                        RegistryText.blankToNull(d.city),
                        RegistryText.blankToNull(d.postcode),
                        d.country.isBlank() ? null : d.country.strip().toUpperCase(Locale.ROOT));
        String iban = RegistryText.blankToNull(PaymentIdentifiers.compact(d.bankAccount));
        if (contactOnly && editing != null) {
            return new Person(
                    editing.id(),
                    editing.organisationId(),
                    editing.kind(),
                    editing.firstName(),
                    editing.lastName(),
                    editing.companyName(),
                    editing.registrationNumber(),
                    RegistryText.blankToNull(d.email),
                    RegistryText.blankToNull(d.phone),
                    address,
                    iban,
                    editing.accountId(),
                    editing.version());
        }
        return new Person(
                editing == null ? 0 : editing.id(),
                editing == null ? newOrganisation : editing.organisationId(),
                d.kind,
                natural ? RegistryText.blankToNull(d.firstName) : null,
                natural ? RegistryText.blankToNull(d.lastName) : null,
                natural ? null : RegistryText.blankToNull(d.companyName),
                natural ? null : RegistryText.blankToNull(d.registrationNumber),
                RegistryText.blankToNull(d.email),
                RegistryText.blankToNull(d.phone),
                address,
                iban,
                editing == null ? null : editing.accountId(),
                editing == null ? 0 : editing.version());
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
