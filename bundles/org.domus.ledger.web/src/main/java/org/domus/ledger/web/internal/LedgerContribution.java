package org.domus.ledger.web.internal;

import com.vaadin.flow.component.Component;
import java.util.function.Supplier;
import org.domus.core.access.Permission;
import org.domus.web.StaticViewContribution;

/**
 * What the ledger's view contributions share: each is a DS component holding the services its view needs,
 * and states only its route, menu entry, permission and how to build the view.
 */
abstract class LedgerContribution extends StaticViewContribution {

    /** The shell's finance group: the ledger's staff views. */
    static final String GROUP = "menu.group.finance";

    /**
     * @param permission needed to open the view, or null for any signed-in user
     * @param parameterKind what the URL parameter identifies, null for a view without one
     */
    LedgerContribution(
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
