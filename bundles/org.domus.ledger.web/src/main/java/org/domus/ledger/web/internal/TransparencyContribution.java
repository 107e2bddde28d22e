package org.domus.ledger.web.internal;

import org.domus.core.access.AccessPolicy;
import org.domus.core.registry.RegistryService;
import org.domus.ledger.LedgerPermissions;
import org.domus.ledger.LedgerReports;
import org.domus.web.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The board's transparency report ({@link LedgerPermissions#READ} on the whole organisation). */
@Component(service = ViewContribution.class)
public class TransparencyContribution extends LedgerContribution {

    @Activate
    public TransparencyContribution(
            @Reference LedgerReports reports, @Reference RegistryService registry, @Reference AccessPolicy policy) {
        super(
                "ledger/transparency",
                TransparencyView.class,
                "ledger.ui.menu.transparency",
                "CHART",
                GROUP,
                16,
                true,
                LedgerPermissions.READ,
                null,
                () -> new TransparencyView(reports, registry, policy));
    }
}
