package org.domus.ledger.web.internal;

import org.domus.core.registry.RegistryService;
import org.domus.ledger.LedgerPermissions;
import org.domus.ledger.LedgerService;
import org.domus.web.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** "Unit ledgers": the units in the staff member's scope with their balances. */
@Component(service = ViewContribution.class)
public class LedgerUnitsContribution extends LedgerContribution {

    @Activate
    public LedgerUnitsContribution(@Reference RegistryService registry, @Reference LedgerService ledger) {
        super(
                "ledger/units",
                LedgerUnitsView.class,
                "ledger.ui.menu.units",
                "BOOK_DOLLAR",
                GROUP,
                10,
                true,
                LedgerPermissions.READ,
                null,
                () -> new LedgerUnitsView(registry, ledger));
    }
}
