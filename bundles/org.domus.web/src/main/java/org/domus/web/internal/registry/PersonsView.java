package org.domus.web.internal.registry;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import java.util.List;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Person;
import org.domus.core.registry.PersonFilter;
import org.domus.core.registry.RegistryPermissions;
import org.domus.core.registry.RegistryService;
import org.domus.web.DomusUi;

/** Persons in the staff member's scope, lazily loaded and filtered by name; a click opens the person. */
public class PersonsView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private final transient RegistryService registry;
    final TextField name = new TextField();
    final Grid<Person> grid = new Grid<>();

    public PersonsView(RegistryService registry, AccessPolicy policy) {
        this.registry = registry;
        addClassName("domus-page");
        setSizeFull();
        HorizontalLayout header = new HorizontalLayout(new H2(getTranslation("registry.persons.title")));
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (policy.isGranted(subject(), RegistryPermissions.WRITE)) {
            Button create = new Button(getTranslation("registry.person.new"), e -> openCreate());
            create.setId("registry-person-new");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            header.add(create);
        }
        name.setLabel(getTranslation("registry.filter.person"));
        name.setId("registry-filter-name");
        name.setClearButtonVisible(true);
        name.setValueChangeMode(ValueChangeMode.LAZY);
        name.setValueChangeTimeout(400);
        name.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        grid.setId("registry-persons");
        grid.addColumn(Person::displayName)
                .setHeader(getTranslation("registry.person.name"))
                .setFlexGrow(2);
        grid.addColumn(p -> getTranslation("registry.personKind." + p.kind()))
                .setHeader(getTranslation("registry.person.kind"));
        grid.addColumn(p -> p.email() == null ? "" : p.email()).setHeader(getTranslation("registry.person.email"));
        grid.addColumn(p -> p.phone() == null ? "" : p.phone()).setHeader(getTranslation("registry.person.phone"));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setPageSize(50);
        grid.setSizeFull();
        grid.setItems(
                query -> registry.persons(subject(), filter(), query.getOffset(), query.getLimit()).items().stream(),
                query -> (int) Math.min(
                        Integer.MAX_VALUE,
                        registry.persons(subject(), filter(), 0, 1).total()));
        grid.addItemClickListener(e ->
                UI.getCurrent().navigate(PersonDetailView.class, e.getItem().id()));
        add(header, name, grid);
    }

    PersonFilter filter() {
        return new PersonFilter(RegistryText.blankToNull(name.getValue()), null);
    }

    private void openCreate() {
        List<Organisation> organisations = registry.organisations(subject());
        if (organisations.isEmpty()) {
            DomusUi.showError(new DomusException(DomusException.Kind.NOT_FOUND, "registry.organisation.not-found"));
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("registry.person.new"));
        PersonForm form = new PersonForm(this::getTranslation, false);
        // Staff work for one cooperative; several organisations are an ADMIN's multi-tenant case.
        form.create(organisations.get(0).id());
        form.addCancelListener(e -> dialog.close());
        form.addSaveListener(e -> {
            try {
                Person created = registry.createPerson(subject(), e.person());
                dialog.close();
                DomusUi.showSuccess("registry.saved");
                UI.getCurrent().navigate(PersonDetailView.class, created.id());
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
        return getTranslation("registry.persons.title") + " · Domus";
    }

    /**
     * The signed-in subject as of this request, never one kept from when the view was opened: a grant taken
     * away meanwhile must not keep working here.
     */
    private static Subject subject() {
        return DomusUi.requireSubject();
    }
}
