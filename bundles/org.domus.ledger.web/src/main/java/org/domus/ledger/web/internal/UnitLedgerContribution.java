package org.domus.ledger.web.internal;

import org.domus.core.access.AccessPolicy;
import org.domus.core.registry.RegistryService;
import org.domus.ledger.ChargeService;
import org.domus.ledger.LedgerPermissions;
import org.domus.ledger.LedgerService;
import org.domus.ledger.PaymentService;
import org.domus.web.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** A unit's ledger for staff at {@code ledger/unit/<unit id>}, reached from the unit ledgers list. */
@Component(service = ViewContribution.class)
public class UnitLedgerContribution extends LedgerContribution {

    @Activate
    public UnitLedgerContribution(
            @Reference LedgerService ledger,
            @Reference PaymentService payments,
            @Reference ChargeService charges,
            @Reference RegistryService registry,
            @Reference AccessPolicy policy) {
        super(
                "ledger/unit",
                UnitLedgerView.class,
                "ledger.ui.unit.title",
                "BOOK_DOLLAR",
                GROUP,
                11,
                false,
                LedgerPermissions.READ,
                ViewContribution.PARAMETER_UNIT,
                () -> new UnitLedgerView(ledger, payments, charges, registry, policy));
    }
}
