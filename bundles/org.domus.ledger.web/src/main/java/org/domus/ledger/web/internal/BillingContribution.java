package org.domus.ledger.web.internal;

import org.domus.core.access.AccessPolicy;
import org.domus.core.registry.RegistryService;
import org.domus.ledger.BillingService;
import org.domus.ledger.LedgerPermissions;
import org.domus.web.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Billing runs: preview, post with progress, reverse; for holders of {@link LedgerPermissions#BILLING}. */
@Component(service = ViewContribution.class)
public class BillingContribution extends LedgerContribution {

    @Activate
    public BillingContribution(
            @Reference BillingService billing, @Reference RegistryService registry, @Reference AccessPolicy policy) {
        super(
                "ledger/billing",
                BillingView.class,
                "ledger.ui.menu.billing",
                "INVOICE",
                GROUP,
                20,
                true,
                LedgerPermissions.BILLING,
                null,
                () -> new BillingView(billing, registry, policy));
    }
}
