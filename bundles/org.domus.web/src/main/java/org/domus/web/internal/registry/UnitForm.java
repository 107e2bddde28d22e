package org.domus.web.internal.registry;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.converter.StringToLongConverter;
import com.vaadin.flow.shared.Registration;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.domus.core.registry.Building;
import org.domus.core.registry.FieldError;
import org.domus.core.registry.InvalidFieldsException;
import org.domus.core.registry.LegalForm;
import org.domus.core.registry.Money;
import org.domus.core.registry.PaymentIdentifiers;
import org.domus.core.registry.Share;
import org.domus.core.registry.Unit;
import org.domus.core.registry.UnitKind;
import org.domus.core.registry.UnitState;

/**
 * Creates or edits a unit. Checks what the user can fix at once (required fields, ranges, share at most
 * one, variable symbol and NRB check digits); rules that need the database (unique number, shares of the
 * building) come back from the service and are put at the fields by {@link #showErrors}. Fires
 * {@link SaveEvent} with the unit to store, or {@link CancelEvent}.
 */
public class UnitForm extends FormLayout {

    private static final long serialVersionUID = 1L;

    /** The unit to store; id, building and version are those of the unit being edited. */
    public static final class SaveEvent extends ComponentEvent<UnitForm> {
        private static final long serialVersionUID = 1L;
        private final Unit unit;

        SaveEvent(UnitForm source, Unit unit) {
            super(source, false);
            this.unit = unit;
        }

        public Unit unit() {
            return unit;
        }
    }

    /** The user gave up editing. */
    public static final class CancelEvent extends ComponentEvent<UnitForm> {
        private static final long serialVersionUID = 1L;

        CancelEvent(UnitForm source) {
            super(source, false);
        }
    }

    /** The fields' values; mutable because that is what a binder writes. */
    static final class Draft {
        Building building;
        String number = "";
        UnitKind kind = UnitKind.FLAT;
        Integer floor;
        String staircase = "";
        BigDecimal area;
        Integer rooms;
        String equipment = "";
        Long shareNumerator;
        Long shareDenominator;
        LegalForm legalForm = LegalForm.COOPERATIVE_RIGHT;
        UnitState state = UnitState.OCCUPIED;
        BigDecimal rent;
        String currency = "";
        String variableSymbol = "";
        String virtualAccount = "";
    }

    final ComboBox<Building> building = new ComboBox<>();
    final TextField number = new TextField();
    final ComboBox<UnitKind> kind = new ComboBox<>();
    final IntegerField floor = new IntegerField();
    final TextField staircase = new TextField();
    final BigDecimalField area = new BigDecimalField();
    final IntegerField rooms = new IntegerField();
    final TextField equipment = new TextField();
    final TextField shareNumerator = new TextField();
    final TextField shareDenominator = new TextField();
    final ComboBox<LegalForm> legalForm = new ComboBox<>();
    final ComboBox<UnitState> state = new ComboBox<>();
    final BigDecimalField rent = new BigDecimalField();
    final TextField currency = new TextField();
    final TextField variableSymbol = new TextField();
    final TextField virtualAccount = new TextField();
    final Button save = new Button();
    final Button cancel = new Button();

    private final transient Translator t;
    private final Binder<Draft> binder = new Binder<>();
    private Unit editing;

    public UnitForm(Translator translator) {
        this.t = translator;
        addClassName("domus-form");
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("600px", 2));
        String required = t.translate("validation.required");

        building.setLabel(t.translate("registry.unit.building"));
        building.setItemLabelGenerator(Building::address);
        binder.forField(building).asRequired(required).bind(d -> d.building, (d, v) -> d.building = v);

        number.setLabel(t.translate("registry.unit.number"));
        number.setMaxLength(20);
        binder.forField(number).asRequired(required).bind(d -> d.number, (d, v) -> d.number = v);

        kind.setLabel(t.translate("registry.unit.kind"));
        kind.setItems(UnitKind.values());
        kind.setItemLabelGenerator(k -> t.translate("registry.kind." + k.name()));
        binder.forField(kind).asRequired(required).bind(d -> d.kind, (d, v) -> d.kind = v);

        floor.setLabel(t.translate("registry.unit.floor"));
        floor.setMin(-10);
        floor.setMax(300);
        binder.forField(floor)
                .withValidator(v -> v == null || (v >= -10 && v <= 300), t.translate("registry.range", -10, 300))
                .bind(d -> d.floor, (d, v) -> d.floor = v);

