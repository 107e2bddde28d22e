package org.domus.core.internal.modules;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the modules named in {@code etc/org.domus.modules.cfg} at start, and follows edits of that
 * file: a module added there is installed, a module removed from it is uninstalled (its data stays in
 * the database for a later reinstall). Modules installed by hand with {@code feature:install} are left
 * alone.
 */
@Component(configurationPid = "org.domus.modules", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ModuleInstaller.Config.class)
public class ModuleInstaller {

    @ObjectClassDefinition(name = "Domus modules", description = "Which Domus modules this installation runs")
    public @interface Config {
        @AttributeDefinition(description = "Module ids, comma separated; 'id:headless' installs no views")
        String modules() default "";
    }

    private static final Logger LOG = LoggerFactory.getLogger(ModuleInstaller.class);

    /** Keeps the platform's bundles running while a module comes or goes. */
    private static final EnumSet<FeaturesService.Option> OPTIONS =
            EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);

    private final FeaturesService features;
    // The features service may be busy installing the boot features (even this bundle): never block it.
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "domus-module-installer");
        thread.setDaemon(true);
        return thread;
    });
    private Set<String> selected = Set.of();

    @Activate
    public ModuleInstaller(@Reference FeaturesService features, Config config) {
        this.features = features;
        apply(config);
    }

    @Modified
    void modified(Config config) {
        apply(config);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(30, TimeUnit.SECONDS);
    }

    private synchronized void apply(Config config) {
        ModuleSelection selection = ModuleSelection.parse(config.modules());
        selection.errors().forEach(error -> LOG.error("etc/org.domus.modules.cfg: {}", error));
        Set<String> removed = new LinkedHashSet<>(selected);
        removed.removeAll(selection.features());
        Set<String> wanted = selection.features();
        selected = wanted;
        worker.execute(() -> {
            uninstall(removed);
            install(wanted);
        });
    }

    private void install(Set<String> wanted) {
        Set<String> missing = new LinkedHashSet<>();
        for (String name : wanted) {
            try {
                Feature feature = features.getFeature(name);
                if (feature == null) {
                    if (!name.endsWith("-ui")) {
                        LOG.error("Module feature {} is not known to this distribution", name);
                    }
                    continue;
                }
                if (!features.isInstalled(feature)) {
                    missing.add(name);
                }
            } catch (Exception e) {
                LOG.error("Cannot look up module feature {}", name, e);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        try {
            LOG.info("Installing modules named in etc/org.domus.modules.cfg: {}", missing);
            features.installFeatures(missing, OPTIONS);
        } catch (Exception e) {
            LOG.error("Installing modules {} failed; the platform keeps running without them", missing, e);
        }
    }

    private void uninstall(Set<String> removed) {
        for (String name : removed) {
            try {
                Feature feature = features.getFeature(name);
                if (feature != null && features.isInstalled(feature)) {
                    LOG.info("Uninstalling module feature {} (removed from etc/org.domus.modules.cfg)", name);
                    features.uninstallFeature(name, OPTIONS);
                }
            } catch (Exception e) {
                LOG.error("Uninstalling module feature {} failed", name, e);
            }
        }
    }
}
