package org.domus.communications.web.internal.announce;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.access.ScopeType;
import org.domus.core.audience.Audience;
import org.domus.core.audience.AudienceTarget;
import org.domus.core.audience.AudienceTarget.Kind;
import org.domus.core.registry.Building;
import org.domus.core.registry.BuildingFilter;
import org.domus.core.registry.Estate;
import org.domus.core.registry.RegistryService;
import org.domus.core.registry.Unit;
import org.domus.core.registry.UnitFilter;
import org.domus.web.DomusUi;

/**
 * Chooses who an announcement is for: the organisation, estates, buildings, staircases of a building or units (a
 * searchable list of a building's units). Only what the registry shows the signed-in staff member is offered;
 * the service checks the scope again on saving.
 */
class TargetPicker extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final transient RegistryService registry;
    private final transient AccessPolicy policy;
    private final transient Audience audience;
    private final Subject subject;
    private final TargetLabels labels;
    private final Set<AudienceTarget> chosen = new LinkedHashSet<>();
    private final List<Runnable> changeListeners = new ArrayList<>();
    private long organisationId;

    final Select<Kind> kind = new Select<>();
    final ComboBox<Estate> estate = new ComboBox<>();
    final ComboBox<Building> building = new ComboBox<>();
    final ComboBox<String> staircase = new ComboBox<>();
    final ComboBox<Unit> unit = new ComboBox<>();
    final Button add = new Button();
    private final Div list = new Div();

    TargetPicker(
            RegistryService registry, AccessPolicy policy, Audience audience, Subject subject, TargetLabels labels) {
        this.registry = registry;
        this.policy = policy;
        this.audience = audience;
        this.subject = subject;
        this.labels = labels;
        setPadding(false);
        kind.setId("communications-target-kind");
        kind.setLabel(getTranslation("communications.announcements.ui.target.kind"));
        kind.setItems(Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation("communications.announcements.ui.target." + k.name()));
        kind.addValueChangeListener(e -> showFields());
        estate.setId("communications-target-estate");
        estate.setLabel(getTranslation("communications.announcements.ui.target.ESTATE"));
        estate.setItemLabelGenerator(Estate::name);
        building.setId("communications-target-building");
        building.setLabel(getTranslation("communications.announcements.ui.target.BUILDING"));
        building.setItemLabelGenerator(Building::address);
        building.addValueChangeListener(e -> buildingChosen());
        staircase.setId("communications-target-staircase");
        staircase.setLabel(getTranslation("communications.announcements.ui.target.STAIRCASE"));
        unit.setId("communications-target-unit");
        unit.setLabel(getTranslation("communications.announcements.ui.target.UNIT"));
        unit.setItemLabelGenerator(Unit::number);
        add.setText(getTranslation("communications.announcements.ui.target.add"));
        add.setIcon(VaadinIcon.PLUS.create());
        add.setId("communications-target-add");
        add.addClickListener(e -> addChosen());
        list.setId("communications-targets");
        HorizontalLayout row = new HorizontalLayout(kind, estate, building, staircase, unit, add);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("flex-wrap", "wrap");
        add(row, list);
        showFields();
    }

    void addChangeListener(Runnable listener) {
        changeListeners.add(listener);
    }

    /** The organisation whose parts are offered; the chosen targets are kept only when it stays the same. */
    void organisation(long id) {
        if (id != organisationId) {
            chosen.clear();
            renderList();
        }
        organisationId = id;
        try {
            estate.setItems(registry.estates(subject, 0, 1000).items().stream()
                    .filter(e -> e.organisationId() == id)
                    .toList());
            building.setItems(registry.buildings(subject, BuildingFilter.NONE, 0, 1000).items().stream()
                    .filter(b -> policy.locate(ScopeType.BUILDING, b.id())
                            .map(l -> l.organisationId() == id)
                            .orElse(false))
                    .toList());
        } catch (DomusException e) {
            DomusUi.showError(e);
        }
    }

    List<AudienceTarget> value() {
        return List.copyOf(chosen);
    }

    void setValue(List<AudienceTarget> targets) {
        chosen.clear();
        chosen.addAll(targets);
        renderList();
    }

    private void showFields() {
        Kind k = kind.getValue();
        estate.setVisible(k == Kind.ESTATE);
        building.setVisible(k == Kind.BUILDING || k == Kind.STAIRCASE || k == Kind.UNIT);
        staircase.setVisible(k == Kind.STAIRCASE);
        unit.setVisible(k == Kind.UNIT);
        add.setEnabled(k != null);
    }

    private void buildingChosen() {
        Building b = building.getValue();
        staircase.clear();
        unit.clear();
        if (b == null) {
            staircase.setItems(List.of());
            unit.setItems(List.of());
            return;
        }
        staircase.setItems(audience.staircases(b.id()));
        try {
            unit.setItems(registry.units(subject, new UnitFilter(null, b.id(), null, null, null), 0, 2000)
                    .items());
        } catch (DomusException e) {
            DomusUi.showError(e);
        }
    }

    private void addChosen() {
        Kind k = kind.getValue();
        if (k == null) {
            return;
        }
        AudienceTarget t;
        String name;
        String kindName = getTranslation("communications.announcements.ui.target." + k.name());
        switch (k) {
            case ORGANISATION -> {
                t = AudienceTarget.of(k, organisationId);
                name = null;
            }
            case ESTATE -> {
                if (estate.getValue() == null) {
                    return;
                }
                t = AudienceTarget.of(k, estate.getValue().id());
                name = kindName + " " + estate.getValue().name();
            }
            case BUILDING -> {
                if (building.getValue() == null) {
                    return;
                }
                t = AudienceTarget.of(k, building.getValue().id());
                name = kindName + " " + building.getValue().address();
            }
            case STAIRCASE -> {
                if (building.getValue() == null || staircase.getValue() == null) {
                    return;
                }
                t = AudienceTarget.staircase(building.getValue().id(), staircase.getValue());
                name = kindName + " " + building.getValue().address() + ", " + staircase.getValue();
            }
            case UNIT -> {
                if (building.getValue() == null || unit.getValue() == null) {
                    return;
                }
                t = AudienceTarget.of(k, unit.getValue().id());
                name = kindName + " " + building.getValue().street() + " "
                        + building.getValue().number() + " / " + unit.getValue().number();
            }
            default -> throw new IllegalStateException(k.name());
        }
        if (name != null) {
            labels.remember(t, name);
        }
        chosen.add(t);
        renderList();
        changeListeners.forEach(Runnable::run);
    }

    private void renderList() {
        list.removeAll();
        for (AudienceTarget t : chosen) {
            Span label = new Span(labels.label(t));
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                chosen.remove(t);
                renderList();
                changeListeners.forEach(Runnable::run);
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
            remove.getElement()
                    .setAttribute("aria-label", getTranslation("communications.announcements.ui.target.remove"));
            Span chip = new Span(label, remove);
            chip.getElement().getThemeList().add("badge contrast pill");
            chip.getStyle().set("margin", "0 var(--lumo-space-xs) var(--lumo-space-xs) 0");
            chip.addClassName("communications-target");
            list.add(chip);
        }
        if (chosen.isEmpty()) {
            list.add(new Span(getTranslation("communications.announcements.ui.target.none")));
        }
    }

    boolean contains(AudienceTarget t) {
        return chosen.stream().anyMatch(c -> Objects.equals(c, t));
    }
}
