package org.domus.web.internal.nav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.domus.core.access.Permission;
import org.domus.core.internal.access.RoleBasedAccessPolicy;
import org.domus.web.Navigation.RoutedView;
import org.domus.web.ViewContribution;
import org.junit.jupiter.api.Test;

class ViewRegistryTest {

    /** A detail page with a URL parameter. */
    public static class Detail extends Div implements HasUrlParameter<Long> {
        @Override
        public void setParameter(BeforeEvent event, Long parameter) {}
    }

    @Route("account/shell-page")
    public static class ShellPage extends Div {}

    /** A contribution that says what its parameter identifies. */
    private static ViewContribution withKind(TestContribution base, String kind) {
        return new ViewContribution() {
            @Override
            public String route() {
                return base.route();
            }

            @Override
            public Class<? extends Component> viewClass() {
                return base.viewClass();
            }

            @Override
            public String labelKey() {
                return base.labelKey();
            }

            @Override
            public String icon() {
                return base.icon();
            }

            @Override
            public boolean inMenu() {
                return false;
            }

            @Override
            public Optional<Permission> requiredPermission() {
                return base.requiredPermission();
            }

            @Override
            public Optional<String> parameterKind() {
                return Optional.of(kind);
            }
        };
    }

    private static Map<String, RoutedView> byRoute(List<RoutedView> views) {
        return views.stream().collect(Collectors.toMap(RoutedView::route, Function.identity()));
    }

    @Test
    void routedViewsListShellAndContributedViewsWithPermissionAndParameterKind() {
        ViewRegistry registry = new ViewRegistry(new RoleBasedAccessPolicy());
        registry.shellViews(List.of(ShellPage.class));
        registry.addContribution(TestContribution.of("ledger/balance", "g", 1).requiring("ledger.read"));
        registry.addContribution(withKind(
                TestContribution.of("ledger/account", "g", 2)
                        .requiring("ledger.read")
                        .showing(Detail.class),
                "ledger.account"));
        registry.addContribution(TestContribution.of("mystery", "g", 3).showing(Detail.class));

        Map<String, RoutedView> views = byRoute(registry.routedViews());

        assertEquals(
                List.of("account/shell-page", "ledger/account", "ledger/balance", "mystery"),
                registry.routedViews().stream().map(RoutedView::route).toList());
        RoutedView shell = views.get("account/shell-page");
        assertFalse(shell.contributed());
        assertNull(shell.permission());
        RoutedView balance = views.get("ledger/balance");
        assertEquals("ledger.read", balance.permission());
        assertFalse(balance.hasParameter());
        assertTrue(balance.inMenu());
        RoutedView account = views.get("ledger/account");
        assertTrue(account.hasParameter());
        assertEquals("ledger.account", account.parameterKind());
        assertFalse(account.inMenu());
        // a view with a parameter that does not say what it is: listed so that the tests can refuse it
        assertTrue(views.get("mystery").hasParameter());
        assertNull(views.get("mystery").parameterKind());
    }

    @Test
    void publicViewsAreListedAsSuchWithoutPermissionOrMenuEntry() {
        ViewRegistry registry = new ViewRegistry(new RoleBasedAccessPolicy());
        registry.addContribution(TestContribution.of("tickets/report", "g", 1)
                .requiring("tickets.read")
                .showing(Detail.class)
                .publicly());
        registry.addContribution(TestContribution.of("tickets/mine", "g", 2));

        Map<String, RoutedView> views = byRoute(registry.routedViews());

        RoutedView report = views.get("tickets/report");
        assertTrue(report.publicView());
        assertNull(report.permission(), "a public view's permission is ignored");
        assertFalse(report.inMenu());
        assertTrue(report.hasParameter());
        assertFalse(views.get("tickets/mine").publicView());
        assertTrue(views.get("tickets/mine").inMenu());
        assertEquals(
                List.of("tickets/mine"),
                registry.menuRoutes(
                        org.domus.core.Subject.of(1, "r", "R", java.util.Locale.ENGLISH, java.util.Set.of())));
    }

    @Test
    void theServedRoutesComeFromTheRouteTargetOnceAttached() {
        ViewRegistry registry = new ViewRegistry(new RoleBasedAccessPolicy());
        registry.shellViews(List.of(ShellPage.class));
        registry.addContribution(TestContribution.of("ledger/balance", "g", 1));
        registry.attach(new RouteBook.RouteTarget() {
            @Override
            public void setRoute(String route, Class<? extends Component> viewClass) {}

            @Override
            public void removeRoute(String route) {}

            @Override
            public List<RouteBook.Routed> routed() {
                return List.of(
                        new RouteBook.Routed("", Div.class, false),
                        new RouteBook.Routed("ledger/balance", Div.class, false));
            }
        });
        assertEquals(
                List.of("", "ledger/balance"),
                registry.routedViews().stream().map(RoutedView::route).toList());
        assertTrue(byRoute(registry.routedViews()).get("ledger/balance").contributed());
    }
}
