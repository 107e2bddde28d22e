package org.domus.ledger.web.internal;

import org.domus.core.access.AccessPolicy;
import org.domus.core.registry.RegistryService;
import org.domus.ledger.LedgerPermissions;
import org.domus.ledger.imports.PaymentImportService;
import org.domus.web.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Bank statement import: upload, preview, apply; for holders of {@link LedgerPermissions#POST}. */
@Component(service = ViewContribution.class)
public class PaymentImportContribution extends LedgerContribution {

    @Activate
    public PaymentImportContribution(
            @Reference PaymentImportService imports,
            @Reference RegistryService registry,
            @Reference AccessPolicy policy) {
        super(
                "ledger/payment-import",
                PaymentImportView.class,
                "ledger.ui.menu.import",
                "UPLOAD",
                GROUP,
                25,
                true,
                LedgerPermissions.POST,
                null,
                () -> new PaymentImportView(imports, registry, policy));
    }
}
