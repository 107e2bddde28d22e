package org.domus.web.internal.registry;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.shared.Registration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.domus.core.registry.FieldError;
import org.domus.core.registry.InvalidFieldsException;
import org.domus.core.registry.Person;
import org.domus.core.registry.Share;
import org.domus.core.registry.Tenure;
import org.domus.core.registry.TenureRole;

/**
 * A new tenure of a unit: who, in which role, with which share, from when (and until when). The
 * person list is the caller's (a lazy search over the registry). Fires {@link SaveEvent} or
 * {@link CancelEvent}.
 */
public class TenureForm extends FormLayout {

    private static final long serialVersionUID = 1L;

    public static final class SaveEvent extends ComponentEvent<TenureForm> {
        private static final long serialVersionUID = 1L;
        private final Tenure tenure;

        SaveEvent(TenureForm source, Tenure tenure) {
            super(source, false);
            this.tenure = tenure;
        }

        public Tenure tenure() {
            return tenure;
        }
    }

    public static final class CancelEvent extends ComponentEvent<TenureForm> {
        private static final long serialVersionUID = 1L;

        CancelEvent(TenureForm source) {
            super(source, false);
        }
    }

    static final class Draft {
        Person person;
        TenureRole role = TenureRole.OWNER;
        String share = "";
        LocalDate validFrom;
        LocalDate validTo;
    }

    final ComboBox<Person> person = new ComboBox<>();
    final ComboBox<TenureRole> role = new ComboBox<>();
    final TextField share = new TextField();
    final DatePicker validFrom = new DatePicker();
    final DatePicker validTo = new DatePicker();
    final Button save = new Button();
    final Button cancel = new Button();

    private final transient Translator t;
    private final Binder<Draft> binder = new Binder<>();
    private long unitId;

    public TenureForm(Translator translator) {
        this.t = translator;
        addClassName("domus-form");
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("500px", 2));
        String required = t.translate("validation.required");

        person.setLabel(t.translate("registry.tenure.person"));
        person.setItemLabelGenerator(Person::displayName);
        binder.forField(person).asRequired(required).bind(d -> d.person, (d, v) -> d.person = v);
        role.setLabel(t.translate("registry.tenure.role"));
        role.setItems(TenureRole.values());
        role.setItemLabelGenerator(r -> t.translate("registry.role." + r.name()));
        binder.forField(role).asRequired(required).bind(d -> d.role, (d, v) -> d.role = v);
        share.setLabel(t.translate("registry.tenure.share"));
        share.setHelperText(t.translate("registry.tenure.share.help"));
        binder.forField(share).withValidator(this::validShare).bind(d -> d.share, (d, v) -> d.share = v);
        validFrom.setLabel(t.translate("registry.tenure.validFrom"));
        binder.forField(validFrom).asRequired(required).bind(d -> d.validFrom, (d, v) -> d.validFrom = v);
        validTo.setLabel(t.translate("registry.tenure.validTo"));
        binder.forField(validTo)
                .withValidator(
                        v -> v == null || validFrom.getValue() == null || !v.isBefore(validFrom.getValue()),
                        t.translate("registry.tenure.ends-before-start"))
                .bind(d -> d.validTo, (d, v) -> d.validTo = v);

        save.setText(t.translate("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        cancel.setText(t.translate("action.cancel"));
        cancel.addClickListener(e -> fireEvent(new CancelEvent(this)));
        HorizontalLayout buttons = new HorizontalLayout(save, cancel);
        add(person, role, share, validFrom, validTo, buttons);
        setColspan(buttons, 2);
        binder.setBean(new Draft());
    }

    /** Starts a new tenure of the unit, from today. */
    public void create(long unit) {
        this.unitId = unit;
        Draft d = new Draft();
        d.validFrom = LocalDate.now();
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
        if (!binder.validate().isOk()) {
            return false;
        }
        Draft d = binder.getBean();
        Share parsed = d.share.isBlank() ? null : Share.parse(d.share);
        fireEvent(new SaveEvent(this, new Tenure(0, unitId, d.person.id(), d.role, parsed, d.validFrom, d.validTo, 0)));
        return true;
    }

    /** @return errors that no field of this form shows */
    public List<FieldError> showErrors(InvalidFieldsException error) {
        return FieldErrors.show(
                error,
                Map.<String, HasValidation>of(
                        "personId", person,
                        "role", role,
                        "share", share,
                        "validFrom", validFrom,
                        "validTo", validTo),
                t);
    }

    private ValidationResult validShare(String text, com.vaadin.flow.data.binder.ValueContext context) {
        if (text == null || text.isBlank()) {
            return ValidationResult.ok();
        }
        try {
            Share s = Share.parse(text);
            return s.numerator() > 0 && s.isAtMostOne()
                    ? ValidationResult.ok()
                    : ValidationResult.error(t.translate("registry.share.above-one"));
        } catch (IllegalArgumentException | ArithmeticException e) {
            return ValidationResult.error(t.translate("registry.share.format"));
        }
    }
}
