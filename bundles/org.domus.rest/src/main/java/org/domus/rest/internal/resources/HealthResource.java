package org.domus.rest.internal.resources;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.domus.core.module.ModuleDescriptor;
import org.domus.persistence.MigratedSchema;
import org.domus.rest.Doc;
import org.domus.rest.DomusRest;
import org.domus.rest.Public;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.FieldOption;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /api/health}: for load balancers and monitoring, without credentials. */
@Component(service = HealthResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
@Path("health")
@Public
@Doc("Platform health")
public class HealthResource {

    private static final Logger LOG = LoggerFactory.getLogger(HealthResource.class);
    private static final long TIMEOUT_MILLIS = 3000;

    /** Overall state. */
    public enum Status {
        UP,
        DOWN
    }

    /**
     * The health document.
     *
     * @param status UP when every check passed
     * @param database the database check
     * @param schemas the schema migrations check
     * @param modules installed Domus modules, by id
     */
    public record Health(Status status, Database database, Schemas schemas, List<Module> modules) {}

    /**
     * @param status UP when every started bundle that brings a changelog has its schema migrated
     * @param pending the symbolic names of the bundles whose schema is not (yet) migrated: their services are down,
     *     for a moment while a module installs, for good when its migration failed (see karaf.log)
     */
    public record Schemas(Status status, List<String> pending) {}

    /**
     * @param status UP when a connection was valid within the timeout
     * @param product database product name, e.g. {@code Apache Derby}
     * @param version database product version
     * @param latencyMillis time to borrow and validate a connection
     */
    public record Database(Status status, String product, String version, Long latencyMillis) {}

    /** An installed module. */
    public record Module(String id, String version) {}

    // Optional and dynamic: health must answer, and say DOWN, exactly when the database is missing.
    @Reference(
            target = "(osgi.jndi.service.name=domus)",
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC)
    private volatile DataSource dataSource;

    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            fieldOption = FieldOption.REPLACE)
    private volatile List<ModuleDescriptor> modules = List.of();

    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            fieldOption = FieldOption.REPLACE)
    private volatile List<MigratedSchema> migrated = List.of();

    /** Symbolic names of the started bundles that bring a changelog ({@link MigratedSchema#HEADER}). */
    private final Supplier<Set<String>> withChangelog;

    // A pool can block without limit while borrowing; the check runs on its own thread so that a hung
    // database makes health say DOWN after the timeout instead of hanging the monitor's request.
    private final ExecutorService checker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "domus-health-check");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public HealthResource(BundleContext context) {
        this.withChangelog = () -> {
            Set<String> names = new TreeSet<>();
            for (Bundle bundle : context.getBundles()) {
                if ((bundle.getState() & (Bundle.STARTING | Bundle.ACTIVE)) != 0
                        && bundle.getHeaders("").get(MigratedSchema.HEADER) != null) {
                    names.add(bundle.getSymbolicName());
                }
            }
            return names;
        };
    }

    /** For tests. */
    HealthResource(
            DataSource dataSource,
            List<ModuleDescriptor> modules,
            List<MigratedSchema> migrated,
            Supplier<Set<String>> withChangelog) {
        this.dataSource = dataSource;
        this.modules = modules;
        this.migrated = migrated;
        this.withChangelog = withChangelog;
    }

    @Deactivate
    void deactivate() {
        checker.shutdownNow();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Doc(
            value = "Platform health",
            status = 200,
            response = Health.class,
            description = "Status UP (200) or DOWN (503), the database check, the bundles whose schema is not "
                    + "migrated (their services are down) and the installed modules.")
    public Response health() {
        Health health = check();
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.status(health.status() == Status.UP ? 200 : 503)
                .entity(health)
                .type(MediaType.APPLICATION_JSON)
                .cacheControl(noStore)
                .build();
    }

    Health check() {
        Database database = database();
        List<Module> installed = new ArrayList<>();
        for (ModuleDescriptor module : modules) {
            installed.add(new Module(module.id(), module.version()));
        }
        installed.sort(Comparator.comparing(Module::id));
        Schemas schemas = schemas();
        Status status = database.status() == Status.UP && schemas.status() == Status.UP ? Status.UP : Status.DOWN;
        return new Health(status, database, schemas, installed);
    }

    private Schemas schemas() {
        Set<String> pending = new TreeSet<>(withChangelog.get());
        for (MigratedSchema schema : migrated) {
            pending.remove(schema.bundle());
        }
        return new Schemas(pending.isEmpty() ? Status.UP : Status.DOWN, List.copyOf(pending));
    }

    private Database database() {
        DataSource current = dataSource;
        if (current == null) {
            return new Database(Status.DOWN, null, null, null);
        }
        long start = System.nanoTime();
        CompletableFuture<Database> check;
        try {
            check = CompletableFuture.supplyAsync(() -> probe(current, start), checker);
        } catch (RejectedExecutionException e) {
            return new Database(Status.DOWN, null, null, null);
        }
        try {
            return check.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("health: database did not answer within {} ms", TIMEOUT_MILLIS);
            return new Database(Status.DOWN, null, null, TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Database(Status.DOWN, null, null, null);
        } catch (Exception e) {
            LOG.warn("health: database check failed", e);
            return new Database(Status.DOWN, null, null, null);
        }
    }

    private static Database probe(DataSource source, long start) {
        try (Connection connection = source.getConnection()) {
            boolean valid = connection.isValid((int) (TIMEOUT_MILLIS / 1000));
            DatabaseMetaData meta = connection.getMetaData();
            long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            return new Database(
                    valid ? Status.UP : Status.DOWN,
                    meta.getDatabaseProductName(),
                    meta.getDatabaseProductVersion(),
                    latency);
        } catch (Exception e) {
            LOG.warn("health: database check failed", e);
            return new Database(Status.DOWN, null, null, null);
        }
    }
}
