package org.domus.web.internal.registry;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.registry.Building;
import org.domus.core.registry.BuildingFilter;
import org.domus.core.registry.Estate;
import org.domus.core.registry.RegistryPermissions;
import org.domus.core.registry.RegistryService;
import org.domus.core.registry.Unit;
import org.domus.core.registry.UnitFilter;
import org.domus.core.registry.UnitSort;
import org.domus.web.DomusUi;

/**
 * Units in the signed-in staff member's scope: a filter bar and a lazily loaded grid (one page of units
 * and its count per scroll step, never the whole list). A click opens the unit's card.
 */
public class UnitsView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;
    private static final int DEBOUNCE_MILLIS = 400;

    private final transient RegistryService registry;
    private final transient UnitRows rows;
    final ComboBox<Estate> estate = new ComboBox<>();
    final ComboBox<Building> building = new ComboBox<>();
    final TextField street = new TextField();
    final TextField number = new TextField();
    final TextField person = new TextField();
    final Grid<UnitRows.Row> grid = new Grid<>();

    public UnitsView(RegistryService registry, AccessPolicy policy) {
        this.registry = registry;
        this.rows = new UnitRows(registry);
        addClassName("domus-page");
        setSizeFull();

        H2 title = new H2(getTranslation("registry.units.title"));
        HorizontalLayout header = new HorizontalLayout(title);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (policy.isGranted(subject(), RegistryPermissions.WRITE)) {
            Button create = new Button(getTranslation("registry.unit.new"), e -> openCreate());
            create.setId("registry-unit-new");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            header.add(create);
        }
        add(header, filterBar(), grid());
    }

    private HorizontalLayout filterBar() {
        estate.setLabel(getTranslation("registry.filter.estate"));
        estate.setId("registry-filter-estate");
        estate.setClearButtonVisible(true);
        estate.setItemLabelGenerator(Estate::name);
        estate.setItems(query -> registry.estates(subject(), query.getOffset(), query.getLimit()).items().stream());
        estate.addValueChangeListener(e -> {
            building.clear();
            refresh();
        });

        building.setLabel(getTranslation("registry.filter.building"));
        building.setId("registry-filter-building");
        building.setClearButtonVisible(true);
        building.setItemLabelGenerator(Building::address);
        building.setItems(query -> registry
                .buildings(
                        subject(),
                        new BuildingFilter(
                                estate.getValue() == null
                                        ? null
                                        : estate.getValue().id(),
                                query.getFilter().map(RegistryText::blankToNull).orElse(null)),
                        query.getOffset(),
                        query.getLimit())
                .items()
                .stream());
        building.addValueChangeListener(e -> refresh());

        text(street, "registry.filter.street", "registry-filter-street");
        text(number, "registry.filter.number", "registry-filter-number");
        text(person, "registry.filter.person", "registry-filter-person");
        HorizontalLayout bar = new HorizontalLayout(estate, building, street, number, person);
        bar.setWidthFull();
        bar.getStyle().set("flex-wrap", "wrap");
        return bar;
    }

    private void text(TextField field, String labelKey, String id) {
        field.setLabel(getTranslation(labelKey));
        field.setId(id);
        field.setClearButtonVisible(true);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.setValueChangeTimeout(DEBOUNCE_MILLIS);
        field.addValueChangeListener(e -> refresh());
    }

    private Grid<UnitRows.Row> grid() {
        grid.setId("registry-units");
        grid.addColumn(r -> r.building() == null ? "" : r.building().address())
                .setHeader(getTranslation("registry.unit.building"))
                .setSortProperty("address")
                .setAutoWidth(true)
                .setFlexGrow(2);
        grid.addColumn(r -> r.unit().number())
                .setHeader(getTranslation("registry.unit.number"))
                .setSortProperty("number");
        grid.addColumn(r -> getTranslation("registry.kind." + r.unit().kind().name()))
                .setHeader(getTranslation("registry.unit.kind"))
                .setSortProperty("kind");
        grid.addColumn(r -> r.unit().floor() == null ? "" : r.unit().floor().toString())
                .setHeader(getTranslation("registry.unit.floor"))
                .setSortProperty("floor");
        grid.addColumn(r -> RegistryText.area(r.unit().area(), getLocale()))
                .setHeader(getTranslation("registry.unit.area"))
                .setSortProperty("area")
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        grid.addColumn(r -> r.unit().share() == null ? "" : r.unit().share().toString())
                .setHeader(getTranslation("registry.unit.share"));
        grid.addColumn(UnitRows.Row::holders)
                .setHeader(getTranslation("registry.unit.holders"))
                .setFlexGrow(2);
        grid.addColumn(r -> getTranslation("registry.state." + r.unit().state().name()))
                .setHeader(getTranslation("registry.unit.state"))
                .setSortProperty("state");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setPageSize(50);
        grid.setSizeFull();
        grid.setMultiSort(false);
        grid.setItems(
                query -> fetch(UnitsView.sort(query.getSortOrders()), query.getOffset(), query.getLimit()),
                query -> (int) Math.min(Integer.MAX_VALUE, registry.countUnits(subject(), filter())));
        grid.addItemClickListener(e -> UI.getCurrent()
                .navigate(UnitDetailView.class, e.getItem().unit().id()));
        return grid;
    }

    /** The grid's first sort order as the registry's; the columns' sort properties are the keys' names. */
    static UnitSort sort(List<QuerySortOrder> orders) {
        if (orders.isEmpty()) {
            return UnitSort.ADDRESS;
        }
        QuerySortOrder first = orders.get(0);
        return new UnitSort(
                UnitSort.Key.valueOf(first.getSorted().toUpperCase(Locale.ROOT)),
                first.getDirection() == SortDirection.DESCENDING);
    }

    private Stream<UnitRows.Row> fetch(UnitSort sort, int offset, int limit) {
        List<Unit> units =
                registry.units(subject(), filter(), sort, offset, limit).items();
        return rows.rows(units).stream();
    }

    UnitFilter filter() {
        return UnitQuery.filter(
                estate.getValue(), building.getValue(), street.getValue(), number.getValue(), person.getValue());
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private void openCreate() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("registry.unit.new"));
        UnitForm form = new UnitForm(this::getTranslation);
        form.building.setItems(query -> registry
                .buildings(
                        subject(),
                        new BuildingFilter(
                                null,
                                query.getFilter().map(RegistryText::blankToNull).orElse(null)),
                        query.getOffset(),
                        query.getLimit())
                .items()
                .stream());
        form.create(building.getValue());
        form.addCancelListener(e -> dialog.close());
        form.addSaveListener(e -> {
            try {
                Unit created = registry.createUnit(subject(), e.unit());
                dialog.close();
                DomusUi.showSuccess("registry.saved");
                UI.getCurrent().navigate(UnitDetailView.class, created.id());
            } catch (DomusException ex) {
                Feedback.refused(ex, form::showErrors);
            }
        });
        dialog.add(form);
        dialog.setWidth("min(720px, 95vw)");
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("registry.units.title") + " · Domus";
    }

    /**
     * The signed-in subject as of this request, never one kept from when the view was opened: a grant taken
     * away meanwhile must not keep working here.
     */
    private static Subject subject() {
        return DomusUi.requireSubject();
    }
}
