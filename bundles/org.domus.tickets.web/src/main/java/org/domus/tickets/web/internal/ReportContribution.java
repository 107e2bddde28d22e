package org.domus.tickets.web.internal;

import org.domus.core.access.AccessPolicy;
import org.domus.core.registry.RegistryPermissions;
import org.domus.core.registry.RegistryService;
import org.domus.tickets.TicketAttachments;
import org.domus.tickets.TicketConfiguration;
import org.domus.tickets.TicketService;
import org.domus.web.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The resident's "Report a problem", reached from "My requests" (and the menu). */
@Component(service = ViewContribution.class)
public class ReportContribution extends TicketsContribution {

    static final String ROUTE = "tickets/report";

    @Activate
    public ReportContribution(
            @Reference TicketService tickets,
            @Reference TicketAttachments attachments,
            @Reference TicketConfiguration configuration,
            @Reference RegistryService registry,
            @Reference AccessPolicy policy) {
        super(
                ROUTE,
                ReportView.class,
                "tickets.ui.menu.report",
                "EDIT",
                RESIDENT_GROUP,
                8,
                true,
                RegistryPermissions.HOME,
                null,
                () -> new ReportView(tickets, attachments, configuration, registry, policy));
    }
}
