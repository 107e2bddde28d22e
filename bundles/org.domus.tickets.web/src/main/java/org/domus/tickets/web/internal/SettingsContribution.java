package org.domus.tickets.web.internal;

import org.domus.core.registry.RegistryService;
import org.domus.tickets.PublicTickets;
import org.domus.tickets.TicketConfiguration;
import org.domus.tickets.TicketsPermissions;
import org.domus.web.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Ticket categories, deadline rules and public form codes ({@link TicketsPermissions#CONFIGURE}). */
@Component(service = ViewContribution.class)
public class SettingsContribution extends TicketsContribution {

    @Activate
    public SettingsContribution(
            @Reference TicketConfiguration configuration,
            @Reference PublicTickets publicTickets,
            @Reference RegistryService registry) {
        super(
                "tickets/settings",
                SettingsView.class,
                "tickets.admin.settings.menu",
                "COG_O",
                GROUP,
                45,
                true,
                TicketsPermissions.CONFIGURE,
                null,
                () -> new SettingsView(configuration, publicTickets, registry));
    }
}
