package org.domus.web.internal.registry;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.RouterLink;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Map;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.privacy.PersonalDataService;
import org.domus.core.registry.Address;
import org.domus.core.registry.Person;
import org.domus.core.registry.RegistryPermissions;
import org.domus.core.registry.RegistryService;
import org.domus.core.registry.Tenure;
import org.domus.core.registry.Unit;
import org.domus.web.DomusUi;
import org.domus.web.internal.privacy.PersonPrivacyPanel;

/** One person at {@code registry/person/<id>}: data, every tenure (current and former), edit. */
public class PersonDetailView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private final transient RegistryService registry;
    private final transient AccessPolicy policy;
    private final transient PersonalDataService privacy;
    private Person person;

    public PersonDetailView(RegistryService registry, AccessPolicy policy, PersonalDataService privacy) {
        this.registry = registry;
        this.policy = policy;
        this.privacy = privacy;
        addClassName("domus-page");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        try {
            person = registry.person(subject(), id);
            render();
        } catch (DomusException e) {
            if (!DomusUi.showRefusal(event, e)) {
                removeAll();
                add(new H2(getTranslation("registry.person.title")), new Paragraph(getTranslation(e.messageKey())));
            }
        }
    }

    private void render() {
        removeAll();
        add(new RouterLink(getTranslation("registry.persons.back"), PersonsView.class), new H2(person.displayName()));
        if (policy.isGranted(subject(), RegistryPermissions.WRITE)) {
            Button edit = new Button(getTranslation("registry.person.edit"), e -> openEdit());
            edit.setId("registry-person-edit");
            edit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(edit);
        }
        Div card = Cards.card(getTranslation("registry.person.data"));
        Address a = person.address();
        card.add(
                Cards.field(
                        getTranslation("registry.person.kind"), getTranslation("registry.personKind." + person.kind())),
                Cards.field(getTranslation("registry.person.registrationNumber"), person.registrationNumber()),
                Cards.field(getTranslation("registry.person.email"), person.email()),
                Cards.field(getTranslation("registry.person.phone"), person.phone()),
                Cards.field(
                        getTranslation("registry.person.address"),
                        a == null
                                ? ""
                                : RegistryText.names(java.util.Arrays.asList(
                                        a.street(),
                                        (a.postcode() == null ? "" : a.postcode() + " ") + a.city(),
                                        a.country()))),
                Cards.field(getTranslation("registry.person.bankAccount"), person.bankAccount()));
        add(card);

        Div tenures = Cards.card(getTranslation("registry.person.tenures"));
        DateTimeFormatter date =
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        Map<Long, String> units = new HashMap<>();
        Grid<Tenure> grid = new Grid<>();
        grid.setId("registry-person-tenures");
        grid.addColumn(t -> units.computeIfAbsent(t.unitId(), this::unitLabel))
                .setHeader(getTranslation("registry.tenure.unit"))
                .setFlexGrow(2);
        grid.addColumn(t -> getTranslation("registry.role." + t.role()))
                .setHeader(getTranslation("registry.tenure.role"));
        grid.addColumn(t -> t.share() == null ? "" : t.share().toString())
                .setHeader(getTranslation("registry.tenure.share"));
        grid.addColumn(t -> date.format(t.validFrom())).setHeader(getTranslation("registry.tenure.validFrom"));
        grid.addColumn(t -> t.validTo() == null ? "" : date.format(t.validTo()))
                .setHeader(getTranslation("registry.tenure.validTo"));
        grid.setItems(registry.tenuresOfPerson(subject(), person.id()));
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addItemClickListener(
                e -> UI.getCurrent().navigate(UnitDetailView.class, e.getItem().unitId()));
        tenures.add(grid);
        add(tenures);
        // Export and erasure for a request made at the office (administrators only).
        add(new PersonPrivacyPanel(person.id(), subject(), privacy, policy, getLocale(), this::getTranslation, () -> {
            person = registry.person(subject(), person.id());
            render();
        }));
    }

    private String unitLabel(long unitId) {
        try {
            Unit unit = registry.unit(subject(), unitId);
            return getTranslation(
                    "registry.unit.heading",
                    unit.number(),
                    registry.building(subject(), unit.buildingId()).address());
        } catch (DomusException e) {
            // Building-scoped staff see a person's other units only as "a unit outside your part".
            return getTranslation("registry.unit.outOfScope");
        }
    }

    private void openEdit() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("registry.person.edit"));
        PersonForm form = new PersonForm(this::getTranslation, false);
        form.edit(person);
        form.addCancelListener(e -> dialog.close());
        form.addSaveListener(e -> {
            try {
                person = registry.updatePerson(subject(), e.person());
                dialog.close();
                DomusUi.showSuccess("registry.saved");
                render();
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
        return (person == null ? getTranslation("registry.person.title") : person.displayName()) + " · Domus";
    }

    /**
     * The signed-in subject as of this request, never one kept from when the view was opened: a grant taken
     * away meanwhile must not keep working here.
     */
    private static Subject subject() {
        return DomusUi.requireSubject();
    }
}
