package org.domus.web.internal.registry;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.RouterLink;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.registry.Building;
import org.domus.core.registry.PersonFilter;
import org.domus.core.registry.RegistryPermissions;
import org.domus.core.registry.RegistryService;
import org.domus.core.registry.Tenure;
import org.domus.core.registry.Unit;
import org.domus.core.registry.UnitChange;
import org.domus.web.DomusUi;

/**
 * One unit's card at {@code registry/unit/<id>}: its data, current holders, the tenure history and the
 * change history; staff who may write edit the unit and add or end tenures here.
 */
public class UnitDetailView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private static final long serialVersionUID = 1L;
    private static final int HISTORY_PAGE = 50;

    private final transient RegistryService registry;
    private final transient AccessPolicy policy;
    private final transient UnitRows names;
    private Unit unit;
    private Building building;
    private boolean mayWrite;

    public UnitDetailView(RegistryService registry, AccessPolicy policy) {
        this.registry = registry;
        this.policy = policy;
        this.names = new UnitRows(registry);
        addClassName("domus-page");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        try {
            load(id);
        } catch (DomusException e) {
            if (!DomusUi.showRefusal(event, e)) {
                removeAll();
                add(new H2(getTranslation("registry.unit.title")), new Paragraph(getTranslation(e.messageKey())));
            }
        }
    }

    private void load(long id) {
        unit = registry.unit(subject(), id);
        building = registry.building(subject(), unit.buildingId());
        mayWrite = policy.locate(null, id)
                .map(location -> policy.registryScope(subject(), RegistryPermissions.WRITE)
                        .covers(location))
                .orElse(false);
        render();
    }

    private void render() {
        removeAll();
        RouterLink back = new RouterLink(getTranslation("registry.units.back"), UnitsView.class);
        H2 title = new H2(getTranslation("registry.unit.heading", unit.number(), building.address()));
        HorizontalLayout actions = new HorizontalLayout();
        if (mayWrite) {
            Button edit = new Button(getTranslation("registry.unit.edit"), e -> openEdit());
            edit.setId("registry-unit-edit");
            edit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button addTenure = new Button(getTranslation("registry.tenure.add"), e -> openAddTenure());
            addTenure.setId("registry-tenure-add");
            actions.add(edit, addTenure);
        }
        Div cards = new Div(dataCard(), holdersCard());
        cards.addClassName("domus-cards");
        add(back, title, actions, cards, tenuresCard(), historyCard());
    }

    private Div dataCard() {
        Div card = Cards.card(getTranslation("registry.unit.data"));
        card.setId("registry-unit-card");
        card.add(
                Cards.field(getTranslation("registry.unit.building"), building.address()),
                Cards.field(getTranslation("registry.unit.number"), unit.number()),
                Cards.field(getTranslation("registry.unit.kind"), getTranslation("registry.kind." + unit.kind())),
                Cards.field(getTranslation("registry.unit.floor"), unit.floor() == null ? "" : "" + unit.floor()),
                Cards.field(
                        getTranslation("registry.unit.staircase"), unit.staircase() == null ? "" : unit.staircase()),
                Cards.field(getTranslation("registry.unit.area"), RegistryText.area(unit.area(), getLocale())),
                Cards.field(getTranslation("registry.unit.rooms"), unit.rooms() == null ? "" : "" + unit.rooms()),
                Cards.field(getTranslation("registry.unit.equipment"), RegistryText.equipment(unit.equipment())),
                Cards.field(getTranslation("registry.unit.share"), RegistryText.share(unit.share(), getLocale())),
                Cards.field(
                        getTranslation("registry.unit.legalForm"),
                        unit.legalForm() == null ? "" : getTranslation("registry.legalForm." + unit.legalForm())),
                Cards.field(getTranslation("registry.unit.state"), getTranslation("registry.state." + unit.state())),
                Cards.field(getTranslation("registry.unit.rent"), RegistryText.money(unit.rent(), getLocale())),
                Cards.field(getTranslation("registry.unit.variableSymbol"), unit.variableSymbol()),
                Cards.field(getTranslation("registry.unit.virtualAccount"), unit.virtualAccount()));
        return card;
    }

    private Div holdersCard() {
        Div card = Cards.card(getTranslation("registry.unit.holders"));
        LocalDate today = LocalDate.now();
        List<Tenure> current = registry.tenuresOfUnit(subject(), unit.id()).stream()
                .filter(t -> t.isCurrent(today))
                .toList();
        if (current.isEmpty()) {
            card.add(new Paragraph(getTranslation("registry.unit.noHolders")));
        }
        for (Tenure t : current) {
            Div row = Cards.field(
                    getTranslation("registry.role." + t.role()),
                    names.name(t.personId()) + (t.share() == null ? "" : " · " + t.share()));
            if (mayWrite) {
                Button end = new Button(getTranslation("registry.tenure.end"), e -> openEndTenure(t));
                end.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
                row.add(end);
            }
            card.add(row);
        }
        return card;
    }

    private Div tenuresCard() {
        Div card = Cards.card(getTranslation("registry.unit.tenures"));
        DateTimeFormatter date =
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        Grid<Tenure> grid = new Grid<>();
        grid.setId("registry-unit-tenures");
        grid.addColumn(t -> names.name(t.personId())).setHeader(getTranslation("registry.tenure.person"));
        grid.addColumn(t -> getTranslation("registry.role." + t.role()))
                .setHeader(getTranslation("registry.tenure.role"));
        grid.addColumn(t -> t.share() == null ? "" : t.share().toString())
                .setHeader(getTranslation("registry.tenure.share"));
        grid.addColumn(t -> date.format(t.validFrom())).setHeader(getTranslation("registry.tenure.validFrom"));
        grid.addColumn(t -> t.validTo() == null ? "" : date.format(t.validTo()))
                .setHeader(getTranslation("registry.tenure.validTo"));
        grid.setItems(registry.tenuresOfUnit(subject(), unit.id()));
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        card.add(grid);
        return card;
    }

    private Div historyCard() {
        Div card = Cards.card(getTranslation("registry.unit.history"));
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        Grid<UnitChange> grid = new Grid<>();
        grid.setId("registry-unit-history");
        grid.addColumn(c -> when.format(c.at())).setHeader(getTranslation("registry.history.when"));
        grid.addColumn(UnitChange::actor).setHeader(getTranslation("registry.history.who"));
        grid.addColumn(UnitChange::field).setHeader(getTranslation("registry.history.field"));
        grid.addColumn(c -> c.before() == null ? "" : c.before()).setHeader(getTranslation("registry.history.before"));
        grid.addColumn(c -> c.after() == null ? "" : c.after()).setHeader(getTranslation("registry.history.after"));
        long unitId = unit.id();
        grid.setItems(
                query -> registry.history(subject(), unitId, query.getOffset(), query.getLimit()).items().stream(),
                query -> (int) registry.history(subject(), unitId, 0, 1).total());
        grid.setPageSize(HISTORY_PAGE);
        grid.setHeight("20em");
        card.add(grid);
        return card;
    }

    private void openEdit() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("registry.unit.edit"));
        UnitForm form = new UnitForm(this::getTranslation);
        form.building.setItems(building);
        form.edit(unit, building);
        form.addCancelListener(e -> dialog.close());
        form.addSaveListener(e -> {
            try {
                registry.updateUnit(subject(), e.unit());
                dialog.close();
                DomusUi.showSuccess("registry.saved");
                load(unit.id());
            } catch (DomusException ex) {
                Feedback.refused(ex, form::showErrors);
            }
        });
        dialog.add(form);
        dialog.setWidth("min(720px, 95vw)");
        dialog.open();
    }

    private void openAddTenure() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("registry.tenure.add"));
        TenureForm form = new TenureForm(this::getTranslation);
        form.person.setItems(query -> registry
                .persons(
                        subject(),
                        new PersonFilter(
                                query.getFilter().map(RegistryText::blankToNull).orElse(null), null),
                        query.getOffset(),
                        query.getLimit())
                .items()
                .stream());
        form.create(unit.id());
        form.addCancelListener(e -> dialog.close());
        form.addSaveListener(e -> {
            try {
                registry.createTenure(subject(), e.tenure());
                dialog.close();
                DomusUi.showSuccess("registry.saved");
                load(unit.id());
            } catch (DomusException ex) {
                Feedback.refused(ex, form::showErrors);
            }
        });
        dialog.add(form);
        dialog.setWidth("min(640px, 95vw)");
        dialog.open();
    }

    private void openEndTenure(Tenure tenure) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("registry.tenure.end.title", names.name(tenure.personId())));
        DatePicker lastDay = new DatePicker(getTranslation("registry.tenure.end.lastDay"), LocalDate.now());
        lastDay.setMin(tenure.validFrom());
        lastDay.setLocale(getLocale());
        confirm.setText(lastDay);
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("registry.tenure.end"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            try {
                registry.endTenure(subject(), tenure.id(), lastDay.getValue(), tenure.version());
                DomusUi.showSuccess("registry.saved");
            } catch (DomusException ex) {
                DomusUi.showError(ex);
            }
            load(unit.id());
        });
        confirm.open();
    }

    @Override
    public String getPageTitle() {
        return (unit == null
                        ? getTranslation("registry.unit.title")
                        : getTranslation("registry.unit.title") + " " + unit.number())
                + " · Domus";
    }

    /**
     * The signed-in subject as of this request, never one kept from when the view was opened: a grant taken
     * away meanwhile must not keep working here.
     */
    private static Subject subject() {
        return DomusUi.requireSubject();
    }
}
