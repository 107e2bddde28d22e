package org.domus.tickets.web.internal;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.registry.Building;
import org.domus.core.registry.BuildingFilter;
import org.domus.core.registry.Estate;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.RegistryService;
import org.domus.tickets.Category;
import org.domus.tickets.ContractorCompany;
import org.domus.tickets.ContractorService;
import org.domus.tickets.ContractorWorker;
import org.domus.tickets.TicketConfiguration;
import org.domus.tickets.TicketSource;
import org.domus.tickets.TicketStatus;

/**
 * The filters of the management panel, the statistics and the map: organisation (when the scope has several),
 * estate, building, street, category, trade group, contractor company, worker, statuses, overdue and source;
 * the choices offered are those of the signed-in staff member's scope. Each change calls the view back.
 */
class TicketFilters extends HorizontalLayout {

    private static final long serialVersionUID = 1L;
    private static final int MAX_OPTIONS = 500;

    private final transient Subject subject;
    private final transient RegistryService registry;
    private final transient TicketConfiguration configuration;
    private final transient ContractorService contractors;
    private final transient Runnable changed;
    private final Select<Organisation> organisation = new Select<>();
    private final ComboBox<Estate> estate = new ComboBox<>();
    private final ComboBox<Building> building = new ComboBox<>();
    private final TextField street = new TextField();
    private final ComboBox<Category> category = new ComboBox<>();
    private final ComboBox<String> group = new ComboBox<>();
    private final ComboBox<ContractorCompany> company = new ComboBox<>();
    private final ComboBox<ContractorWorker> worker = new ComboBox<>();
    private final MultiSelectComboBox<TicketStatus> status = new MultiSelectComboBox<>();
    private final Select<Boolean> overdue = new Select<>();
    private final Select<TicketSource> source = new Select<>();
    private final TextField text = new TextField();
    private List<Organisation> organisations = List.of();
    private boolean loading;

    /**
     * @param idPrefix the fields' ids start with it, e.g. {@code tickets-manage-filter}
     * @param changed called after every change of a filter
     */
    TicketFilters(
            String idPrefix,
            Subject subject,
            RegistryService registry,
            TicketConfiguration configuration,
            ContractorService contractors,
            Runnable changed) {
        this.subject = subject;
        this.registry = registry;
        this.configuration = configuration;
        this.contractors = contractors;
        this.changed = changed;
        setAlignItems(FlexComponent.Alignment.BASELINE);
        getStyle().set("flex-wrap", "wrap");

        organisation.setLabel(getTranslation("tickets.manage.filter.organisation"));
        organisation.setItemLabelGenerator(o -> o == null ? getTranslation("tickets.manage.filter.any") : o.name());
        organisation.setEmptySelectionAllowed(true);
        organisation.setEmptySelectionCaption(getTranslation("tickets.manage.filter.any"));
        estate.setLabel(getTranslation("tickets.manage.filter.estate"));
        estate.setItemLabelGenerator(Estate::name);
        estate.setClearButtonVisible(true);
        building.setLabel(getTranslation("tickets.manage.filter.building"));
        building.setItemLabelGenerator(Building::address);
        building.setClearButtonVisible(true);
        street.setLabel(getTranslation("tickets.manage.filter.street"));
        street.setClearButtonVisible(true);
        category.setLabel(getTranslation("tickets.manage.filter.category"));
        category.setItemLabelGenerator(Category::name);
        category.setClearButtonVisible(true);
        group.setLabel(getTranslation("tickets.manage.filter.group"));
        group.setClearButtonVisible(true);
        company.setLabel(getTranslation("tickets.manage.filter.company"));
        company.setItemLabelGenerator(ContractorCompany::name);
        company.setClearButtonVisible(true);
        worker.setLabel(getTranslation("tickets.manage.filter.worker"));
        worker.setItemLabelGenerator(ContractorWorker::name);
        worker.setClearButtonVisible(true);
        status.setLabel(getTranslation("tickets.manage.filter.status"));
        status.setItems(EnumSet.allOf(TicketStatus.class));
        status.setItemLabelGenerator(s -> TicketText.of("tickets.ui.status.", s));
        status.setClearButtonVisible(true);
        overdue.setLabel(getTranslation("tickets.manage.filter.overdue"));
        overdue.setItems(Boolean.TRUE, Boolean.FALSE);
        overdue.setEmptySelectionAllowed(true);
        overdue.setEmptySelectionCaption(getTranslation("tickets.manage.filter.any"));
        overdue.setItemLabelGenerator(b -> b == null
                ? getTranslation("tickets.manage.filter.any")
                : getTranslation(b ? "tickets.manage.filter.overdue.yes" : "tickets.manage.filter.overdue.no"));
        source.setLabel(getTranslation("tickets.manage.filter.source"));
        source.setItems(TicketSource.values());
        source.setEmptySelectionAllowed(true);
        source.setEmptySelectionCaption(getTranslation("tickets.manage.filter.any"));
        source.setItemLabelGenerator(
                s -> s == null ? getTranslation("tickets.manage.filter.any") : TicketText.of("tickets.ui.source.", s));
        text.setLabel(getTranslation("tickets.manage.filter.text"));
        text.setClearButtonVisible(true);

        organisation.setId(idPrefix + "-organisation");
        estate.setId(idPrefix + "-estate");
        building.setId(idPrefix + "-building");
        street.setId(idPrefix + "-street");
        category.setId(idPrefix + "-category");
        group.setId(idPrefix + "-group");
        company.setId(idPrefix + "-company");
        worker.setId(idPrefix + "-worker");
        status.setId(idPrefix + "-status");
        overdue.setId(idPrefix + "-overdue");
        source.setId(idPrefix + "-source");
        text.setId(idPrefix + "-text");

        loadOrganisations();
        organisation.addValueChangeListener(e -> {
            loadChoices();
            fire();
        });
        estate.addValueChangeListener(e -> {
            loadBuildings();
            fire();
        });
        company.addValueChangeListener(e -> {
            loadWorkers();
            fire();
        });
        building.addValueChangeListener(e -> fire());
        street.addValueChangeListener(e -> fire());
        category.addValueChangeListener(e -> fire());
        group.addValueChangeListener(e -> fire());
        worker.addValueChangeListener(e -> fire());
        status.addValueChangeListener(e -> fire());
        overdue.addValueChangeListener(e -> fire());
        source.addValueChangeListener(e -> fire());
        text.addValueChangeListener(e -> fire());

        organisation.setVisible(organisations.size() > 1);
        add(organisation, estate, building, street, category, group, company, worker, status, overdue, source, text);
    }

