package org.domus.demo.internal.communications;

import java.util.List;
import java.util.Locale;
import org.domus.communications.AnnouncementService;
import org.domus.communications.MessageService;
import org.domus.core.account.AccountService;
import org.domus.core.registry.RegistryService;
import org.domus.demo.internal.DemoCooperative;
import org.domus.demo.internal.DemoCooperativeReady;
import org.domus.demo.internal.OrganisationDemoWorker;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

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

    private final OrganisationDemoWorker worker;

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
        worker = OrganisationDemoWorker.start(
                "announcements and threads", "domus-demo-news", organisations, organisation -> {
                    NewsDemoData.Result r = news.generateIfEmpty(organisation);
                    return r.created()
                            ? OrganisationDemoWorker.Outcome.made(
                                    r.organisation(),
                                    String.format(
                                            Locale.ROOT,
                                            "%d announcements, %d message threads",
                                            r.announcements(),
                                            r.threads()))
                            : OrganisationDemoWorker.Outcome.skipped(r.organisation(), "it has some already");
                });
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        worker.stop();
    }
}