        staircase.setLabel(t.translate("registry.unit.staircase"));
        staircase.setHelperText(t.translate("registry.unit.staircase.help"));
        staircase.setMaxLength(Unit.STAIRCASE_MAX_LENGTH);
        binder.forField(staircase)
                .withValidator(
                        v -> v == null || v.isBlank() || Unit.isValidStaircase(v.strip()),
                        t.translate("registry.staircase.invalid"))
                .bind(d -> d.staircase, (d, v) -> d.staircase = v);

        area.setLabel(t.translate("registry.unit.area"));
        area.setSuffixComponent(new com.vaadin.flow.component.html.Span("m²"));
        binder.forField(area)
                .asRequired(required)
                .withValidator(v -> v.signum() > 0, t.translate("registry.positive"))
                .withValidator(
                        v -> Math.max(v.stripTrailingZeros().scale(), 0) <= 2, t.translate("registry.decimals", 2))
                .bind(d -> d.area, (d, v) -> d.area = v);

        rooms.setLabel(t.translate("registry.unit.rooms"));
        rooms.setMin(0);
        rooms.setMax(100);
        binder.forField(rooms)
                .withValidator(v -> v == null || (v >= 0 && v <= 100), t.translate("registry.range", 0, 100))
                .bind(d -> d.rooms, (d, v) -> d.rooms = v);

        equipment.setLabel(t.translate("registry.unit.equipment"));
        equipment.setHelperText(t.translate("registry.unit.equipment.help"));
        binder.forField(equipment).bind(d -> d.equipment, (d, v) -> d.equipment = v);

        shareNumerator.setLabel(t.translate("registry.unit.share.numerator"));
        shareDenominator.setLabel(t.translate("registry.unit.share.denominator"));
        String notNumber = t.translate("registry.number.invalid");
        binder.forField(shareNumerator)
                .withNullRepresentation("")
                .asRequired(required)
                .withConverter(new StringToLongConverter(notNumber))
                .withValidator(v -> v > 0, t.translate("registry.positive"))
                .bind(d -> d.shareNumerator, (d, v) -> d.shareNumerator = v);
        binder.forField(shareDenominator)
                .withNullRepresentation("")
                .asRequired(required)
                .withConverter(new StringToLongConverter(notNumber))
                .withValidator(v -> v > 0, t.translate("registry.positive"))
                .withValidator(this::shareAtMostOne)
                .bind(d -> d.shareDenominator, (d, v) -> d.shareDenominator = v);

        legalForm.setLabel(t.translate("registry.unit.legalForm"));
        legalForm.setItems(LegalForm.values());
        legalForm.setItemLabelGenerator(f -> t.translate("registry.legalForm." + f.name()));
        binder.forField(legalForm).asRequired(required).bind(d -> d.legalForm, (d, v) -> d.legalForm = v);

        state.setLabel(t.translate("registry.unit.state"));
        state.setItems(UnitState.values());
        state.setItemLabelGenerator(s -> t.translate("registry.state." + s.name()));
        binder.forField(state).asRequired(required).bind(d -> d.state, (d, v) -> d.state = v);

        rent.setLabel(t.translate("registry.unit.rent"));
        binder.forField(rent)
                .withValidator(v -> v == null || v.signum() >= 0, t.translate("registry.range", 0, "…"))
                .withValidator(
                        v -> v == null || Math.max(v.stripTrailingZeros().scale(), 0) <= 2,
                        t.translate("registry.decimals", 2))
                .bind(d -> d.rent, (d, v) -> d.rent = v);
        currency.setLabel(t.translate("registry.unit.currency"));
        currency.setMaxLength(3);
        currency.setWidth("8em");
        binder.forField(currency)
                .withValidator(this::currencyMatchesRent)
                .bind(d -> d.currency, (d, v) -> d.currency = v);

        variableSymbol.setLabel(t.translate("registry.unit.variableSymbol"));
        variableSymbol.setMaxLength(10);
        binder.forField(variableSymbol)
                .withValidator((v, c) -> {
                    if (v == null || v.isBlank()) {
                        return ValidationResult.ok();
                    }
                    String problem = PaymentIdentifiers.variableSymbolProblem(v.strip());
                    return problem == null ? ValidationResult.ok() : ValidationResult.error(t.translate(problem));
                })
                .bind(d -> d.variableSymbol, (d, v) -> d.variableSymbol = v);

        virtualAccount.setLabel(t.translate("registry.unit.virtualAccount"));
        binder.forField(virtualAccount)
                .withValidator(
                        v -> v == null || v.isBlank() || PaymentIdentifiers.isValidNrb(v),
                        t.translate("registry.nrb.invalid"))
                .bind(d -> d.virtualAccount, (d, v) -> d.virtualAccount = v);

