package org.domus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
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
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * The ledger's payment reminders in the running distribution, as the communications module will see them: a
 * handler of {@code org/domus/ledger/*} gets the billing run's per-unit amounts and one PAYMENT_DUE and one
 * PAYMENT_OVERDUE per owing unit, with plain-typed properties and the SPAYD text of the unit's QR code;
 * running the job again posts nothing twice.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PaymentRemindersIT extends DomusTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Subject ADMIN = Subject.system("reminders-it", "Reminders IT");
    /** A valid Czech IBAN (mod 97). */
    private static final String IBAN = "CZ6508000000192000145399";

    @Inject
    protected ConfigurationAdmin configurationAdmin;

    @Inject
    protected BundleContext context;

    @Inject
    protected RegistryService registry;

    @Inject
    protected SessionFactory sessions;

    @Configuration
    public Option[] config() {
        return distribution();
    }

    private Object service(String name) {
        var ref = context.getServiceReference(name);
        return ref == null ? null : context.getService(ref);
    }

    @Test
    public void remindersReachAnEventHandlerOnceWithTheAmountAndTheQrCodeText() throws Exception {
        Dictionary<String, Object> modules = new Hashtable<>();
        modules.put("modules", "ledger:headless");
        configurationAdmin.getConfiguration("org.domus.modules", null).update(modules);
        await(
                "ledger reminders up",
                WAIT,
                () -> service("org.domus.ledger.payment.PaymentReminders") != null
                        && service("org.domus.ledger.BillingService") != null);

        List<Event> events = new CopyOnWriteArrayList<>();
        Dictionary<String, Object> topics = new Hashtable<>();
        topics.put(EventConstants.EVENT_TOPIC, new String[] {"org/domus/ledger/*"});
        ServiceRegistration<EventHandler> handler = context.registerService(EventHandler.class, events::add, topics);
        try {
            Organisation created =
                    registry.createOrganisation(ADMIN, new Organisation(0, "SBD Reminders", null, "CZ", "CZK", 0));
            Organisation org = registry.updateOrganisation(
                    ADMIN,
                    new Organisation(
                            created.id(),
                            created.name(),
                            null,
                            "CZ",
                            "CZK",
                            IBAN,
                            null,
                            null,
                            null,
                            created.version()));
            Estate estate = registry.createEstate(ADMIN, new Estate(0, org.id(), "Reminders", 0));
            Building building = registry.createBuilding(
                    ADMIN, new Building(0, estate.id(), "Upominkova", "3", "Brno", "60200", "CZ", null, null, 0));
            List<Unit> units = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                units.add(registry.createUnit(
                        ADMIN,
                        new Unit(
                                0,
                                building.id(),
                                Integer.toString(i),
                                UnitKind.FLAT,
                                1,
                                null,
                                new BigDecimal("50.00"),
                                2,
                                List.of(),
                                new Share(1, 2),
                                LegalForm.OWNERSHIP,
                                UnitState.OCCUPIED,
                                null,
                                "7700" + i,
                                null,
                                0)));
            }
            long paying = units.get(1).id();

            PaymentRemindersScenario.Outcome outcome = new PaymentRemindersScenario(
                            service("org.domus.ledger.ChargeService"),
                            service("org.domus.ledger.BillingService"),
                            service("org.domus.ledger.PaymentService"),
                            service("org.domus.ledger.payment.PaymentReminders"))
                    .run(ADMIN, org.id(), paying, YearMonth.of(2026, 3));

            assertEquals(2, outcome.dueRun().due());
            assertEquals(0, outcome.dueAgain().due());
            assertEquals(2, outcome.dueAgain().alreadySent());
            assertEquals(2, outcome.overdueRun().overdue());
            await(
                    "two due and two overdue reminders delivered",
                    WAIT,
                    () -> of(events, "org/domus/ledger/PAYMENT_DUE").size() == 2
                            && of(events, "org/domus/ledger/PAYMENT_OVERDUE").size() == 2);

            Map<Long, Event> due = new HashMap<>();
            of(events, "org/domus/ledger/PAYMENT_DUE").forEach(e -> due.put((Long) e.getProperty("unitId"), e));
            Event first = due.get(units.get(0).id());
            assertEquals(org.id(), first.getProperty("organisationId"));
            assertEquals(building.id(), first.getProperty("buildingId"));
            assertEquals("Upominkova 3, 1", first.getProperty("unitLabel"));
            assertEquals("1000.00", first.getProperty("amount"));
            assertEquals("CZK", first.getProperty("currency"));
            assertEquals("2026-03-31", first.getProperty("dueDate"));
            assertEquals("2026-03", first.getProperty("month"));
            assertEquals(IBAN, first.getProperty("account"));
            assertEquals("77001", first.getProperty("reference"));
            assertEquals("SPAYD", first.getProperty("qrStandard"));
            String payload = (String) first.getProperty("qrPayload");
            assertTrue(payload, payload.startsWith("SPD*1.0*ACC:" + IBAN + "*AM:1000.00*CC:CZK*"));
            assertTrue(payload, payload.contains("X-VS:77001"));
            assertEquals("due:" + units.get(0).id() + ":2026-03-31", first.getProperty("reminderKey"));
            assertEquals("600.00", due.get(paying).getProperty("amount"));

            Event overdue = of(events, "org/domus/ledger/PAYMENT_OVERDUE").stream()
                    .filter(e -> e.getProperty("unitId").equals(paying))
                    .findFirst()
                    .orElseThrow();
            assertEquals("600.00", overdue.getProperty("amount"));
            assertEquals(5, overdue.getProperty("daysOverdue"));

            Event posted = of(events, "org/domus/ledger/BILLING_RUN_POSTED").stream()
                    .filter(e -> e.getProperty("organisationId").equals(org.id()))
                    .findFirst()
                    .orElseThrow();
            long[] unitIds = (long[]) posted.getProperty("unitIds");
            String[] amounts = (String[]) posted.getProperty("amounts");
            assertEquals(2, unitIds.length);
            assertEquals("1000.00", amounts[0]);
            assertEquals("1000.00", amounts[1]);
            assertEquals("2026-03-31", posted.getProperty("dueDate"));

            // the operator's command runs the same job: the day's reminders were posted, so nothing again
            String output = console("domus:payment-reminders --date 2026-03-28");
            assertTrue(output, output.contains("0 due reminders and 0 overdue reminders posted, 2 posted before"));
            assertTrue(console("domus:payment-reminders --date 28.3.2026").contains("Error: expected a date"));
            assertEquals(2, of(events, "org/domus/ledger/PAYMENT_DUE").size());
        } finally {
            handler.unregister();
        }
    }

    private String console(String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessions.create(System.in, out, out);
        try {
            session.execute(command);
        } finally {
            session.close();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static List<Event> of(List<Event> events, String topic) {
        return events.stream().filter(e -> e.getTopic().equals(topic)).toList();
    }
}
