package org.domus.ledger.web.internal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.access.RegistryScope;
import org.domus.core.registry.Building;
import org.domus.core.registry.BuildingFilter;
import org.domus.core.registry.Estate;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.RegistryService;
import org.domus.core.registry.Unit;
import org.domus.core.registry.UnitFilter;
import org.domus.ledger.ChargeBasis;
import org.domus.ledger.ChargeComponent;
import org.domus.ledger.ChargeRate;
import org.domus.ledger.ChargeService;
import org.domus.ledger.Exemption;
import org.domus.ledger.LedgerPermissions;
import org.domus.ledger.RateLevel;
import org.domus.web.DomusUi;

/**
 * Charge setup for accountants: an organisation's charge components (code, name, basis, priority), each
 * component's rates per level with their validity, and its exemptions. Nothing is deleted: a rate or an
 * exemption ends by an end date (the service's rule). The service checks
 * {@link LedgerPermissions#BILLING} on every change and refuses bad input with translated messages.
 */
public class ChargeSetupView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;
    private static final int LIST_LIMIT = 1000;

    private final transient ChargeService charges;
    private final transient RegistryService registry;
    private final transient AccessPolicy policy;
    private final Select<Organisation> organisation = new Select<>();
    private final Grid<ChargeComponent> components = new Grid<>();
    private final Div detail = new Div();
    private final Map<Long, String> unitLabels = new HashMap<>();
    private final Map<Long, Building> buildingsById = new HashMap<>();
    private final Map<Long, Estate> estatesById = new HashMap<>();

    public ChargeSetupView(ChargeService charges, RegistryService registry, AccessPolicy policy) {
        this.charges = charges;
        this.registry = registry;
        this.policy = policy;
        addClassName("domus-page");
        add(new H2(getTranslation("ledger.ui.setup.title")));
        RegistryScope allowed = policy.registryScope(subject(), LedgerPermissions.BILLING);
        List<Organisation> organisations = registry.organisations(subject()).stream()
                .filter(o -> !allowed.isEmpty())
                .toList();
        organisation.setId("ledger-setup-organisation");
        organisation.setLabel(getTranslation("ledger.ui.setup.organisation"));
        organisation.setItems(organisations);
        organisation.setItemLabelGenerator(Organisation::name);
        organisation.addValueChangeListener(e -> loadComponents());
        organisation.setVisible(organisations.size() > 1);
        for (Estate e : registry.estates(subject(), 0, LIST_LIMIT).items()) {
            estatesById.put(e.id(), e);
        }
        for (Building b : registry.buildings(subject(), BuildingFilter.NONE, 0, LIST_LIMIT)
                .items()) {
            buildingsById.put(b.id(), b);
        }

        components.setId("ledger-setup-components");
        components.addColumn(ChargeComponent::code).setHeader(getTranslation("ledger.ui.setup.code"));
        components.addColumn(ChargeComponent::name).setHeader(getTranslation("ledger.ui.setup.name"));
        components
                .addColumn(c -> getTranslation("ledger.ui.basis." + c.basis().name()))
                .setHeader(getTranslation("ledger.ui.setup.basis"));
        components.addColumn(c -> String.valueOf(c.priority())).setHeader(getTranslation("ledger.ui.setup.priority"));
        components
                .addColumn(c -> getTranslation(c.active() ? "ledger.ui.setup.active" : "ledger.ui.setup.inactive"))
                .setHeader(getTranslation("ledger.ui.setup.state"));
        components.setAllRowsVisible(true);
        components.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        components.addSelectionListener(e -> showDetail(e.getFirstSelectedItem().orElse(null)));
        Button add = new Button(getTranslation("ledger.ui.setup.component.add"), e -> openComponent(null));
        add.setId("ledger-setup-component-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        detail.setWidthFull();
        add(organisation, Panels.card(getTranslation("ledger.ui.setup.components"), add, components), detail);
        if (organisations.isEmpty()) {
            add.setEnabled(false);
        } else {
            organisation.setValue(organisations.get(0));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("ledger.ui.setup.title");
    }

    private void loadComponents() {
        detail.removeAll();
        if (organisation.getValue() == null) {
            components.setItems(List.of());
            return;
        }
        try {
            components.setItems(
                    charges.components(subject(), organisation.getValue().id()));
        } catch (DomusException e) {
            Refusals.show(e);
        }
    }

    /** A new component (null) or the name, priority and active flag of an existing one. */
    private void openComponent(ChargeComponent existing) {
        Dialog dialog = new Dialog();
        dialog.setId("ledger-component-dialog");
        dialog.setHeaderTitle(
                getTranslation(existing == null ? "ledger.ui.setup.component.add" : "ledger.ui.setup.component.edit"));
        TextField code = new TextField(getTranslation("ledger.ui.setup.code"));
        code.setId("ledger-component-code");
        code.setMaxLength(32);
        TextField name = new TextField(getTranslation("ledger.ui.setup.name"));
        name.setId("ledger-component-name");
        name.setMaxLength(100);
        Select<ChargeBasis> basis = new Select<>();
        basis.setId("ledger-component-basis");
        basis.setLabel(getTranslation("ledger.ui.setup.basis"));
        basis.setItems(ChargeBasis.values());
        basis.setItemLabelGenerator(b -> getTranslation("ledger.ui.basis." + b.name()));
        TextField provider = new TextField(getTranslation("ledger.ui.setup.provider"));
        provider.setId("ledger-component-provider");
        provider.setVisible(false);
        basis.addValueChangeListener(e -> provider.setVisible(e.getValue() == ChargeBasis.PROVIDED));
        IntegerField priority = new IntegerField(getTranslation("ledger.ui.setup.priority"));
        priority.setId("ledger-component-priority");
        priority.setMin(0);
        priority.setHelperText(getTranslation("ledger.ui.setup.priority.help"));
        Checkbox active = new Checkbox(getTranslation("ledger.ui.setup.active"), true);
        if (existing != null) {
            code.setValue(existing.code());
            code.setReadOnly(true);
            name.setValue(existing.name());
            basis.setValue(existing.basis());
            basis.setReadOnly(true);
            priority.setValue(existing.priority());
            active.setValue(existing.active());
        } else {
            basis.setValue(ChargeBasis.PER_UNIT);
            priority.setValue(10);
            active.setVisible(false);
        }
        Button cancel = new Button(getTranslation("ledger.ui.cancel"), e -> dialog.close());
        Button save = new Button(getTranslation("ledger.ui.save"), e -> {
            if (priority.getValue() == null) {
                priority.setInvalid(true);
                priority.setErrorMessage(getTranslation("validation.required"));
                return;
            }
            try {
                ChargeComponent saved;
                if (existing == null) {
                    saved = charges.createComponent(
                            subject(),
                            new ChargeComponent(
                                    0,
                                    organisation.getValue().id(),
                                    code.getValue().strip(),
                                    name.getValue().strip(),
                                    basis.getValue(),
                                    basis.getValue() == ChargeBasis.PROVIDED
                                            ? provider.getValue().strip()
                                            : null,
                                    priority.getValue(),
                                    true,
                                    0));
                } else {
                    saved = charges.updateComponent(
                            subject(),
                            new ChargeComponent(
                                    existing.id(),
                                    existing.organisationId(),
                                    existing.code(),
                                    name.getValue().strip(),
                                    existing.basis(),
                                    existing.provider(),
                                    priority.getValue(),
                                    active.getValue(),
                                    existing.version()));
                }
                dialog.close();
                DomusUi.showSuccess("ledger.ui.saved");
                loadComponents();
                components.select(saved);
            } catch (DomusException ex) {
                Refusals.show(ex);
            }
        });
        save.setId("ledger-component-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(code, name, basis, provider, priority, active));
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }

    private void showDetail(ChargeComponent component) {
        detail.removeAll();
        if (component == null) {
            return;
        }
        Button edit = new Button(getTranslation("ledger.ui.setup.component.edit"), e -> openComponent(component));
        edit.setId("ledger-setup-component-edit");
        detail.add(new HorizontalLayout(edit), ratesCard(component), exemptionsCard(component));
    }

    private Div ratesCard(ChargeComponent component) {
        Grid<ChargeRate> grid = new Grid<>();
        grid.setId("ledger-setup-rates");
        grid.addColumn(r -> getTranslation("ledger.ui.level." + r.level().name()))
                .setHeader(getTranslation("ledger.ui.setup.level"));
        grid.addColumn(r -> scopeLabel(r.level(), r.scopeId())).setHeader(getTranslation("ledger.ui.setup.where"));
        grid.addColumn(r -> LedgerText.quantity(r.amount(), getLocale()))
                .setHeader(getTranslation(
                        "ledger.ui.setup.rate." + component.basis().name()))
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(r -> LedgerText.date(r.validFrom(), getLocale()))
                .setHeader(getTranslation("ledger.ui.setup.validFrom"));
        grid.addColumn(r -> LedgerText.date(r.validTo(), getLocale()))
                .setHeader(getTranslation("ledger.ui.setup.validTo"));
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        Runnable load = () -> {
            try {
                grid.setItems(charges.rates(subject(), component.id()));
            } catch (DomusException e) {
                Refusals.show(e);
            }
        };
        load.run();

        Select<RateLevel> level = new Select<>();
        level.setId("ledger-rate-level");
        level.setLabel(getTranslation("ledger.ui.setup.level"));
        level.setItems(component.basis() == ChargeBasis.FIXED ? List.of(RateLevel.UNIT) : List.of(RateLevel.values()));
        level.setItemLabelGenerator(l -> getTranslation("ledger.ui.level." + l.name()));
        Select<Long> where = new Select<>();
        where.setId("ledger-rate-where");
        where.setLabel(getTranslation("ledger.ui.setup.where"));
        ComboBox<Unit> unit = unitChooser("ledger-rate-unit");
        level.addValueChangeListener(e -> {
            RateLevel l = e.getValue();
            unit.setVisible(l == RateLevel.UNIT);
            where.setVisible(l != RateLevel.UNIT);
            if (l != null && l != RateLevel.UNIT) {
                List<Long> ids = scopeIds(l);
                where.setItems(ids);
                where.setItemLabelGenerator(id -> scopeLabel(l, id));
                if (!ids.isEmpty()) {
                    where.setValue(ids.get(0));
                }
            }
        });
        level.setValue(component.basis() == ChargeBasis.FIXED ? RateLevel.UNIT : RateLevel.ORGANISATION);
        BigDecimalField amount = new BigDecimalField(
                getTranslation("ledger.ui.setup.rate." + component.basis().name()));
        amount.setId("ledger-rate-amount");
        DatePicker from = new DatePicker(
                getTranslation("ledger.ui.setup.validFrom"), LocalDate.now().withDayOfMonth(1));
        from.setId("ledger-rate-from");
        from.setLocale(getLocale());
        DatePicker to = new DatePicker(getTranslation("ledger.ui.setup.validTo"));
        to.setId("ledger-rate-to");
        to.setLocale(getLocale());
        Button add = new Button(getTranslation("ledger.ui.setup.rate.add"), e -> {
            Long scopeId = level.getValue() == RateLevel.UNIT
                    ? (unit.getValue() == null ? null : unit.getValue().id())
                    : where.getValue();
            if (required(amount.getValue(), amount::setInvalid, amount::setErrorMessage)
                    | required(from.getValue(), from::setInvalid, from::setErrorMessage)
                    | required(scopeId, unit::setInvalid, unit::setErrorMessage)) {
                return;
            }
            try {
                charges.addRate(
                        subject(),
                        new ChargeRate(
                                0,
                                component.id(),
                                level.getValue(),
                                scopeId,
                                amount.getValue(),
                                from.getValue(),
                                to.getValue()));
                DomusUi.showSuccess("ledger.ui.saved");
                amount.clear();
                load.run();
            } catch (DomusException ex) {
                Refusals.show(ex);
            }
        });
        add.setId("ledger-rate-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(level, where, unit, amount, from, to, add);
        form.setAlignItems(Alignment.BASELINE);
        form.getStyle().set("flex-wrap", "wrap");
        Div card = Panels.card(getTranslation("ledger.ui.setup.rates", component.name()), grid, form);
        card.setId("ledger-setup-rates-card");
        return card;
    }

    private Div exemptionsCard(ChargeComponent component) {
        Grid<Exemption> grid = new Grid<>();
        grid.setId("ledger-setup-exemptions");
        grid.addColumn(x -> unitLabel(x.unitId())).setHeader(getTranslation("ledger.ui.setup.unit"));
        grid.addColumn(x -> LedgerText.date(x.validFrom(), getLocale()))
                .setHeader(getTranslation("ledger.ui.setup.validFrom"));
        grid.addColumn(x -> LedgerText.date(x.validTo(), getLocale()))
                .setHeader(getTranslation("ledger.ui.setup.validTo"));
        grid.addColumn(x -> x.reason() == null ? "" : x.reason()).setHeader(getTranslation("ledger.ui.setup.reason"));
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        Runnable load = () -> {
            try {
                grid.setItems(charges.exemptions(subject(), component.id()));
            } catch (DomusException e) {
                Refusals.show(e);
            }
        };
        load.run();
        ComboBox<Unit> unit = unitChooser("ledger-exemption-unit");
        DatePicker from = new DatePicker(
                getTranslation("ledger.ui.setup.validFrom"), LocalDate.now().withDayOfMonth(1));
        from.setLocale(getLocale());
        DatePicker to = new DatePicker(getTranslation("ledger.ui.setup.validTo"));
        to.setLocale(getLocale());
        TextField reason = new TextField(getTranslation("ledger.ui.setup.reason"));
        reason.setMaxLength(200);
        Button add = new Button(getTranslation("ledger.ui.setup.exemption.add"), e -> {
            if (required(unit.getValue(), unit::setInvalid, unit::setErrorMessage)
                    | required(from.getValue(), from::setInvalid, from::setErrorMessage)) {
                return;
            }
            try {
                charges.addExemption(
                        subject(),
                        new Exemption(
                                0,
                                component.id(),
                                unit.getValue().id(),
                                from.getValue(),
                                to.getValue(),
                                reason.getValue().isBlank()
                                        ? null
                                        : reason.getValue().strip()));
                DomusUi.showSuccess("ledger.ui.saved");
                load.run();
            } catch (DomusException ex) {
                Refusals.show(ex);
            }
        });
        add.setId("ledger-exemption-add");
        HorizontalLayout form = new HorizontalLayout(unit, from, to, reason, add);
        form.setAlignItems(Alignment.BASELINE);
        form.getStyle().set("flex-wrap", "wrap");
        return Panels.card(
                getTranslation("ledger.ui.setup.exemptions"),
                new Paragraph(getTranslation("ledger.ui.setup.exemptions.hint")),
                grid,
                form);
    }

    /** Marks a missing value; true when it is missing. */
    private boolean required(
            Object value, java.util.function.Consumer<Boolean> invalid, java.util.function.Consumer<String> message) {
        boolean missing = value == null;
        invalid.accept(missing);
        message.accept(missing ? getTranslation("validation.required") : null);
        return missing;
    }

    /** A unit chooser that searches the registry by unit number within the subject's scope. */
    private ComboBox<Unit> unitChooser(String id) {
        ComboBox<Unit> unit = new ComboBox<>(getTranslation("ledger.ui.setup.unit"));
        unit.setId(id);
        unit.setItemLabelGenerator(u -> unitLabel(u.id()));
        Subject me = subject();
        unit.setItems(query -> {
            String text = query.getFilter().orElse("").strip();
            UnitFilter filter = new UnitFilter(null, null, null, text.isEmpty() ? null : text, null);
            return registry.units(me, filter, query.getOffset(), query.getLimit()).items().stream();
        });
        unit.setVisible(false);
        return unit;
    }

    private List<Long> scopeIds(RateLevel level) {
        long org = organisation.getValue() == null ? 0 : organisation.getValue().id();
        List<Long> ids = new ArrayList<>();
        switch (level) {
            case ORGANISATION -> ids.add(org);
            case ESTATE -> estatesById.values().stream()
                    .filter(e -> e.organisationId() == org)
                    .forEach(e -> ids.add(e.id()));
            case BUILDING -> buildingsById.values().stream()
                    .filter(b -> estatesById.containsKey(b.estateId())
                            && estatesById.get(b.estateId()).organisationId() == org)
                    .forEach(b -> ids.add(b.id()));
            default -> {}
        }
        return ids;
    }

    private String scopeLabel(RateLevel level, long id) {
        return switch (level) {
            case ORGANISATION -> organisation.getValue() != null
                            && organisation.getValue().id() == id
                    ? organisation.getValue().name()
                    : "#" + id;
            case ESTATE -> estatesById.containsKey(id) ? estatesById.get(id).name() : "#" + id;
            case BUILDING -> buildingsById.containsKey(id)
                    ? buildingsById.get(id).address()
                    : "#" + id;
            case UNIT -> unitLabel(id);
        };
    }

    private String unitLabel(long unitId) {
        return unitLabels.computeIfAbsent(unitId, id -> {
            try {
                Unit u = registry.unit(subject(), id);
                Building b = buildingsById.computeIfAbsent(u.buildingId(), x -> registry.building(subject(), x));
                return b.street() + " " + b.number() + " / " + u.number();
            } catch (DomusException e) {
                return "#" + id;
            }
        });
    }

    private static Subject subject() {
        return DomusUi.requireSubject();
    }
}
