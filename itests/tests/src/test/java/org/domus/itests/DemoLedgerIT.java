package org.domus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.domus.core.Subject;
import org.domus.core.registry.Building;
import org.domus.core.registry.BuildingFilter;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.RegistryService;
import org.domus.core.registry.Unit;
import org.domus.core.registry.UnitFilter;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;

/**
 * The demo cooperative with the ledger module, as {@code ./domus run} starts it: the demo gets charge
 * components, bank details, billing runs of the last months and payments that leave arrears and a credit;
 * then a billing run over one of its estates charges every unit of the estate exactly what the preview said,
 * and running it again posts nothing.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DemoLedgerIT extends DomusTestSupport {

    private static final Subject ADMIN = Subject.system("demo-ledger-it", "Demo ledger IT");

    @Inject
    protected RegistryService registry;

    @Configuration
    public Option[] config() {
        return distribution(
                editConfigurationFilePut("etc/org.domus.modules.cfg", "modules", "demo:headless, ledger:headless"),
                editConfigurationFilePut("etc/org.domus.demo.cfg", "enabled", "true"),
                editConfigurationFilePut("etc/org.domus.demo.cfg", "units", "600"),
                editConfigurationFilePut("etc/org.domus.demo.cfg", "adminPassword", "Demo-Ledger-Admin-2026"),
                editConfigurationFilePut("etc/org.domus.demo.cfg", "residentPassword", "Demo-Ledger-Resident-2026"));
    }

    private Object service(String className) {
        ServiceReference<?> ref = bundleContext.getServiceReference(className);
        return ref == null ? null : bundleContext.getService(ref);
    }

    @Test
    public void theDemoCooperativeIsBilledAndPaidAndABillingRunOverAnEstateMatchesItsPreview() throws Exception {
        Path log = Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
        await("the demo ledger", Duration.ofMinutes(10), () -> {
            try {
                return Files.exists(log)
                        && Files.readString(log, StandardCharsets.UTF_8).contains("Demo ledger created in");
            } catch (java.io.IOException e) {
                return false;
            }
        });
        Organisation demo = registry.organisations(ADMIN).stream()
                .filter(o -> o.name().equals("Stavební bytové družstvo Domus Demo"))
                .findFirst()
                .orElseThrow();
        assertNotNull("the demo cooperative's bank account", demo.iban());
        assertEquals("GIBACZPX", demo.bic());

        Map<Long, Long> estateOfBuilding = new HashMap<>();
        for (Building b :
                registry.buildings(ADMIN, BuildingFilter.NONE, 0, 1000).items()) {
            estateOfBuilding.put(b.id(), b.estateId());
        }
        List<Unit> units =
                new ArrayList<>(registry.units(ADMIN, UnitFilter.NONE, 0, 1000).items());
        assertEquals(600, units.size());
        long estate = estateOfBuilding.get(units.get(0).buildingId());
        List<Long> unitsOfEstate = units.stream()
                .filter(u -> estateOfBuilding.get(u.buildingId()) == estate)
                .map(Unit::id)
                .toList();

        DemoLedgerScenario.Outcome o = new DemoLedgerScenario(
                        service("org.domus.ledger.LedgerService"), service("org.domus.ledger.BillingService"))
                .run(ADMIN, demo.id(), units.stream().map(Unit::id).toList(), estate, unitsOfEstate);

        // the demo billed the whole cooperative this month, and its payments left debtors and one credit
        assertEquals(1, o.demoRunsOfTheMonth().size());
        assertEquals(600, o.demoRunsOfTheMonth().get(0).units());
        assertTrue("units in arrears: " + o.inArrears(), o.inArrears() > 0);
        assertTrue("units in credit: " + o.inCredit(), o.inCredit() >= 1);
        assertTrue("settled units: " + o.settled(), o.settled() > 0);

        // every unit of the estate charged, each exactly its previewed amount, the total the sum of them
        assertEquals(unitsOfEstate.size(), o.run().units());
        assertEquals(unitsOfEstate.size(), o.chargedPerUnit().size());
        assertEquals(o.previewPerUnit(), o.chargedPerUnit());
        BigDecimal sum = o.chargedPerUnit().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, o.run().total().compareTo(sum));
        assertEquals(0, o.preview().total().compareTo(sum));
        assertFalse(o.run().alreadyPosted());
        // and again: already posted, nothing added
        assertTrue(o.rerun().alreadyPosted());
        assertEquals(o.run().run().id(), o.rerun().run().id());
    }
}
