package org.domus.web.internal.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import org.domus.core.access.Permission;
import org.domus.core.registry.RegistryService;
import org.domus.web.ViewContribution;
import org.domus.web.internal.servlet.ShellServices;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;

/** Puts the office's account administration into the menu for holders of platform.accounts.manage. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
public class AccountsContribution implements ViewContribution {

    private final ShellServices services;
    private final RegistryService registry;

    @Activate
    public AccountsContribution(@Reference ShellServices services, @Reference RegistryService registry) {
        this.services = services;
        this.registry = registry;
    }

    @Override
    public String route() {
        return "admin/accounts";
    }

    @Override
    public Class<? extends Component> viewClass() {
        return AccountsView.class;
    }

    @Override
    public String labelKey() {
        return "accounts.menu";
    }

    @Override
    public String icon() {
        return "USERS";
    }

    @Override
    public String group() {
        return "menu.group.administration";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Permission> requiredPermission() {
        return Optional.of(Permission.ACCOUNTS_MANAGE);
    }

    @Override
    public Component createView() {
        return new AccountsView(services, registry);
    }
}
