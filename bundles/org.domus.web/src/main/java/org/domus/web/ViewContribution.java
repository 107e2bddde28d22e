package org.domus.web;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import org.domus.core.access.Permission;

/**
 * A view that a module adds to the Domus shell. A module's {@code .web} bundle registers one service per
 * view; the shell registers the route and the menu entry when the service appears and removes both when
 * it goes away. The menu shows an entry only to subjects the {@link org.domus.core.access.AccessPolicy}
 * grants {@link #requiredPermission()}; navigating to the route without it is refused.
 *
 * <p>Views may use only components contained in the shell's frontend bundle (all of vaadin-core). They
 * are shown inside the shell's main layout, must not carry {@code @Route} themselves, and get the
 * signed-in subject from {@link DomusUi#requireSubject()}.
 *
 * <pre>{@code
 * @Component(service = ViewContribution.class)
 * public class BalanceContribution implements ViewContribution {
 *     private final LedgerService ledger;
 *
 *     @Activate
 *     public BalanceContribution(@Reference LedgerService ledger) { this.ledger = ledger; }
 *
 *     public String route() { return "ledger/balance"; }
 *     public Class<? extends Component> viewClass() { return BalanceView.class; }
 *     public String labelKey() { return "ledger.menu.balance"; }
 *     public String icon() { return "MONEY"; }
 *     public String group() { return "menu.group.finance"; }
 *     public Optional<Permission> requiredPermission() { return Optional.of(LedgerPermissions.READ); }
 *     public Component createView() { return new BalanceView(ledger); }
 * }
 * }</pre>
 */
public interface ViewContribution {

    /** {@link #parameterKind()} of a view whose URL parameter is a unit id. @since 1.2 */
    String PARAMETER_UNIT = "registry.unit";

    /** {@link #parameterKind()} of a view whose URL parameter is a person id. @since 1.2 */
    String PARAMETER_PERSON = "registry.person";

    /** {@link #parameterKind()} of a view whose URL parameter is a building id. @since 1.2 */
    String PARAMETER_BUILDING = "registry.building";

    /** {@link #parameterKind()} of a view whose URL parameter is an estate id. @since 1.2 */
    String PARAMETER_ESTATE = "registry.estate";

    /** Route path without a leading slash, e.g. {@code ledger/balance}. Unique across modules. */
    String route();

    /** The view class; it must have a public no-argument constructor unless {@link #createView()} is overridden. */
    Class<? extends Component> viewClass();

    /**
     * Translation key of the menu label. Keys come from the bundles that declare the
     * {@value org.domus.web.DomusUi#I18N_HEADER} manifest header, normally the contributing bundle itself.
     */
    String labelKey();

    /** Name of a {@code com.vaadin.flow.component.icon.VaadinIcon} constant, e.g. {@code HOME}. */
    String icon();

    /** Menu group key; entries of one group are shown together, e.g. {@code menu.group.finance}. */
    default String group() {
        return "menu.group.main";
    }

    /** Position within the group; lower comes first. */
    default int order() {
        return 100;
    }

    /**
     * Whether the view gets a menu entry. Views reached from another view (a detail page with a URL
     * parameter, say) answer {@code false}; their route and permission still apply.
     *
     * @since 1.1
     */
    default boolean inMenu() {
        return true;
    }

    /**
     * What the view's URL parameter identifies, for a view that implements
     * {@code com.vaadin.flow.router.HasUrlParameter}: one of the {@code PARAMETER_*} kinds or a module's
     * own, named like a permission ({@code ledger.account}). The isolation tests open every such view with
     * objects the signed-in user must not see and fail for a kind they cannot fill, so a new view with a
     * parameter cannot slip past them. Empty for views without a parameter.
     *
     * @since 1.2
     */
    default Optional<String> parameterKind() {
        return Optional.empty();
    }

    /**
     * Whether anyone may open the view without signing in: an anonymous zone such as a building's public
     * report form reached from a printed code. The shell lets every visitor through to a public view (no
     * sign-in, no password change, terms or second factor first), never lists it in the menu whatever
     * {@link #inMenu()} says, and ignores {@link #requiredPermission()} for it. A public view must not call
     * {@link DomusUi#requireSubject()} and must show nothing that its URL does not already give away; the
     * services it calls take no subject and guard themselves (rate limits, unguessable codes).
     *
     * @since 1.4
     */
    default boolean isPublic() {
        return false;
    }

    /** Permission needed to see and open the view; empty means any signed-in user. */
    default Optional<Permission> requiredPermission() {
        return Optional.empty();
    }

    /**
     * Creates the view instance for one navigation. Override to hand the view the services it needs
     * (the contribution is a DS component and can hold references); the default uses the no-argument
     * constructor.
     */
    default Component createView() {
        try {
            return viewClass().getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create view " + viewClass().getName(), e);
        }
    }
}
