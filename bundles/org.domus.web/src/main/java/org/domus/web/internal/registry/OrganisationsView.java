package org.domus.web.internal.registry;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.RegistryPermissions;
import org.domus.core.registry.RegistryService;
import org.domus.web.DomusUi;

/**
 * The organisations the staff member works in with their bank details; administrators (whose registry write
 * scope is everything, as organisations are outside every narrower scope) change them in a dialog.
 */
public class OrganisationsView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private final transient RegistryService registry;
    final Grid<Organisation> grid = new Grid<>();

    public OrganisationsView(RegistryService registry, AccessPolicy policy) {
        this.registry = registry;
        addClassName("domus-page");
        setSizeFull();
        grid.setId("registry-organisations");
        grid.addColumn(Organisation::name)
                .setHeader(getTranslation("registry.organisation.name"))
                .setFlexGrow(2);
        grid.addColumn(Organisation::country).setHeader(getTranslation("registry.address.country"));
        grid.addColumn(Organisation::currency).setHeader(getTranslation("registry.organisation.currency"));
        grid.addColumn(o -> orEmpty(o.taxId())).setHeader(getTranslation("registry.organisation.taxId"));
        grid.addColumn(o -> orEmpty(o.iban()))
                .setHeader(getTranslation("registry.organisation.iban"))
                .setFlexGrow(2);
        grid.addColumn(o -> orEmpty(o.bic())).setHeader(getTranslation("registry.organisation.bic"));
        if (policy.registryScope(subject(), RegistryPermissions.WRITE).all()) {
            grid.addComponentColumn(o -> {
                        Button edit = new Button(getTranslation("registry.organisation.edit"), e -> openEdit(o));
                        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                        edit.setId("registry-organisation-edit-" + o.id());
                        return edit;
                    })
                    .setAutoWidth(true)
                    .setFlexGrow(0);
        }
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        refresh();
        add(new H2(getTranslation("registry.organisations.title")), grid);
    }

    private void refresh() {
        grid.setItems(registry.organisations(subject()));
    }

    private void openEdit(Organisation organisation) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(organisation.name());
        OrganisationForm form = new OrganisationForm(this::getTranslation);
        // Read it again: the row may be older than someone else's change, and the version must be current.
        form.edit(registry.organisation(subject(), organisation.id()));
        form.addCancelListener(e -> dialog.close());
        form.addSaveListener(e -> {
            try {
                registry.updateOrganisation(subject(), e.organisation());
                dialog.close();
                DomusUi.showSuccess("registry.saved");
                refresh();
            } catch (DomusException ex) {
                Feedback.refused(ex, form::showErrors);
            }
        });
        dialog.add(form);
        dialog.setWidth("min(720px, 95vw)");
        dialog.open();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("registry.organisations.title") + " · Domus";
    }

    /** The signed-in subject as of this request (a grant taken away meanwhile must not keep working). */
    private static Subject subject() {
        return DomusUi.requireSubject();
    }
}
