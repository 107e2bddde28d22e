package org.domus.tickets.web.internal;

import org.domus.core.registry.RegistryPermissions;
import org.domus.core.registry.RegistryService;
import org.domus.tickets.TicketService;
import org.domus.web.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The resident's "My requests" next to "My home", for everyone who holds or lives in a unit
 * ({@link RegistryPermissions#HOME} follows from current tenures).
 */
@Component(service = ViewContribution.class)
public class MyTicketsContribution extends TicketsContribution {

    static final String ROUTE = "tickets/my";

    @Activate
    public MyTicketsContribution(@Reference TicketService tickets, @Reference RegistryService registry) {
        super(
                ROUTE,
                MyTicketsView.class,
                "tickets.ui.menu.my",
                "WRENCH",
                RESIDENT_GROUP,
                7,
                true,
                RegistryPermissions.HOME,
                null,
                () -> new MyTicketsView(tickets, registry));
    }
}
