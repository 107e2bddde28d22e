package org.domus.persistence.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import liquibase.Liquibase;
import liquibase.resource.OSGiResourceAccessor;
import org.domus.persistence.DomusDataSource;
import org.domus.persistence.MigratedSchema;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The migrations extender: applies the Liquibase changelog named by a bundle's
 * {@value MigratedSchema#HEADER} header to the Domus DataSource and then registers a
 * {@link MigratedSchema} for that bundle.
 *
 * <p>Migrations run on one thread, one bundle after another, because every changelog shares
 * Liquibase's lock table and a module's changelog may build on the platform's tables; running them
 * off the framework's event thread keeps bundle starts from waiting on DDL. When the DataSource goes
 * away (or is rebound after a configuration change) this component is deactivated, every
 * MigratedSchema disappears and the dependent components stop; on reactivation the changelogs run
 * again, which is a no-op for a current schema.
 */
@Component(
        immediate = true,
        service = {})
public final class MigrationsExtender implements BundleTrackerCustomizer<MigrationsExtender.Tracked> {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationsExtender.class);

    /** Attempts of one bundle's migration before its services are given up. */
    static final int ATTEMPTS = 5;

    /** Pause after the first failed attempt; it doubles after each (2, 4, 8, 16 s). */
    static final long RETRY_MILLIS = 2000;

    private final BundleContext context;
    private final DataSource dataSource;
    private final LiquibaseMigrator migrator = new LiquibaseMigrator();
    private final ExecutorService worker;
    private final BundleTracker<Tracked> tracker;

    @Activate
    public MigrationsExtender(
            BundleContext context, @Reference(target = DomusDataSource.TARGET) DataSource dataSource) {
        this.context = context;
        this.dataSource = dataSource;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "domus-migrations");
            t.setDaemon(true);
            return t;
        });
        this.tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, this);
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close(); // removedBundle unregisters every MigratedSchema
        worker.shutdownNow();
        try {
            if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("A migration was still running when the extender stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Tracked addingBundle(Bundle bundle, BundleEvent event) {
        String changelog = bundle.getHeaders("").get(MigratedSchema.HEADER);
        if (changelog == null || changelog.isBlank()) {
            return null;
        }
        Tracked tracked = new Tracked(bundle, changelog.trim());
        worker.execute(() -> migrate(tracked));
        return tracked;
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, Tracked tracked) {
        // STARTING -> ACTIVE: nothing changes for the schema.
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, Tracked tracked) {
        tracked.close();
    }

    private void migrate(Tracked tracked) {
        Bundle bundle = tracked.bundle;
        String name = bundle.getSymbolicName();
        for (int attempt = 1; ; attempt++) {
            if (tracked.isClosed()) {
                return;
            }
            long start = System.nanoTime();
            try {
                LiquibaseMigrator.Result result = migrator.migrate(
                        dataSource,
                        new OSGiResourceAccessor(bundle),
                        Liquibase.class.getClassLoader(),
                        tracked.changelog);
                LOG.info(
                        "Schema of {} is current: {} changeset(s) applied from {} in {} ms",
                        name,
                        result.changeSetsApplied(),
                        tracked.changelog,
                        (System.nanoTime() - start) / 1_000_000);
                tracked.register(result.changeSetsApplied());
                return;
            } catch (RuntimeException e) {
                // A connection the database closed under us (its engine restarting while Karaf deploys features
                // at boot) fails one attempt; a changeset that cannot run fails them all. Each changeset is its own
                // transaction, so a new attempt carries on after the last one applied.
                if (attempt >= ATTEMPTS) {
                    // The bundle's services stay down: nothing registers MigratedSchema for it.
                    LOG.error(
                            "Migrations of bundle {} ({}) failed {} times; its services will not start: {}",
                            name,
                            tracked.changelog,
                            attempt,
                            e.getMessage(),
                            e);
                    return;
                }
                long pause = RETRY_MILLIS << (attempt - 1);
                LOG.warn(
                        "Migrations of bundle {} ({}) failed, attempt {} of {}; trying again in {} ms: {}",
                        name,
                        tracked.changelog,
                        attempt,
                        ATTEMPTS,
                        pause,
                        e.getMessage());
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } catch (LinkageError e) {
                // A class Liquibase needs could not be loaded: no new attempt can load it. Logged here: left to the
                // executor it would only reach the console, and the installation would sit without services and
                // without a word in its log.
                LOG.error(
                        "Migrations of bundle {} ({}) failed; its services will not start: {}",
                        name,
                        tracked.changelog,
                        e.getMessage(),
                        e);
                return;
            }
        }
    }

    /** One bundle with a changelog, and its MigratedSchema registration once migrated. */
    final class Tracked {
        final Bundle bundle;
        final String changelog;
        private ServiceRegistration<MigratedSchema> registration;
        private boolean closed;

        Tracked(Bundle bundle, String changelog) {
            this.bundle = bundle;
            this.changelog = changelog;
        }

        synchronized boolean isClosed() {
            return closed;
        }

        synchronized void register(int applied) {
            if (closed) {
                return;
            }
            String name = bundle.getSymbolicName();
            MigratedSchema schema = new Schema(name, applied);
            Dictionary<String, Object> props = new Hashtable<>();
            props.put(MigratedSchema.PROPERTY, name);
            props.put(Constants.SERVICE_DESCRIPTION, "Schema of " + name + " migrated from " + changelog);
            registration = context.registerService(MigratedSchema.class, schema, props);
        }

        synchronized void close() {
            closed = true;
            if (registration != null) {
                try {
                    registration.unregister();
                } catch (IllegalStateException alreadyGone) {
                    // the extender's own bundle is stopping: the framework unregistered it
                }
                registration = null;
            }
        }
    }

    private record Schema(String bundle, int changeSetsApplied) implements MigratedSchema {}
}
