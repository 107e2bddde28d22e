package org.domus.demo.internal.communications;

import java.util.List;
import java.util.Locale;
import org.domus.communications.ContactDirectory;
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
 * Gives each demo organisation its contact directory ({@link DirectoryDemoData}) once both exist: the
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
public class DemoDirectory {

    private final OrganisationDemoWorker worker;

    @Activate
    public DemoDirectory(
            @Reference DemoCooperativeReady cooperative,
            @Reference RegistryService registry,
            @Reference AccountService accounts,
            @Reference ContactDirectory directory,
            DemoCooperative.Config config) {
        DirectoryDemoData data = new DirectoryDemoData(registry, accounts, directory);
        List<Long> organisations = cooperative.organisationIds();
        long seed = config.seed();
        worker = OrganisationDemoWorker.start(
                "contact directory", "domus-demo-directory", organisations, organisation -> {
                    DirectoryDemoData.Result r = data.generateIfEmpty(organisation, seed);
                    return r.created()
                            ? OrganisationDemoWorker.Outcome.made(
                                    r.organisation(),
                                    String.format(
                                            Locale.ROOT,
                                            "%d office, %d staff contacts, %d emergency numbers",
                                            r.offices(),
                                            r.staff(),
                                            r.emergency()))
                            : OrganisationDemoWorker.Outcome.skipped(r.organisation(), "it has one already");
                });
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        worker.stop();
    }
}
