package org.domus.demo.internal.communications;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.domus.communications.AnnouncementService;
import org.domus.communications.ContactDirectory;
import org.domus.communications.MessageService;
import org.domus.core.account.AccountService;
import org.domus.core.registry.RegistryService;
import org.domus.demo.internal.DemoCooperative;
import org.domus.demo.internal.DemoCooperativeReady;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each demo organisation its contact directory ({@link DirectoryDemoData}), announcements and the demo
 * resident's message threads ({@link NewsDemoData}) once both exist: the
 * organisations (announced by {@link DemoCooperative}) and the communications module's services. The demo bundle
 * imports the communications API package optionally, so without the module this component simply stays
 * unsatisfied; installing the module later satisfies it. An organisation that has a directory already is left
 * alone.
 */
@Component(
        service = {},
        immediate = true,
        configurationPid = DemoCooperative.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class DemoCommunications {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCommunications.class);

    private final Thread worker;

    @Activate
    public DemoCommunications(
            @Reference DemoCooperativeReady cooperative,
            @Reference RegistryService registry,
            @Reference AccountService accounts,
            @Reference ContactDirectory directory,
            @Reference AnnouncementService announcements,
            @Reference MessageService messages,
            DemoCooperative.Config config) {
        DirectoryDemoData data = new DirectoryDemoData(registry, accounts, directory);
        NewsDemoData news = new NewsDemoData(registry, accounts, announcements, messages, config.residentLogin());
        List<Long> organisations = cooperative.organisationIds();
        long seed = config.seed();
        // never hold up SCR
        worker = new Thread(() -> run(data, news, organisations, seed), "domus-demo-communications");
        worker.setDaemon(true);
        worker.start();
    }

    private static void run(DirectoryDemoData data, NewsDemoData news, List<Long> organisations, long seed) {
        long start = System.nanoTime();
        List<String> made = new ArrayList<>();
        try {
            for (long organisation : organisations) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                DirectoryDemoData.Result r = data.generateIfEmpty(organisation, seed);
                if (r.created()) {
                    made.add(String.format(
                            Locale.ROOT,
                            "'%s': %d office, %d staff contacts, %d emergency numbers",
                            r.organisation(),
                            r.offices(),
                            r.staff(),
                            r.emergency()));
                } else {
                    LOG.info("Demo contact directory of '{}' not generated: it has one already", r.organisation());
                }
                NewsDemoData.Result n = news.generateIfEmpty(organisation);
                if (n.created()) {
                    made.add(String.format(
                            Locale.ROOT,
                            "'%s': %d announcements, %d message threads",
                            n.organisation(),
                            n.announcements(),
                            n.threads()));
                } else {
                    LOG.info("Demo announcements of '{}' not generated: it has some already", n.organisation());
                }
            }
            if (!made.isEmpty()) {
                LOG.info(
                        "Demo communications created in {} ms: {}",
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                        String.join("; ", made));
            }
        } catch (RuntimeException e) {
            LOG.error("Demo communications not (fully) created: {}", e.toString(), e);
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        worker.interrupt();
        worker.join(TimeUnit.SECONDS.toMillis(60));
    }
}
