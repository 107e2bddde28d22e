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
import java.util.Set;
import javax.inject.Inject;
import org.domus.core.Subject;
import org.domus.core.registry.Building;
import org.domus.core.registry.BuildingFilter;
import org.domus.core.registry.Estate;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.PaymentIdentifiers;
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
 * The demo organisations with the ledger module, as {@code ./domus run} starts them: a Czech, a Polish and a
 * Romanian one, each with its bank details, charge components under local names at local rates in its own
 * currency, billing runs of the last months and payments that leave arrears and a credit;
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
    public void theDemoOrganisationsAreBilledInTheirOwnCurrenciesAndAnEstateRunMatchesItsPreview() throws Exception {
        Path log = Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
        await("the demo ledger", Duration.ofMinutes(10), () -> {
            try {
                return Files.exists(log)
                        && Files.readString(log, StandardCharsets.UTF_8).contains("Demo ledger created in");
            } catch (java.io.IOException e) {
                return false;
            }
        });
        // three organisations, each in its own currency with its own bank account
        Map<String, Organisation> demo = new HashMap<>();
        for (Organisation o : registry.organisations(ADMIN)) {
            demo.put(o.country(), o);
        }
        assertEquals(Set.of("CZ", "PL", "RO"), demo.keySet());
        Organisation cz = demo.get("CZ");
        assertEquals("Stavební bytové družstvo Domus Demo", cz.name());
        assertEquals("CZK", cz.currency());
        assertTrue(cz.iban(), cz.iban().startsWith("CZ"));
        assertEquals("GIBACZPX", cz.bic());
        Organisation pl = demo.get("PL");
        assertEquals("PLN", pl.currency());
        assertTrue(pl.iban(), pl.iban().startsWith("PL"));
        assertTrue(pl.taxId(), PaymentIdentifiers.isValidNip(pl.taxId()));
        Organisation ro = demo.get("RO");
        assertEquals("RON", ro.currency());
        assertTrue(ro.iban(), ro.iban().startsWith("RO"));
        assertNotNull("the association's fiscal code", ro.taxId());

        Map<Long, Long> organisationOfEstate = new HashMap<>();
        for (Estate e : registry.estates(ADMIN, 0, 100).items()) {
            organisationOfEstate.put(e.id(), e.organisationId());
        }
        Map<Long, Long> estateOfBuilding = new HashMap<>();
        for (Building b :
                registry.buildings(ADMIN, BuildingFilter.NONE, 0, 1000).items()) {
            estateOfBuilding.put(b.id(), b.estateId());
        }
        List<Unit> units =
                new ArrayList<>(registry.units(ADMIN, UnitFilter.NONE, 0, 1000).items());
        assertEquals(600, units.size());
        Map<Long, Long> aUnitOf = new HashMap<>();
        Map<Long, Integer> unitsOf = new HashMap<>();
        for (Unit u : units) {
            long org = organisationOfEstate.get(estateOfBuilding.get(u.buildingId()));
            aUnitOf.putIfAbsent(org, u.id());
            unitsOf.merge(org, 1, Integer::sum);
        }
        long estate = estateOfBuilding.get(units.get(0).buildingId());
        List<Long> unitsOfEstate = units.stream()
                .filter(u -> estateOfBuilding.get(u.buildingId()) == estate)
                .map(Unit::id)
                .toList();

        DemoLedgerScenario.Outcome o = new DemoLedgerScenario(
                        service("org.domus.ledger.LedgerService"),
                        service("org.domus.ledger.BillingService"),
                        service("org.domus.ledger.ChargeService"))
                .run(ADMIN, aUnitOf, units.stream().map(Unit::id).toList(), estate, unitsOfEstate);

        // the demo billed each organisation this month, every unit of it, in the organisation's own currency
        for (Organisation org : demo.values()) {
            DemoLedgerScenario.MonthRuns runs = o.demoRunsOfTheMonth().get(org.id());
            assertEquals(org.name(), 1, runs.runs());
            assertEquals(org.name(), 200, runs.units());
            assertEquals(200, unitsOf.get(org.id()).intValue());
            assertEquals(org.currency(), runs.currency());
        }
        // under the local names of the components, at local rates: nothing converted between currencies
        assertTrue(
                o.componentNames().get(cz.id()).toString(),
                o.componentNames().get(cz.id()).contains("Fond oprav"));
        assertEquals(
                Set.of("Eksploatacja", "Fundusz remontowy", "Zaliczka na wodę i ścieki", "Wywóz śmieci"),
                Set.copyOf(o.componentNames().get(pl.id())));
        assertEquals(
                Set.of("Întreținere părți comune", "Fond de reparații", "Apă rece și canal", "Salubrizare"),
                Set.copyOf(o.componentNames().get(ro.id())));
        Map<String, BigDecimal> fund =
                Map.of("CZ", new BigDecimal("30.00"), "PL", new BigDecimal("2.50"), "RO", new BigDecimal("1.50"));
        Map<String, String> fundCode =
                Map.of("CZ", "CZ_FOND_OPRAV", "PL", "PL_FUNDUSZ_REMONTOWY", "RO", "RO_FOND_REPARATII");
        Map<Long, Unit> byId = new HashMap<>();
        units.forEach(u -> byId.put(u.id(), u));
        for (Organisation org : demo.values()) {
            String code = fundCode.get(org.country());
            assertAmount(
                    o.rates().toString(),
                    fund.get(org.country()),
                    o.rates().get(org.id()).get(code));
            // the repair fund of a unit of the organisation: its floor area times the local rate per m²
            BigDecimal area = byId.get(aUnitOf.get(org.id())).area();
            BigDecimal amount = o.chargedToAUnit().get(org.id()).get(code);
            assertNotNull(o.chargedToAUnit().toString(), amount);
            assertTrue(
                    amount + " for " + area + " m² at " + fund.get(org.country()),
                    amount.subtract(area.multiply(fund.get(org.country())))
                                    .abs()
                                    .compareTo(new BigDecimal("0.01"))
                            <= 0);
        }
        assertAmount(
                "Správa domu", new BigDecimal("290.00"), o.rates().get(cz.id()).get("CZ_SPRAVA"));
        assertAmount(
                "Wywóz śmieci", new BigDecimal("37.00"), o.rates().get(pl.id()).get("PL_SMIECI"));
        assertAmount(
                "Întreținere", new BigDecimal("60.00"), o.rates().get(ro.id()).get("RO_INTRETINERE"));
        // and the residents' payments left debtors and a credit
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

    /** Equal amounts whatever their scale (the ledger stores rates to four decimals). */
    private static void assertAmount(String message, BigDecimal expected, BigDecimal actual) {
        assertNotNull(message, actual);
        assertEquals(message + ": " + actual, 0, expected.compareTo(actual));
    }
}
