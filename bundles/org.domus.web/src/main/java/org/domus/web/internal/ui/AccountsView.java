package org.domus.web.internal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.domus.core.DomusException;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.Permission;
import org.domus.core.access.RoleGrant;
import org.domus.core.access.ScopeType;
import org.domus.core.account.Account;
import org.domus.core.account.AccountIssuance;
import org.domus.core.account.AccountStatus;
import org.domus.core.registry.BuildingFilter;
import org.domus.core.registry.Estate;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Page;
import org.domus.core.registry.RegistryService;
import org.domus.web.DomusUi;
import org.domus.web.internal.servlet.ShellServices;

/**
 * The office's accounts: list with filter, issue an account (login and initial password shown once,
 * handover letter PDF), reset a password, enable or disable, roles, two-factor reset and login history.
 */
public class AccountsView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private final transient ShellServices services;
    private final transient RegistryService registry;
    private final Grid<Account> grid = new Grid<>();
    private final TextField filter = new TextField();
    private final Div detail = new Div();

    public AccountsView(ShellServices services, RegistryService registry) {
        this.services = services;
        this.registry = registry;
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

    /** The list again (roles changed) with the account selected anew, which rebuilds its detail. */
    private void reselect(long accountId) {
        refresh();
        services.accounts().findById(accountId).ifPresent(grid::select);
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
        // Staff roles are granted with a scope on the issued account; here only whether it is a resident's.
        Checkbox resident = new Checkbox(getTranslation("accounts.issue.resident"), true);
        resident.setId("issue-resident");
        FormLayout form = new FormLayout(name, email, resident);
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
                                new AccountIssuance.Request(
                                        name.getValue(),
                                        email.getValue(),
                                        resident.getValue() ? EnumSet.of(Role.RESIDENT) : Set.of(),
                                        null),
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
        H3 title = new H3(account.displayName() + " (" + account.login() + ")");
        Button reset = new Button(getTranslation("accounts.reset"), e -> {
            try {
                showIssued(services.issuance().resetPassword(account.id(), DomusUi.requireSubject()));
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
                        .setStatus(
                                account.id(),
                                active ? AccountStatus.DISABLED : AccountStatus.ACTIVE,
                                DomusUi.requireSubject());
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
                services.totp().reset(account.id(), DomusUi.requireSubject());
                DomusUi.showSuccess("accounts.totp.reset.done");
            } catch (DomusException ex) {
                DomusUi.showError(ex);
            }
        });
        totpReset.setId("account-totp-reset");
        detail.add(
                title,
                new HorizontalLayout(reset, status, totpReset),
                new GrantsEditor(account),
                new H3(getTranslation("logins.title")));
        Grid<org.domus.core.account.LoginEvent> history = LoginHistoryView.grid(getLocale(), this::getTranslation);
        List<org.domus.core.account.LoginEvent> logins = services.accounts().loginHistory(account.id(), 200);
        history.setItems(logins);
        // a handful of sign-ins needs no scrolling box of empty rows
        history.setAllRowsVisible(logins.size() <= LoginHistoryView.SHORT_HISTORY);
        detail.add(history);
    }

    /** An organisation, estate or building a grant can name. */
    private record ScopeChoice(ScopeType type, long id, String label) {}

    /**
     * The account's role grants: each with where it holds and a remove button, and a row to grant a staff
     * role in an organisation, estate or building picked from the registry (filtered as one types).
     */
    private final class GrantsEditor extends Div {

        private static final long serialVersionUID = 1L;
        private static final int PAGE = 200;

        private final Account account;
        private final Grid<RoleGrant> grants = new Grid<>();
        private final Paragraph none = new Paragraph(getTranslation("accounts.grants.none"));

        GrantsEditor(Account account) {
            this.account = account;
            setId("account-grants-editor");
            setWidthFull();
            grants.setId("account-grants");
            grants.setAllRowsVisible(true);
            grants.addColumn(g -> getTranslation("role." + g.role().name()))
                    .setHeader(getTranslation("accounts.grants.role"))
                    .setAutoWidth(true);
            grants.addColumn(g -> g.isScoped()
                            ? getTranslation("scope." + g.scopeType().name())
                            : getTranslation("accounts.grants.everywhere"))
                    .setHeader(getTranslation("accounts.grants.scopeType"))
                    .setAutoWidth(true);
            grants.addColumn(this::where)
                    .setHeader(getTranslation("accounts.grants.object"))
                    .setAutoWidth(true);
            grants.addComponentColumn(g -> {
                        Button remove = new Button(getTranslation("accounts.grants.remove"), e -> confirmRemove(g));
                        remove.addClassName("grant-remove");
                        // Every row has a "Remove" button: the accessible name says which grant it takes away.
                        remove.getElement()
                                .setAttribute(
                                        "aria-label", getTranslation("accounts.grants.remove.label", describe(g)));
                        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
                        return remove;
                    })
                    .setAutoWidth(true);
            none.setId("account-grants-none");

            ComboBox<Role> role = new ComboBox<>(getTranslation("accounts.grants.role"));
            role.setId("grant-role");
            role.setItems(
                    Arrays.stream(Role.values()).filter(r -> r != Role.RESIDENT).toList());
            role.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
            ComboBox<ScopeType> type = new ComboBox<>(getTranslation("accounts.grants.scopeType"));
            type.setId("grant-scope-type");
            type.setItems(ScopeType.values());
            type.setItemLabelGenerator(t -> getTranslation("scope." + t.name()));
            ComboBox<ScopeChoice> where = new ComboBox<>(getTranslation("accounts.grants.object"));
            where.setId("grant-scope");
            where.setItemLabelGenerator(ScopeChoice::label);
            where.setEnabled(false);
            where.setWidth("24rem");
            // A changed field no longer carries the error of the last attempt.
            role.addValueChangeListener(e -> clearError(role));
            where.addValueChangeListener(e -> clearError(where));
            type.addValueChangeListener(e -> {
                clearError(type);
                where.clear();
                where.setEnabled(e.getValue() != null);
                if (e.getValue() != null) {
                    ScopeType chosen = e.getValue();
                    where.setItems(query ->
                            choices(chosen, query.getFilter().orElse(""), query.getOffset(), query.getLimit()));
                }
            });
            Button add = new Button(getTranslation("accounts.grants.add"), e -> {
                if (role.isEmpty() || type.isEmpty() || where.isEmpty()) {
                    if (role.isEmpty()) {
                        showError(role, "validation.required");
                    }
                    if (type.isEmpty()) {
                        showError(type, "account.grant.scope.required");
                    } else if (where.isEmpty()) {
                        showError(where, "account.grant.scope.required");
                    }
                    return;
                }
                try {
                    services.accounts()
                            .grant(
                                    account.id(),
                                    RoleGrant.scoped(
                                            role.getValue(),
                                            type.getValue(),
                                            where.getValue().id()),
                                    DomusUi.requireSubject());
                    DomusUi.showSuccess("accounts.grants.added");
                    reselect(account.id());
                } catch (DomusException ex) {
                    // A broken rule is shown at the field to correct, where it stays until that field changes.
                    switch (ex.messageKey()) {
                        case "account.grant.resident" -> showError(role, ex.messageKey());
                        case "account.grant.admin.organisation" -> showError(type, ex.messageKey());
                        case "account.grant.scope.required", "account.grant.scope.not-found" -> showError(
                                where, ex.messageKey());
                        default -> DomusUi.showError(ex);
                    }
                }
            });
            add.setId("grant-add");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            HorizontalLayout row = new HorizontalLayout(role, type, where, add);
            row.setAlignItems(Alignment.BASELINE);
            add(
                    new H3(getTranslation("accounts.grants")),
                    new Paragraph(getTranslation("accounts.grants.help")),
                    none,
                    grants,
                    row);
            show();
        }

        private void show() {
            List<RoleGrant> held = services.accounts().grants(account.id());
            grants.setItems(held);
            grants.setVisible(!held.isEmpty());
            none.setVisible(held.isEmpty());
        }

        private void showError(ComboBox<?> field, String key) {
            field.setErrorMessage(getTranslation(key));
            field.setInvalid(true);
        }

        private void clearError(ComboBox<?> field) {
            field.setInvalid(false);
            field.setErrorMessage(null);
        }

        /** "Manager, Building Lipová 12, 110 00 Praha": the grant in words. */
        private String describe(RoleGrant g) {
            String role = getTranslation("role." + g.role().name());
            return g.isScoped()
                    ? role + ", " + getTranslation("scope." + g.scopeType().name()) + " " + where(g)
                    : role + ", " + getTranslation("accounts.grants.everywhere");
        }

        private void confirmRemove(RoleGrant grant) {
            ConfirmDialog confirm = new ConfirmDialog();
            confirm.setId("grant-remove-confirm");
            confirm.setHeader(getTranslation("accounts.grants.remove.title"));
            confirm.setText(getTranslation("accounts.grants.remove.text", describe(grant), account.displayName()));
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            Button yes = new Button(getTranslation("accounts.grants.remove"), e -> {
                confirm.close();
                remove(grant);
            });
            yes.setId("grant-remove-confirm-yes");
            yes.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
            confirm.setConfirmButton(yes);
            confirm.open();
        }

        private void remove(RoleGrant grant) {
            try {
                services.accounts().revoke(account.id(), grant, DomusUi.requireSubject());
                DomusUi.showSuccess("accounts.grants.removed");
                reselect(account.id());
            } catch (DomusException ex) {
                DomusUi.showError(ex);
            }
        }

        /** The name of a grant's organisation, estate or building. */
        private String where(RoleGrant g) {
            if (!g.isScoped()) {
                return "";
            }
            Subject actor = DomusUi.requireSubject();
            try {
                return switch (g.scopeType()) {
                    case ORGANISATION -> registry.organisations(actor).stream()
                            .filter(o -> o.id() == g.scopeId())
                            .map(Organisation::name)
                            .findFirst()
                            .orElse("#" + g.scopeId());
                    case ESTATE -> registry.estate(actor, g.scopeId()).name();
                    case BUILDING -> registry.building(actor, g.scopeId()).address();
                };
            } catch (DomusException e) {
                return "#" + g.scopeId();
            }
        }

        /** One page of what a grant of this scope type can name, filtered by what was typed. */
        private Stream<ScopeChoice> choices(ScopeType type, String filter, int offset, int limit) {
            Subject actor = DomusUi.requireSubject();
            String needle = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
            return switch (type) {
                case ORGANISATION -> registry.organisations(actor).stream()
                        .filter(o -> o.name().toLowerCase(Locale.ROOT).contains(needle))
                        .skip(offset)
                        .limit(limit)
                        .map(o -> new ScopeChoice(type, o.id(), o.name()));
                    // Estates are few (a cooperative has a handful): filtered here, read page by page.
                case ESTATE -> allEstates(actor).stream()
                        .filter(e -> e.name().toLowerCase(Locale.ROOT).contains(needle))
                        .skip(offset)
                        .limit(limit)
                        .map(e -> new ScopeChoice(type, e.id(), e.name()));
                    // Buildings can be thousands: the registry filters by street and pages.
                case BUILDING -> registry
                        .buildings(actor, new BuildingFilter(null, needle.isEmpty() ? null : needle), offset, limit)
                        .items()
                        .stream()
                        .map(b -> new ScopeChoice(type, b.id(), b.address()));
            };
        }

        private List<Estate> allEstates(Subject actor) {
            List<Estate> all = new ArrayList<>();
            for (int offset = 0; ; offset += PAGE) {
                Page<Estate> page = registry.estates(actor, offset, PAGE);
                all.addAll(page.items());
                if (page.items().size() < PAGE || all.size() >= page.total()) {
                    return all;
                }
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("accounts.title") + " · Domus";
    }
}
