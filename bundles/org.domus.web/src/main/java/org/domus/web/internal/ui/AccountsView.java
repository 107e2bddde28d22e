package org.domus.web.internal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.server.StreamResource;
import java.io.ByteArrayInputStream;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.domus.core.DomusException;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.Permission;
import org.domus.core.account.Account;
import org.domus.core.account.AccountIssuance;
import org.domus.core.account.AccountStatus;
import org.domus.web.DomusUi;
import org.domus.web.internal.servlet.ShellServices;

/**
 * The office's accounts: list with filter, issue an account (login and initial password shown once,
 * handover letter PDF), reset a password, enable or disable, roles, two-factor reset and login history.
 */
public class AccountsView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private final transient ShellServices services;
    private final Grid<Account> grid = new Grid<>();
    private final TextField filter = new TextField();
    private final Div detail = new Div();

    public AccountsView(ShellServices services) {
        this.services = services;
        addClassName("domus-page");
        // The route's permission is checked by AccessControl; this guards a direct instantiation too.
        services.accessPolicy().require(DomusUi.requireSubject(), Permission.ACCOUNTS_MANAGE);
        add(new H2(getTranslation("accounts.title")));

        filter.setId("accounts-filter");
        filter.setLabel(getTranslation("accounts.filter"));
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> refresh());
        Button issue = new Button(getTranslation("accounts.issue"), e -> openIssueDialog());
        issue.setId("accounts-issue");
        issue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout bar = new HorizontalLayout(filter, issue);
        bar.setAlignItems(Alignment.BASELINE);

        grid.setId("accounts-grid");
        grid.addColumn(Account::login)
                .setHeader(getTranslation("accounts.login"))
                .setAutoWidth(true);
        grid.addColumn(Account::displayName)
                .setHeader(getTranslation("accounts.name"))
                .setAutoWidth(true);
        grid.addColumn(a -> getTranslation("accounts.status." + a.status().name()))
                .setHeader(getTranslation("accounts.status"));
        grid.addColumn(a -> a.roles().stream()
                        .sorted()
                        .map(r -> getTranslation("role." + r.name()))
                        .collect(Collectors.joining(", ")))
                .setHeader(getTranslation("accounts.roles"));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setHeight("20rem");
        grid.asSingleSelect().addValueChangeListener(e -> showDetail(e.getValue()));
        detail.setId("account-detail");
        detail.setWidthFull();
        add(bar, grid, detail);
        refresh();
    }

    private void refresh() {
        String needle =
                filter.getValue() == null ? "" : filter.getValue().strip().toLowerCase(Locale.ROOT);
        grid.setItems(services.accounts().list().stream()
                .filter(a -> needle.isEmpty()
                        || a.login().contains(needle)
                        || a.displayName().toLowerCase(Locale.ROOT).contains(needle))
                .toList());
    }

    private void openIssueDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("accounts.issue"));
        TextField name = new TextField(getTranslation("accounts.name"));
        name.setId("issue-name");
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(200);
        EmailField email = new EmailField(getTranslation("accounts.email"));
        email.setId("issue-email");
        CheckboxGroup<Role> roles = roleBoxes("issue-roles");
        roles.setValue(EnumSet.of(Role.RESIDENT));
        FormLayout form = new FormLayout(name, email, roles);
        Button submit = new Button(getTranslation("accounts.issue.submit"), e -> {
            if (name.getValue().isBlank()) {
                name.setInvalid(true);
                name.setErrorMessage(getTranslation("validation.required"));
                return;
            }
            if (email.isInvalid()) {
                return;
            }
            try {
                AccountIssuance.Issued issued = services.issuance()
                        .issue(
                                new AccountIssuance.Request(name.getValue(), email.getValue(), roles.getValue(), null),
                                DomusUi.requireSubject());
                dialog.close();
                refresh();
                showIssued(issued);
            } catch (DomusException ex) {
                DomusUi.showError(ex);
            }
        });
        submit.setId("issue-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        dialog.add(form);
        dialog.getFooter().add(cancel, submit);
        dialog.open();
        name.focus();
    }

    private CheckboxGroup<Role> roleBoxes(String id) {
        CheckboxGroup<Role> roles = new CheckboxGroup<>(getTranslation("accounts.roles"));
        roles.setId(id);
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        return roles;
    }

    /** The login, the initial password (this once) and the letter to print. */
    private void showIssued(AccountIssuance.Issued issued) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("accounts.issued.title"));
        Div login = new Div();
        login.setId("issued-login");
        login.setText(issued.account().login());
        Div password = new Div();
        password.setId("issued-password");
        password.addClassName("domus-secret");
        password.setText(issued.initialPassword());
        String url = services.signInUrl();
        byte[] pdf = services.issuance().handoverLetter(issued, url);
        StreamResource resource = new StreamResource(
                "handover-" + issued.account().login() + ".pdf", () -> new ByteArrayInputStream(pdf));
        resource.setContentType("application/pdf");
        Anchor letter = new Anchor(resource, getTranslation("accounts.issued.letter"));
        letter.setId("issued-letter");
        letter.getElement().setAttribute("download", true);
        dialog.add(
                new Paragraph(getTranslation("accounts.issued.text")),
                new Paragraph(getTranslation("accounts.login")),
                login,
                new Paragraph(getTranslation("accounts.issued.password")),
                password,
                new Paragraph(letter));
        Button close = new Button(getTranslation("action.close"), e -> dialog.close());
        close.setId("issued-close");
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(close);
        dialog.setCloseOnOutsideClick(false);
        dialog.open();
    }

    private void showDetail(Account account) {
        detail.removeAll();
        if (account == null) {
            return;
        }
        Subject actor = DomusUi.requireSubject();
        H3 title = new H3(account.displayName() + " (" + account.login() + ")");
        Button reset = new Button(getTranslation("accounts.reset"), e -> {
            try {
                showIssued(services.issuance().resetPassword(account.id(), actor));
                refresh();
            } catch (DomusException ex) {
                DomusUi.showError(ex);
            }
        });
        reset.setId("account-reset");
        boolean active = account.status() != AccountStatus.DISABLED;
        Button status = new Button(getTranslation(active ? "accounts.disable" : "accounts.enable"), e -> {
            try {
                Account changed = services.accounts()
                        .setStatus(account.id(), active ? AccountStatus.DISABLED : AccountStatus.ACTIVE, actor);
                refresh();
                showDetail(changed);
            } catch (DomusException ex) {
                DomusUi.showError(ex);
            }
        });
        status.setId("account-status");
        if (active) {
            status.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        Button totpReset = new Button(getTranslation("accounts.totp.reset"), e -> {
            try {
                services.totp().reset(account.id(), actor);
                DomusUi.showSuccess("accounts.totp.reset.done");
            } catch (DomusException ex) {
                DomusUi.showError(ex);
            }
        });
        totpReset.setId("account-totp-reset");
        CheckboxGroup<Role> roles = roleBoxes("account-roles");
        roles.setValue(account.roles().isEmpty() ? Set.of() : EnumSet.copyOf(account.roles()));
        Button saveRoles = new Button(getTranslation("accounts.roles.save"), e -> {
            try {
                Account changed = services.accounts().setRoles(account.id(), roles.getValue(), actor);
                DomusUi.showSuccess("accounts.roles.saved");
                refresh();
                showDetail(changed);
            } catch (DomusException ex) {
                DomusUi.showError(ex);
            }
        });
        saveRoles.setId("account-roles-save");
        detail.add(
                title,
                new HorizontalLayout(reset, status, totpReset),
                roles,
                saveRoles,
                new H3(getTranslation("logins.title")));
        Grid<org.domus.core.account.LoginEvent> history = LoginHistoryView.grid(getLocale(), this::getTranslation);
        history.setItems(services.accounts().loginHistory(account.id(), 200));
        detail.add(history);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("accounts.title") + " · Domus";
    }
}
