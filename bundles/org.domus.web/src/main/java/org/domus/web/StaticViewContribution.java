package org.domus.web;

import com.vaadin.flow.component.Component;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.domus.core.access.Permission;

/**
 * A {@link ViewContribution} whose route, menu entry, permission and parameter kind are fixed when it is
 * made: a module's contribution extends it as a DS component, holds the services its view needs and passes
 * a factory that builds the view from them.
 *
 * <pre>{@code
 * @Component(service = ViewContribution.class)
 * public class BalanceContribution extends StaticViewContribution {
 *     @Activate
 *     public BalanceContribution(@Reference LedgerService ledger) {
 *         super("ledger/balance", BalanceView.class, "ledger.menu.balance", "MONEY", "menu.group.finance", 10,
 *                 true, LedgerPermissions.READ, null, () -> new BalanceView(ledger));
 *     }
 * }
 * }</pre>
 *
 * @since 1.3
 */
public abstract class StaticViewContribution implements ViewContribution {

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
     * @param inMenu false for detail pages reached through a URL parameter
     * @param permission needed to open the view, or null for any signed-in user
     * @param parameterKind what the URL parameter identifies (e.g. {@link ViewContribution#PARAMETER_UNIT}),
     *     null for a view without one
     * @param factory builds a new instance of the view for each navigation
     */
    protected StaticViewContribution(
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
