package org.domus.web.internal.registry;

import com.vaadin.flow.component.Component;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.domus.core.access.Permission;
import org.domus.web.ViewContribution;

/**
 * What the registry's view contributions share: each is a DS component (so it can hold the services its
 * view needs) that only states its route, menu entry and permission and how to build the view.
 */
abstract class RegistryContribution implements ViewContribution {

    /** Menu group of the staff's registry views. */
    static final String GROUP = "menu.group.registry";

    private final String route;
    private final Class<? extends Component> viewClass;
    private final String labelKey;
    private final String icon;
    private final String group;
    private final int order;
    private final boolean inMenu;
    private final Permission permission;
    private final Supplier<? extends Component> factory;
    private final String parameterKind;

    /**
     * @param permission needed to open the view, or null for any signed-in user
     * @param inMenu false for detail pages reached through a URL parameter
     */
    RegistryContribution(
            String route,
            Class<? extends Component> viewClass,
            String labelKey,
            String icon,
            String group,
            int order,
            boolean inMenu,
            Permission permission,
            Supplier<? extends Component> factory) {
        this(route, viewClass, labelKey, icon, group, order, inMenu, permission, null, factory);
    }

    /**
     * For a view with a URL parameter.
     *
     * @param parameterKind what the parameter identifies, e.g. {@link ViewContribution#PARAMETER_UNIT}
     */
    RegistryContribution(
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
        this.parameterKind = parameterKind;
        this.route = Objects.requireNonNull(route);
        this.viewClass = Objects.requireNonNull(viewClass);
        this.labelKey = Objects.requireNonNull(labelKey);
        this.icon = Objects.requireNonNull(icon);
        this.group = Objects.requireNonNull(group);
        this.order = order;
        this.inMenu = inMenu;
        this.permission = permission;
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
