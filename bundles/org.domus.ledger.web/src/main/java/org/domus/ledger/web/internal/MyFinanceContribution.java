package org.domus.ledger.web.internal;

import java.time.Clock;
import org.domus.core.access.AccessPolicy;
import org.domus.core.registry.RegistryPermissions;
import org.domus.core.registry.RegistryService;
import org.domus.ledger.BillingService;
import org.domus.ledger.ChargeService;
import org.domus.ledger.LedgerService;
import org.domus.ledger.PaymentService;
import org.domus.ledger.payment.CalendarFeedService;
import org.domus.ledger.payment.UnitDocuments;
import org.domus.web.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The resident's "My payments" next to "My home", for everyone who holds or lives in a unit
 * ({@link RegistryPermissions#HOME} follows from current tenures).
 */
@Component(service = ViewContribution.class)
public class MyFinanceContribution extends LedgerContribution {

    @Activate
    public MyFinanceContribution(
            @Reference LedgerService ledger,
            @Reference BillingService billing,
            @Reference ChargeService charges,
            @Reference PaymentService payments,
            @Reference RegistryService registry,
            @Reference AccessPolicy policy,
            @Reference UnitDocuments documents,
            @Reference CalendarFeedService feeds) {
        this(
                new ResidentFinance(
                        ledger, billing, charges, payments, registry, policy, documents, Clock.systemDefaultZone()),
                feeds);
    }

    private MyFinanceContribution(ResidentFinance finance, CalendarFeedService feeds) {
        super(
                "ledger/my-payments",
                MyFinanceView.class,
                "ledger.ui.menu.my",
                "WALLET",
                "menu.group.main",
                6,
                true,
                RegistryPermissions.HOME,
                null,
                () -> new MyFinanceView(finance, feeds));
    }
}
