package org.domus.communications.web.internal.directory;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import org.domus.communications.ContactScope;
import org.domus.core.access.ScopeType;
import org.domus.core.registry.Building;
import org.domus.core.registry.Estate;

/**
 * Picks what a directory entry serves: the organisation as a whole, one of its estates or one of its buildings
 * (those the signed-in staff can see).
 */
final class ScopePicker extends HorizontalLayout {

    private static final long serialVersionUID = 1L;

    private final long organisationId;
    private final Select<ScopeType> type = new Select<>();
    private final ComboBox<Estate> estate = new ComboBox<>();
    private final ComboBox<Building> building = new ComboBox<>();

    ScopePicker(long organisationId, List<Estate> estates, List<Building> buildings, Translator t) {
        this.organisationId = organisationId;
        setId("communications-directory-scope");
        type.setId("communications-directory-scope-type");
        type.setLabel(t.translate("communications.directory.scope"));
        type.setItems(ScopeType.values());
        type.setItemLabelGenerator(s -> t.translate("communications.directory.scope." + s.name()));
        estate.setId("communications-directory-scope-estate");
        estate.setLabel(t.translate("communications.directory.scope.ESTATE"));
        estate.setItems(estates);
        estate.setItemLabelGenerator(Estate::name);
        building.setId("communications-directory-scope-building");
        building.setLabel(t.translate("communications.directory.scope.BUILDING"));
        building.setItems(buildings);
        building.setItemLabelGenerator(Building::address);
        building.setWidth("22em");
        type.addValueChangeListener(e -> {
            estate.setVisible(e.getValue() == ScopeType.ESTATE);
            building.setVisible(e.getValue() == ScopeType.BUILDING);
        });
        type.setValue(ScopeType.ORGANISATION);
        setAlignItems(Alignment.BASELINE);
        add(type, estate, building);
    }

    void setValue(ContactScope scope) {
        type.setValue(scope.type());
        switch (scope.type()) {
            case ESTATE -> estate.getListDataView()
                    .getItems()
                    .filter(e -> e.id() == scope.id())
                    .findFirst()
                    .ifPresent(estate::setValue);
            case BUILDING -> building.getListDataView()
                    .getItems()
                    .filter(b -> b.id() == scope.id())
                    .findFirst()
                    .ifPresent(building::setValue);
            default -> {}
        }
    }

    /** The chosen scope, or null when an estate or building is still to be chosen. */
    ContactScope getValue() {
        return switch (type.getValue()) {
            case ORGANISATION -> ContactScope.organisation(organisationId);
            case ESTATE -> estate.getValue() == null
                    ? null
                    : ContactScope.estate(estate.getValue().id());
            case BUILDING -> building.getValue() == null
                    ? null
                    : ContactScope.building(building.getValue().id());
        };
    }
}
