package org.domus.web;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import org.domus.core.Subject;
import org.domus.core.access.Permission;

/**
 * A card a module adds to the start page, such as the announcements feed or a unit's balance. A module's
 * {@code .web} bundle registers one service per card; the start page shows the cards of the modules that are
 * installed, in {@link #order()}, to subjects holding {@link #requiredPermission()}.
 *
 * @since 1.6
 */
public interface HomeCard {

    /** Position on the page; lower comes first. The shell's own account card has order 1000. */
    default int order() {
        return 100;
    }

    /** Permission needed to get the card; empty means any signed-in subject (residents included). */
    default Optional<Permission> requiredPermission() {
        return Optional.empty();
    }

    /**
     * Creates the card for one visit of the start page, or nothing when the module has nothing to show this
     * subject (a staff account on a resident's card, say). Called in the UI thread of the page; the card should
     * carry the CSS class {@code domus-card} and a heading.
     */
    Optional<Component> createCard(Subject subject);
}
