package org.domus.tickets.web.internal;

import org.domus.core.account.AccountService;
import org.domus.core.registry.RegistryService;
import org.domus.tickets.ContractorService;
import org.domus.tickets.TicketConfiguration;
import org.domus.tickets.TicketsPermissions;
import org.domus.web.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Contractor companies and their workers, for staff who keep them ({@link TicketsPermissions#CONTRACTORS}). */
@Component(service = ViewContribution.class)
public class ContractorsContribution extends TicketsContribution {

    @Activate
    public ContractorsContribution(
            @Reference ContractorService contractors,
            @Reference TicketConfiguration configuration,
            @Reference AccountService accounts,
            @Reference RegistryService registry) {
        super(
                "tickets/contractors",
                ContractorsView.class,
                "tickets.admin.contractors.menu",
                "TOOLS",
                GROUP,
                44,
                true,
                TicketsPermissions.CONTRACTORS,
                null,
                () -> new ContractorsView(contractors, configuration, accounts, registry));
    }
}
