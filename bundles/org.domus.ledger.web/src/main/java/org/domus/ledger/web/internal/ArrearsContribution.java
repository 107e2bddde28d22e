package org.domus.ledger.web.internal;

import org.domus.ledger.LedgerPermissions;
import org.domus.ledger.LedgerReports;
import org.domus.web.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The arrears list for staff who read ledgers ({@link LedgerPermissions#READ}, within their scope). */
@Component(service = ViewContribution.class)
public class ArrearsContribution extends LedgerContribution {

    @Activate
    public ArrearsContribution(@Reference LedgerReports reports) {
        super(
                "ledger/arrears",
                ArrearsView.class,
                "ledger.ui.menu.arrears",
                "EXCLAMATION_CIRCLE_O",
                GROUP,
                15,
                true,
                LedgerPermissions.READ,
                null,
                () -> new ArrearsView(reports));
    }
}
