package org.domus.web.internal.registry;

import com.vaadin.flow.component.Component;
import java.util.function.Supplier;
import org.domus.core.access.Permission;
import org.domus.web.StaticViewContribution;
import org.domus.web.ViewContribution;

/**
 * What the registry's view contributions share: each is a DS component (so it can hold the services its
 * view needs) that only states its route, menu entry and permission and how to build the view.
 */
abstract class RegistryContribution extends StaticViewContribution {

    /** Menu group of the staff's registry views. */
    static final String GROUP = "menu.group.registry";

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
        super(route, viewClass, labelKey, icon, group, order, inMenu, permission, parameterKind, factory);
    }
}