    /** The filter as chosen now. */
    TicketFilter value() {
        return new TicketFilter(
                organisation.getValue() == null ? null : organisation.getValue().id(),
                estate.getValue() == null ? null : estate.getValue().id(),
                building.getValue() == null ? null : building.getValue().id(),
                street.getValue(),
                category.getValue() == null ? null : category.getValue().id(),
                group.getValue(),
                company.getValue() == null ? null : company.getValue().id(),
                worker.getValue() == null ? null : worker.getValue().id(),
                status.getValue(),
                overdue.getValue(),
                source.getValue(),
                text.getValue());
    }

    /** The country of the chosen organisation, else of the only (or first) one in scope; null when none. */
    String country() {
        if (organisation.getValue() != null) {
            return organisation.getValue().country();
        }
        return organisations.isEmpty() ? null : organisations.get(0).country();
    }

    /** The organisations in the subject's scope. */
    List<Organisation> organisations() {
        return organisations;
    }

    /** The categories offered now (of the chosen organisation, else of all in scope). */
    List<Category> categories() {
        return category.getListDataView().getItems().toList();
    }

    /** The companies offered now. */
    List<ContractorCompany> companies() {
        return company.getListDataView().getItems().toList();
    }

    private void fire() {
        if (!loading) {
            changed.run();
        }
    }

    private void loadOrganisations() {
        try {
            organisations = registry.organisations(subject);
        } catch (DomusException e) {
            organisations = List.of();
        }
        organisation.setItems(organisations);
        loadChoices();
    }

    /** The estates, categories, groups and companies of the chosen organisation, or of all in scope. */
    private void loadChoices() {
        loading = true;
        try {
            Long org = organisation.getValue() == null
                    ? null
                    : organisation.getValue().id();
            List<Long> orgs = org != null
                    ? List.of(org)
                    : organisations.stream().map(Organisation::id).toList();
            List<Estate> estates =
                    new ArrayList<>(registry.estates(subject, 0, MAX_OPTIONS).items());
            if (org != null) {
                estates.removeIf(e -> e.organisationId() != org);
            }
            estates.sort(Comparator.comparing(Estate::name));
            estate.clear();
            estate.setItems(estates);
            List<Category> categories = new ArrayList<>();
            List<ContractorCompany> companies = new ArrayList<>();
            for (long o : orgs) {
                try {
                    categories.addAll(configuration.categories(subject, o));
                    companies.addAll(contractors.companies(subject, o));
                } catch (DomusException outsideScope) {
                    // an organisation the subject sees in the registry but holds no tickets permission in
                }
            }
            categories.sort(Comparator.comparing(Category::name));
            companies.sort(Comparator.comparing(ContractorCompany::name));
            category.clear();
            category.setItems(categories);
            Set<String> groups = new TreeSet<>();
            categories.forEach(c -> groups.add(c.group()));
            group.clear();
            group.setItems(groups);
            company.clear();
            company.setItems(companies);
            loadBuildings();
            loadWorkers();
        } catch (DomusException e) {
            Refusals.show(e);
        } finally {
            loading = false;
        }
    }

    private void loadBuildings() {
        boolean was = loading;
        loading = true;
        try {
            Long est = estate.getValue() == null ? null : estate.getValue().id();
            List<Building> buildings =
                    new ArrayList<>(registry.buildings(subject, new BuildingFilter(est, null), 0, MAX_OPTIONS)
                            .items());
            if (est == null && organisation.getValue() != null) {
                Set<Long> estates = new TreeSet<>();
                estate.getListDataView().getItems().forEach(e -> estates.add(e.id()));
                buildings.removeIf(b -> !estates.contains(b.estateId()));
            }
            buildings.sort(Comparator.comparing(Building::address));
            building.clear();
            building.setItems(buildings);
        } catch (DomusException e) {
            Refusals.show(e);
        } finally {
            loading = was;
        }
    }

    private void loadWorkers() {
        boolean was = loading;
        loading = true;
        try {
            worker.clear();
            if (company.getValue() == null) {
                worker.setItems(List.of());
                worker.setEnabled(false);
                return;
            }
            worker.setItems(contractors.workers(subject, company.getValue().id()));
            worker.setEnabled(true);
        } catch (DomusException e) {
            Refusals.show(e);
        } finally {
            loading = was;
        }
    }
}
