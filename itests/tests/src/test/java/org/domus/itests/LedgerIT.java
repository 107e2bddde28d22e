package org.domus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.domus.core.Subject;
import org.domus.core.registry.Building;
import org.domus.core.registry.Estate;
import org.domus.core.registry.LegalForm;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.RegistryService;
import org.domus.core.registry.Share;
import org.domus.core.registry.Unit;
import org.domus.core.registry.UnitKind;
import org.domus.core.registry.UnitState;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The ledger module installs from the modules configuration, migrates its schema and serves its services
 * in the running distribution: a billing run, a payment and the balance through the real services.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LedgerIT extends DomusTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Subject ADMIN = Subject.system("ledger-it", "Ledger IT");

    @Inject
    protected FeaturesService features;

    @Inject
    protected ConfigurationAdmin configurationAdmin;

    @Inject
    protected BundleContext context;

    @Inject
    protected RegistryService registry;

    @Configuration
    public Option[] config() {
        return distribution();
    }

    @Test
    public void theLedgerModuleStartsPostsABillingRunAndAPaymentAndReadsTheBalance() throws Exception {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("modules", "ledger:headless");
        configurationAdmin.getConfiguration("org.domus.modules", null).update(properties);
        await(
                "ledger services up",
                WAIT,
                () -> service("org.domus.ledger.BillingService") != null
                        && service("org.domus.ledger.PaymentService") != null
                        && service("org.domus.ledger.ChargeService") != null);
        assertTrue(features.isInstalled(features.getFeature("domus-ledger")));

        Organisation org =
                registry.createOrganisation(ADMIN, new Organisation(0, "SBD Ledger IT", null, "CZ", "CZK", 0));
        Estate estate = registry.createEstate(ADMIN, new Estate(0, org.id(), "Ledger estate", 0));
        Building building = registry.createBuilding(
                ADMIN, new Building(0, estate.id(), "Ledgerova", "1", "Brno", "60200", "CZ", null, null, 0));
        Unit unit = registry.createUnit(
                ADMIN,
                new Unit(
                        0,
                        building.id(),
                        "1",
                        UnitKind.FLAT,
                        1,
                        new BigDecimal("61.50"),
                        3,
                        List.of(),
                        new Share(1, 2),
                        LegalForm.OWNERSHIP,
                        UnitState.OCCUPIED,
                        null,
                        null,
                        null,
                        0));

        // The ledger's API is only wired into this probe once the module is there: use it from a helper class.
        LedgerScenario scenario = new LedgerScenario(
                service("org.domus.ledger.LedgerService"),
                service("org.domus.ledger.ChargeService"),
                service("org.domus.ledger.BillingService"),
                service("org.domus.ledger.PaymentService"));
        LedgerScenario.Outcome outcome = scenario.run(ADMIN, org.id(), unit.id(), YearMonth.of(2026, 3));

        assertEquals(new BigDecimal("1537.50"), outcome.charged()); // 25.00 CZK/m² x 61.50 m²
        assertTrue(outcome.secondRunAlreadyPosted());
        assertEquals(new BigDecimal("37.50"), outcome.balanceAfterPayment());
        assertEquals(new BigDecimal("37.50"), outcome.closingOfMarch());
        assertFalse(outcome.postings() < 2);
    }

    private Object service(String className) {
        ServiceReference<?> ref = context.getServiceReference(className);
        return ref == null ? null : context.getService(ref);
    }
}
