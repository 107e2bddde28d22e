package org.domus.ledger.web.internal;

import com.vaadin.flow.component.Component;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.domus.core.access.Permission;
import org.domus.web.ViewContribution;

/**
 * What the ledger's view contributions share: each is a DS component holding the services its view needs,
 * and states only its route, menu entry, permission and how to build the view.
 */
abstract class LedgerContribution implements ViewContribution {

    /** The shell's finance group: the ledger's staff views. */
    static final String GROUP = "menu.group.finance";

    private final String route;
    private final Class<? extends Component> viewClass;
    private final String labelKey;
    private final String icon;
    private final String group;
    private final int order;
    private final boolean inMenu;
    private final Permission permission;
    private final String parameterKind;
    private final Supplier<? extends Component> factory;

    /**
     * @param permission needed to open the view, or null for any signed-in user
     * @param parameterKind what the URL parameter identifies, null for a view without one
     */
    LedgerContribution(
            String route,
            Class<? extends Component> viewClass,
            String labelKey,
            String icon,
            String group,
            int order,
            boolean inMenu,
            Permission permission,
            String parameterKind,
            Supplier<? extends Component> factory) {
        this.route = Objects.requireNonNull(route);
        this.viewClass = Objects.requireNonNull(viewClass);
        this.labelKey = Objects.requireNonNull(labelKey);
        this.icon = Objects.requireNonNull(icon);
        this.group = Objects.requireNonNull(group);
        this.order = order;
        this.inMenu = inMenu;
        this.permission = permission;
        this.parameterKind = parameterKind;
        this.factory = Objects.requireNonNull(factory);
    }

    @Override
    public String route() {
        return route;
    }

    @Override
    public Class<? extends Component> viewClass() {
        return viewClass;
    }

    @Override
    public String labelKey() {
        return labelKey;
    }

    @Override
    public String icon() {
        return icon;
    }

    @Override
    public String group() {
        return group;
    }

    @Override
    public int order() {
        return order;
    }

    @Override
    public boolean inMenu() {
        return inMenu;
    }

    @Override
    public Optional<Permission> requiredPermission() {
        return Optional.ofNullable(permission);
    }

    @Override
    public Optional<String> parameterKind() {
        return Optional.ofNullable(parameterKind);
    }

    @Override
    public Component createView() {
        return factory.get();
    }
}