        save.setText(t.translate("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        cancel.setText(t.translate("action.cancel"));
        cancel.addClickListener(e -> fireEvent(new CancelEvent(this)));

        add(building, number, kind, legalForm, floor, staircase, area, rooms, state);
        add(equipment);
        setColspan(equipment, 2);
        add(shareNumerator, shareDenominator, rent, currency, variableSymbol, virtualAccount);
        com.vaadin.flow.component.orderedlayout.HorizontalLayout buttons =
                new com.vaadin.flow.component.orderedlayout.HorizontalLayout(save, cancel);
        add(buttons);
        setColspan(buttons, 2);
        create(null);
    }

    /** Starts a new unit, in the given building when one is named. */
    public void create(Building in) {
        editing = null;
        Draft draft = new Draft();
        draft.building = in;
        binder.setBean(draft);
        building.setReadOnly(false);
    }

    /** Loads a unit for editing; its building cannot change. */
    public void edit(Unit unit, Building of) {
        editing = unit;
        Draft d = new Draft();
        d.building = of;
        d.number = unit.number();
        d.kind = unit.kind();
        d.floor = unit.floor();
        d.staircase = unit.staircase() == null ? "" : unit.staircase();
        d.area = unit.area();
        d.rooms = unit.rooms();
        d.equipment = RegistryText.equipment(unit.equipment());
        d.shareNumerator = unit.share() == null ? null : unit.share().numerator();
        d.shareDenominator = unit.share() == null ? null : unit.share().denominator();
        d.legalForm = unit.legalForm();
        d.state = unit.state();
        d.rent = unit.rent() == null ? null : unit.rent().amount();
        d.currency = unit.rent() == null ? "" : unit.rent().currency();
        d.variableSymbol = unit.variableSymbol() == null ? "" : unit.variableSymbol();
        d.virtualAccount = unit.virtualAccount() == null ? "" : unit.virtualAccount();
        binder.setBean(d);
        building.setReadOnly(true);
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
        fireEvent(new SaveEvent(this, toUnit(binder.getBean())));
        return true;
    }

    /**
     * Shows the service's refusal at the fields.
     *
     * @return errors that no field of this form shows
     */
    public List<FieldError> showErrors(InvalidFieldsException error) {
        Map<String, HasValidation> fields = Map.ofEntries(
                Map.entry("buildingId", building),
                Map.entry("number", number),
                Map.entry("kind", kind),
                Map.entry("floor", floor),
                Map.entry("staircase", staircase),
                Map.entry("area", area),
                Map.entry("rooms", rooms),
                Map.entry("equipment", equipment),
                Map.entry("share", shareDenominator),
                Map.entry("legalForm", legalForm),
                Map.entry("state", state),
                Map.entry("rent", rent),
                Map.entry("variableSymbol", variableSymbol),
                Map.entry("virtualAccount", virtualAccount));
        return FieldErrors.show(error, fields, t);
    }

    private Unit toUnit(Draft d) {
        Money money =
                d.rent == null ? null : new Money(d.rent, d.currency.strip().toUpperCase(Locale.ROOT));
        return new Unit(
                editing == null ? 0 : editing.id(),
                d.building.id(),
                d.number.strip(),
                d.kind,
                d.floor,
                RegistryText.blankToNull(d.staircase),
                d.area,
                d.rooms,
                RegistryText.equipment(d.equipment),
                new Share(d.shareNumerator, d.shareDenominator),
                d.legalForm,
                d.state,
                money,
                RegistryText.blankToNull(d.variableSymbol),
                RegistryText.blankToNull(PaymentIdentifiers.compact(d.virtualAccount)),
                editing == null ? 0 : editing.version());
    }

    private ValidationResult shareAtMostOne(Long denominator, com.vaadin.flow.data.binder.ValueContext context) {
        Long numerator = parseLong(shareNumerator.getValue());
        if (numerator == null || denominator == null || numerator <= denominator) {
            return ValidationResult.ok();
        }
        return ValidationResult.error(t.translate("registry.share.above-one"));
    }

    private ValidationResult currencyMatchesRent(String code, com.vaadin.flow.data.binder.ValueContext context) {
        boolean hasRent = rent.getValue() != null;
        if (code == null || code.isBlank()) {
            return hasRent ? ValidationResult.error(t.translate("validation.required")) : ValidationResult.ok();
        }
        try {
            Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
            return ValidationResult.ok();
        } catch (IllegalArgumentException e) {
            return ValidationResult.error(t.translate("registry.currency.invalid"));
        }
    }

    private static Long parseLong(String text) {
        try {
            return text == null || text.isBlank()
                    ? null
                    : Long.valueOf(text.strip().replaceAll("\\s", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
