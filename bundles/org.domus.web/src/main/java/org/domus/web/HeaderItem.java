package org.domus.web;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import org.domus.core.Subject;

/**
 * A small component a module adds to the shell's top bar, left of the user menu: the notification bell, say.
 * A module's {@code .web} bundle registers one service per item; the shell adds the items of installed modules
 * in {@link #order()} whenever it builds the top bar of a signed-in subject.
 *
 * <p>The shell enables server push (long polling), so an item may update itself later through
 * {@code UI.access(...)}; it must stop listening when it is detached.
 *
 * @since 1.6
 */
public interface HeaderItem {

    /** Position in the top bar; lower comes first. */
    default int order() {
        return 100;
    }

    /** Creates the item for a signed-in subject, or nothing when the module has nothing for them. */
    Optional<Component> createItem(Subject subject);
}
