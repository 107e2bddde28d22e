package org.domus.tickets.web.internal;

import com.vaadin.flow.component.Component;
import java.util.function.Supplier;
import org.domus.core.access.Permission;
import org.domus.web.StaticViewContribution;

/**
 * What the tickets' view contributions share: each is a DS component holding the services its view needs,
 * and states only its route, menu entry, permission and how to build the view.
 */
abstract class TicketsContribution extends StaticViewContribution {

    /** The shell's operations group: the staff's and the contractors' ticket views. */
    static final String GROUP = "menu.group.operations";

    /** The residents' group: their own requests sit next to "My home". */
    static final String RESIDENT_GROUP = "menu.group.main";

    /** {@link org.domus.web.ViewContribution#parameterKind()} of a view whose URL parameter is a ticket id. */
    static final String PARAMETER_TICKET = "tickets.ticket";

    /**
     * @param permission needed to open the view, or null for any signed-in user
     * @param parameterKind what the URL parameter identifies, null for a view without one
     */
    TicketsContribution(
            String route,
            Class<? extends Component> viewClass,
            String labelKey,
            String icon,
            String group,
            int order,
            boolean inMenu,
            Permission permission,
            String parameterKind,
            Supplier<? extends Component> factory) {
        super(route, viewClass, labelKey, icon, group, order, inMenu, permission, parameterKind, factory);
    }
}
