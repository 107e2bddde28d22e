package org.domus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.RoleGrant;
import org.domus.web.Navigation;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * {@code ledger} in etc/org.domus.modules.cfg installs the ledger with its views (feature domus-ledger-ui):
 * each role's menu shows the ledger views it may open, the unit ledger's parameter is a unit id; switching
 * to {@code ledger:headless} removes the views and keeps the ledger's services and REST.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LedgerUiModuleIT extends DomusTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final List<String> ROUTES = List.of(
            "ledger/my-payments",
            "ledger/units",
            "ledger/unit",
            "ledger/billing",
            "ledger/charges",
            "ledger/arrears",
            "ledger/transparency",
            "ledger/payment-import");

    @Inject
    protected FeaturesService features;

    @Inject
    protected ConfigurationAdmin configurationAdmin;

    @Inject
    protected Navigation navigation;

    @Configuration
    public Option[] config() {
        return distribution();
    }

    @Test
    public void theLedgerModuleBringsItsViewsUnlessHeadless() throws Exception {
        String token = tokenForNewAccount(Role.MANAGER);
        assertFalse(navigation.routes().contains("ledger/billing"));

        setModules("ledger");
        await("ledger views routed", WAIT, () -> navigation.routes().containsAll(ROUTES));
        assertTrue(features.isInstalled(features.getFeature("domus-ledger-ui")));
        Map<String, Navigation.RoutedView> views = navigation.routedViews().stream()
                .filter(v -> ROUTES.contains(v.route()))
                .collect(Collectors.toMap(Navigation.RoutedView::route, v -> v));
        assertEquals(views.keySet().toString(), ROUTES.size(), views.size());
        assertTrue(views.get("ledger/unit").hasParameter());
        assertEquals("registry.unit", views.get("ledger/unit").parameterKind());
        assertFalse(views.get("ledger/unit").inMenu());
        assertEquals("ledger.read", views.get("ledger/unit").permission());
        assertEquals("ledger.billing", views.get("ledger/billing").permission());
        assertEquals("ledger.billing", views.get("ledger/charges").permission());
        assertEquals("registry.home", views.get("ledger/my-payments").permission());
        assertEquals("ledger.post", views.get("ledger/payment-import").permission());
        for (String route : ROUTES) {
            assertFalse(route, views.get(route).hasParameter() && !route.equals("ledger/unit"));
            assertTrue(route, views.get(route).contributed());
        }

        List<String> accountant = navigation.menuRoutes(staff(Role.ACCOUNTANT));
        assertTrue(
                accountant.toString(),
                accountant.containsAll(
                        List.of("ledger/units", "ledger/billing", "ledger/charges", "ledger/payment-import")));
        List<String> manager = navigation.menuRoutes(staff(Role.MANAGER));
        assertTrue(manager.toString(), manager.contains("ledger/units"));
        assertFalse(manager.toString(), manager.contains("ledger/billing") || manager.contains("ledger/charges"));
        assertFalse("a reader may not import payments: " + manager, manager.contains("ledger/payment-import"));
        List<String> technician = navigation.menuRoutes(staff(Role.TECHNICIAN));
        assertTrue(technician.toString(), technician.stream().noneMatch(r -> r.startsWith("ledger/")));

        setModules("ledger:headless");
        await("ledger views gone", WAIT, () -> navigation.routes().stream().noneMatch(ROUTES::contains));
        await("domus-ledger-ui uninstalled", WAIT, () -> !installed("domus-ledger-ui"));
        assertTrue(installed("domus-ledger"));
        // Aries rebuilds the application when the views' bundle leaves: the ledger's REST answers again shortly
        await("ledger REST still there", WAIT, () -> statusOf("/api/ledger/me/units", token) == 200);
    }

    private boolean installed(String feature) {
        try {
            return features.isInstalled(features.getFeature(feature));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Subject staff(Role role) {
        return Subject.of(0, "itest", "Integration test", Locale.ENGLISH, Set.of(RoleGrant.everywhere(role)));
    }

    private void setModules(String modules) throws Exception {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("modules", modules);
        configurationAdmin.getConfiguration("org.domus.modules", null).update(properties);
    }
}
