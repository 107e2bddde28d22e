package org.domus.ledger.web.internal;

import org.domus.core.access.AccessPolicy;
import org.domus.core.registry.RegistryService;
import org.domus.ledger.ChargeService;
import org.domus.ledger.LedgerPermissions;
import org.domus.web.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Charge components, rates and exemptions; for holders of {@link LedgerPermissions#BILLING}. */
@Component(service = ViewContribution.class)
public class ChargeSetupContribution extends LedgerContribution {

    @Activate
    public ChargeSetupContribution(
            @Reference ChargeService charges, @Reference RegistryService registry, @Reference AccessPolicy policy) {
        super(
                "ledger/charges",
                ChargeSetupView.class,
                "ledger.ui.menu.charges",
                "COINS",
                GROUP,
                30,
                true,
                LedgerPermissions.BILLING,
                null,
                () -> new ChargeSetupView(charges, registry, policy));
    }
}
