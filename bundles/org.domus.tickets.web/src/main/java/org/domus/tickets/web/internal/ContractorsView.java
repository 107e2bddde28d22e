package org.domus.tickets.web.internal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.account.Account;
import org.domus.core.account.AccountService;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.RegistryService;
import org.domus.tickets.Category;
import org.domus.tickets.ContractorCompany;
import org.domus.tickets.ContractorService;
import org.domus.tickets.ContractorWorker;
import org.domus.tickets.TicketConfiguration;
import org.domus.web.DomusUi;

/**
 * The contractor companies of an organisation and their workers, for staff who keep them
 * ({@link org.domus.tickets.TicketsPermissions#CONTRACTORS}): a company's name, registration number, contacts,
 * trade groups and whether it takes new work; a worker's contacts, groups, the user account the worker signs in
 * with (entered by login) and whether the worker shares a position for the map.
 */
public class ContractorsView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private final transient ContractorService contractors;
    private final transient TicketConfiguration configuration;
    private final transient AccountService accounts;
    private final transient Subject subject;
    private final Select<Organisation> organisation = new Select<>();
    private final Grid<ContractorCompany> companies = new Grid<>();
    private final Grid<ContractorWorker> workers = new Grid<>();
    private final Div companyForm = new Div();
    private final Div workerForm = new Div();
    private Set<String> groups = Set.of();

    public ContractorsView(
            ContractorService contractors,
            TicketConfiguration configuration,
            AccountService accounts,
            RegistryService registry) {
        this.contractors = contractors;
        this.configuration = configuration;
        this.accounts = accounts;
        this.subject = DomusUi.requireSubject();
        addClassName("domus-page");
        organisation.setId("tickets-admin-organisation");
        organisation.setLabel(getTranslation("tickets.manage.filter.organisation"));
        organisation.setItemLabelGenerator(Organisation::name);
        List<Organisation> organisations = registry.organisations(subject);
        organisation.setItems(organisations);
        organisation.setVisible(organisations.size() > 1);

        companies.setId("tickets-admin-companies");
        companies
                .addColumn(ContractorCompany::name)
                .setHeader(getTranslation("tickets.admin.company.name"))
                .setFlexGrow(2);
        companies
                .addColumn(ContractorCompany::registrationNumber)
                .setHeader(getTranslation("tickets.admin.company.registration"));
        companies.addColumn(ContractorCompany::phone).setHeader(getTranslation("tickets.admin.phone"));
        companies
                .addColumn(c -> String.join(", ", new TreeSet<>(c.groups())))
                .setHeader(getTranslation("tickets.admin.groups"));
        companies
                .addColumn(c -> getTranslation(c.active() ? "tickets.admin.active" : "tickets.admin.inactive"))
                .setHeader(getTranslation("tickets.admin.state"));
        companies.addThemeVariants(GridVariant.LUMO_COMPACT);
        companies.setAllRowsVisible(true);
        companies.asSingleSelect().addValueChangeListener(e -> {
            companyForm(e.getValue());
            loadWorkers();
        });

        workers.setId("tickets-admin-workers");
        workers.addColumn(ContractorWorker::name)
                .setHeader(getTranslation("tickets.admin.worker.name"))
                .setFlexGrow(2);
        workers.addColumn(ContractorWorker::phone).setHeader(getTranslation("tickets.admin.phone"));
        workers.addColumn(ContractorWorker::email).setHeader(getTranslation("tickets.admin.email"));
        workers.addColumn(w -> w.accountId() == null
                        ? ""
                        : accounts.findById(w.accountId()).map(Account::login).orElse("#" + w.accountId()))
                .setHeader(getTranslation("tickets.admin.worker.login"));
        workers.addColumn(w -> getTranslation(w.sharesPosition() ? "tickets.admin.yes" : "tickets.admin.no"))
                .setHeader(getTranslation("tickets.admin.worker.shares"));
        workers.addThemeVariants(GridVariant.LUMO_COMPACT);
        workers.setAllRowsVisible(true);
        workers.asSingleSelect().addValueChangeListener(e -> workerForm(e.getValue()));

        organisation.addValueChangeListener(e -> loadCompanies());
        add(
                new H2(getTranslation("tickets.admin.contractors.title")),
                organisation,
                Panels.card(getTranslation("tickets.admin.companies"), companies, companyForm),
                Panels.card(getTranslation("tickets.admin.workers"), workers, workerForm));
        if (!organisations.isEmpty()) {
            organisation.setValue(organisations.get(0));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tickets.admin.contractors.title");
    }

    private void loadCompanies() {
        companies.asSingleSelect().clear();
        if (organisation.getValue() == null) {
            return;
        }
        try {
            long org = organisation.getValue().id();
            companies.setItems(contractors.companies(subject, org));
            Set<String> known = new TreeSet<>(
                    List.of("lifts", "plumbing", "electrical", "heating", "cleaning", "locksmith", "general"));
            configuration.categories(subject, org).stream().map(Category::group).forEach(known::add);
            groups = known;
        } catch (DomusException e) {
            Refusals.show(e);
        }
        companyForm(null);
        loadWorkers();
    }

    private void loadWorkers() {
        ContractorCompany company = companies.asSingleSelect().getValue();
        workers.asSingleSelect().clear();
        if (company == null) {
            workers.setItems(List.of());
            workerForm.removeAll();
            return;
        }
        try {
            workers.setItems(contractors.workers(subject, company.id()));
        } catch (DomusException e) {
            Refusals.show(e);
        }
        workerForm(null);
    }

    /** The form of a company; {@code null} for a new one. */
    private void companyForm(ContractorCompany company) {
        companyForm.removeAll();
        if (organisation.getValue() == null) {
            return;
        }
        TextField name = new TextField(getTranslation("tickets.admin.company.name"));
        name.setId("tickets-admin-company-name");
        TextField registration = new TextField(getTranslation("tickets.admin.company.registration"));
        TextField phone = new TextField(getTranslation("tickets.admin.phone"));
        EmailField email = new EmailField(getTranslation("tickets.admin.email"));
        MultiSelectComboBox<String> served = new MultiSelectComboBox<>(getTranslation("tickets.admin.groups"));
        served.setId("tickets-admin-company-groups");
        served.setItems(groups);
        Checkbox active = new Checkbox(getTranslation("tickets.admin.active"), true);
        if (company != null) {
            name.setValue(company.name());
            registration.setValue(text(company.registrationNumber()));
            phone.setValue(text(company.phone()));
            email.setValue(text(company.email()));
            served.setValue(company.groups());
            active.setValue(company.active());
        }
        Button save =
                new Button(getTranslation(company == null ? "tickets.admin.company.add" : "tickets.ui.save"), e -> {
                    try {
                        ContractorCompany saved = contractors.saveCompany(
                                subject,
                                new ContractorCompany(
                                        company == null ? 0 : company.id(),
                                        organisation.getValue().id(),
                                        name.getValue(),
                                        blank(registration.getValue()),
                                        blank(phone.getValue()),
                                        blank(email.getValue()),
                                        served.getValue(),
                                        active.getValue(),
                                        company == null ? 0 : company.version()));
                        DomusUi.showSuccess("tickets.admin.saved");
                        loadCompanies();
                        companies.select(saved);
                    } catch (DomusException refused) {
                        Refusals.show(refused);
                    }
                });
        save.setId("tickets-admin-company-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout row = new HorizontalLayout(name, registration, phone, email, served, active, save);
        row.setAlignItems(Alignment.BASELINE);
        row.getStyle().set("flex-wrap", "wrap");
        companyForm.add(row);
        if (company != null) {
            Button add = new Button(
                    getTranslation("tickets.admin.company.new"),
                    e -> companies.asSingleSelect().clear());
            companyForm.add(add);
        }
    }

    /** The form of a worker of the selected company; {@code null} for a new one. */
    private void workerForm(ContractorWorker worker) {
        workerForm.removeAll();
        ContractorCompany company = companies.asSingleSelect().getValue();
        if (company == null) {
            return;
        }
        TextField name = new TextField(getTranslation("tickets.admin.worker.name"));
        name.setId("tickets-admin-worker-name");
        TextField phone = new TextField(getTranslation("tickets.admin.phone"));
        EmailField email = new EmailField(getTranslation("tickets.admin.email"));
        MultiSelectComboBox<String> served = new MultiSelectComboBox<>(getTranslation("tickets.admin.groups"));
        served.setItems(new TreeSet<>(company.groups().isEmpty() ? groups : company.groups()));
        TextField login = new TextField(getTranslation("tickets.admin.worker.login"));
        login.setId("tickets-admin-worker-login");
        login.setHelperText(getTranslation("tickets.admin.worker.login.help"));
        Checkbox shares = new Checkbox(getTranslation("tickets.admin.worker.shares"));
        Checkbox active = new Checkbox(getTranslation("tickets.admin.active"), true);
        if (worker != null) {
            name.setValue(worker.name());
            phone.setValue(text(worker.phone()));
            email.setValue(text(worker.email()));
            served.setValue(worker.groups());
            if (worker.accountId() != null) {
                login.setValue(accounts.findById(worker.accountId())
                        .map(Account::login)
                        .orElse(""));
            }
            shares.setValue(worker.sharesPosition());
            active.setValue(worker.active());
        }
        Button save = new Button(getTranslation(worker == null ? "tickets.admin.worker.add" : "tickets.ui.save"), e -> {
            Long accountId = null;
            if (!login.getValue().isBlank()) {
                Optional<Account> account =
                        accounts.findByLogin(login.getValue().strip());
                if (account.isEmpty()) {
                    login.setInvalid(true);
                    login.setErrorMessage(getTranslation("tickets.admin.worker.login.unknown"));
                    return;
                }
                accountId = account.get().id();
            }
            try {
                contractors.saveWorker(
                        subject,
                        new ContractorWorker(
                                worker == null ? 0 : worker.id(),
                                company.id(),
                                name.getValue(),
                                blank(phone.getValue()),
                                blank(email.getValue()),
                                served.getValue(),
                                accountId,
                                shares.getValue(),
                                worker == null ? null : worker.latitude(),
                                worker == null ? null : worker.longitude(),
                                worker == null ? null : worker.positionAt(),
                                active.getValue(),
                                worker == null ? 0 : worker.version()));
                DomusUi.showSuccess("tickets.admin.saved");
                loadWorkers();
            } catch (DomusException refused) {
                Refusals.show(refused);
            }
        });
        save.setId("tickets-admin-worker-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout row = new HorizontalLayout(name, phone, email, served, login, shares, active, save);
        row.setAlignItems(Alignment.BASELINE);
        row.getStyle().set("flex-wrap", "wrap");
        workerForm.add(row);
        if (worker != null) {
            workerForm.add(new Button(getTranslation("tickets.admin.worker.new"), e -> workers.asSingleSelect()
                    .clear()));
        }
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
