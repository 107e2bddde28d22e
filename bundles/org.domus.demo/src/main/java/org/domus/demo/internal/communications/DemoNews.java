package org.domus.demo.internal.communications;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.domus.communications.AnnouncementService;
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
 * Gives each demo organisation its announcements and the demo resident its message threads ({@link NewsDemoData})
 * once both exist: the organisations (announced by {@link DemoCooperative}) and the communications module's
 * announcement and message services. Without the module this component simply stays unsatisfied; installing the
 * module later satisfies it. An organisation that has announcements already is left alone. Kept apart from
 * {@link DemoDirectory} so that the directory is made even while the announcements wait for their services (the
 * platform's audience among them).
 */
@Component(
        service = {},
        immediate = true,
        configurationPid = DemoCooperative.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class DemoNews {

    private static final Logger LOG = LoggerFactory.getLogger(DemoNews.class);

    private final Thread worker;

    @Activate
    public DemoNews(
            @Reference DemoCooperativeReady cooperative,
            @Reference RegistryService registry,
            @Reference AccountService accounts,
            @Reference AnnouncementService announcements,
            @Reference MessageService messages,
            DemoCooperative.Config config) {
        NewsDemoData news = new NewsDemoData(registry, accounts, announcements, messages, config.residentLogin());
        List<Long> organisations = cooperative.organisationIds();
        // never hold up SCR
        worker = new Thread(() -> run(news, organisations), "domus-demo-news");
        worker.setDaemon(true);
        worker.start();
    }

    private static void run(NewsDemoData news, List<Long> organisations) {
        long start = System.nanoTime();
        List<String> made = new ArrayList<>();
        try {
            for (long organisation : organisations) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
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
                        "Demo announcements and threads created in {} ms: {}",
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                        String.join("; ", made));
            }
        } catch (RuntimeException e) {
            LOG.error("Demo announcements and threads not (fully) created: {}", e.toString(), e);
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        worker.interrupt();
        worker.join(TimeUnit.SECONDS.toMillis(60));
    }
}
