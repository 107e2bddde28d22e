package org.domus.demo.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.domus.core.account.AccountService;
import org.domus.core.registry.RegistryService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the demo organisations (see {@link CooperativeGenerator}) when PID {@value #PID} has
 * {@code enabled=true} and the registry is empty, then writes the demo logins to
 * {@code ${karaf.data}/demo-logins.txt}. A registry that holds anything is never touched, which makes it
 * idempotent and harmless on a real installation.
 */
@Component(
        service = {},
        immediate = true,
        configurationPid = DemoCooperative.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DemoCooperative.Config.class)
public class DemoCooperative {

    public static final String PID = "org.domus.demo";
    static final String LOGINS_FILE = "demo-logins.txt";
    private static final Logger LOG = LoggerFactory.getLogger(DemoCooperative.class);

    @ObjectClassDefinition(name = "Domus demo cooperative")
    public @interface Config {
        @AttributeDefinition(description = "Create the demo cooperative when the registry is empty")
        boolean enabled() default false;

        @AttributeDefinition(description = "Units of the three demo organisations together (about 40 units a building)")
        int units() default 600;

        @AttributeDefinition(description = "Random seed: the same seed gives the same cooperative")
        long seed() default 20260101L;

        String adminLogin() default "admin";

        @AttributeDefinition(type = AttributeType.PASSWORD)
        String adminPassword() default "";

        String residentLogin() default "resident";

        @AttributeDefinition(type = AttributeType.PASSWORD)
        String residentPassword() default "";

        @AttributeDefinition(type = AttributeType.PASSWORD, description = "Password of every demo staff account")
        String staffPassword() default "Domus-Demo-Staff-2026";
    }

    private final Thread worker;
    private final BundleContext context;
    private final RegistryService registry;
    private volatile ServiceRegistration<DemoCooperativeReady> ready;

    @Activate
    public DemoCooperative(
            @Reference RegistryService registry,
            @Reference AccountService accounts,
            Config config,
            BundleContext context) {
        this.context = context;
        this.registry = registry;
        if (!config.enabled()) {
            worker = null;
            return;
        }
        Path file = Path.of(System.getProperty("karaf.data", "data"), LOGINS_FILE);
        CooperativeGenerator generator = new CooperativeGenerator(registry, accounts);
        CooperativeGenerator.Settings settings = new CooperativeGenerator.Settings(
                config.units(),
                config.seed(),
                config.adminLogin(),
                config.adminPassword(),
                config.residentLogin(),
                config.residentPassword(),
                config.staffPassword());
        // Hundreds of units and a few dozen password hashes take seconds: never hold up the boot in SCR.
        worker = new Thread(
                () -> {
                    run(generator, settings, file);
                    announce();
                },
                "domus-demo-generator");
        worker.setDaemon(true);
        worker.start();
    }

    private static void run(CooperativeGenerator generator, CooperativeGenerator.Settings settings, Path file) {
        long start = System.nanoTime();
        try {
            CooperativeGenerator.Result result = generator.generateIfEmpty(settings);
            if (!result.created()) {
                LOG.info(
                        "Demo cooperative not generated: the registry is not empty (logins of an earlier run: {})",
                        file);
                return;
            }
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            LoginsFile.write(file, result);
            LOG.info(
                    "Demo cooperative created in {} ms: {}; {} estates, {} buildings, {} units, {} persons, {} tenures,"
                            + " {} logins; logins written to {}",
                    ms,
                    result.organisations().stream()
                            .map(o -> "'" + o.name() + "' (" + o.currency() + ")")
                            .collect(Collectors.joining(", ")),
                    result.estates(),
                    result.buildings(),
                    result.units(),
                    result.persons(),
                    result.tenures(),
                    result.logins().size(),
                    file);
        } catch (IOException e) {
            LOG.error("Demo cooperative created, but its logins could not be written to {}", file, e);
        } catch (RuntimeException e) {
            LOG.error("Demo cooperative not created (nothing was written): {}", e.toString(), e);
        }
    }

    /** Tells the demo's other parts that the organisations exist (whether made now or on an earlier start). */
    private void announce() {
        if (Thread.currentThread().isInterrupted()) {
            return;
        }
        Map<String, Long> byName = new HashMap<>();
        registry.organisations(CooperativeGenerator.SYSTEM).forEach(o -> byName.put(o.name(), o.id()));
        List<Long> ids = CooperativeGenerator.NAMES.stream()
                .filter(byName::containsKey)
                .map(byName::get)
                .toList();
        if (!ids.isEmpty()) {
            DemoCooperativeReady service = () -> ids;
            ready = context.registerService(DemoCooperativeReady.class, service, null);
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (worker != null && worker.isAlive()) {
            // Interrupting makes the generator throw between its steps, which rolls the run back.
            worker.interrupt();
            worker.join(TimeUnit.SECONDS.toMillis(60));
        }
        ServiceRegistration<DemoCooperativeReady> registration = ready;
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping and the framework unregistered it first
            }
        }
    }
}
