package org.domus.ledger.web.internal;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import java.util.HashMap;
import java.util.Map;
import org.domus.core.Subject;
import org.domus.core.registry.Building;
import org.domus.core.registry.RegistryService;
import org.domus.core.registry.Unit;
import org.domus.core.registry.UnitFilter;
import org.domus.ledger.LedgerService;
import org.domus.ledger.UnitBalance;
import org.domus.web.DomusUi;

/**
 * The units whose ledgers the signed-in staff member may read (the registry answers within their scope),
 * with each unit's balance; a row opens the unit's ledger.
 */
public class LedgerUnitsView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;
    private static final int PAGE = 50;

    private final transient RegistryService registry;
    private final transient LedgerService ledger;
    private final Map<Long, Building> buildings = new HashMap<>();

    public LedgerUnitsView(RegistryService registry, LedgerService ledger) {
        this.registry = registry;
        this.ledger = ledger;
        addClassName("domus-page");
        setSizeFull();
        TextField street = new TextField(getTranslation("ledger.ui.units.street"));
        street.setId("ledger-units-street");
        street.setValueChangeMode(ValueChangeMode.LAZY);
        TextField number = new TextField(getTranslation("ledger.ui.units.number"));
        number.setId("ledger-units-number");
        number.setValueChangeMode(ValueChangeMode.LAZY);
        Grid<Unit> grid = new Grid<>();
        grid.setId("ledger-units");
        grid.addColumn(u -> building(u).address()).setHeader(getTranslation("ledger.ui.units.building"));
        grid.addColumn(Unit::number).setHeader(getTranslation("ledger.ui.units.number"));
        grid.addColumn(u -> {
                    UnitBalance b = ledger.balance(subject(), u.id());
                    return LedgerText.money(b.balance(), b.currency(), getLocale());
                })
                .setHeader(getTranslation("ledger.ui.unit.balance.current"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setPageSize(PAGE);
        Subject me = subject();
        Runnable load = () -> {
            UnitFilter filter = new UnitFilter(null, null, blank(street.getValue()), blank(number.getValue()), null);
            grid.setItems(
                    query -> registry.units(me, filter, query.getOffset(), query.getLimit()).items().stream(),
                    query -> (int) registry.countUnits(me, filter));
        };
        street.addValueChangeListener(e -> load.run());
        number.addValueChangeListener(e -> load.run());
        load.run();
        grid.addItemClickListener(e ->
                getUI().ifPresent(ui -> ui.navigate("ledger/unit/" + e.getItem().id())));
        add(
                new H2(getTranslation("ledger.ui.units.title")),
                new com.vaadin.flow.component.orderedlayout.HorizontalLayout(street, number),
                grid);
        expand(grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("ledger.ui.units.title");
    }

    private Building building(Unit unit) {
        return buildings.computeIfAbsent(unit.buildingId(), id -> registry.building(subject(), id));
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Subject subject() {
        return DomusUi.requireSubject();
    }
}
