package org.domus.communications.web.internal.messages;

import org.domus.communications.MessageService;
import org.domus.core.registry.RegistryPermissions;
import org.domus.core.registry.RegistryService;
import org.domus.web.StaticViewContribution;
import org.domus.web.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The resident's "Messages" next to "My home", for everyone who holds or lives in a unit. */
@Component(service = ViewContribution.class)
public class MessagesContribution extends StaticViewContribution {

    static final String ROUTE = "communications/messages";

    @Activate
    public MessagesContribution(@Reference MessageService messages, @Reference RegistryService registry) {
        super(
                ROUTE,
                MessagesView.class,
                "communications.messages.ui.menu.mine",
                "ENVELOPE",
                "menu.group.main",
                10,
                true,
                RegistryPermissions.HOME,
                null,
                () -> new MessagesView(messages, registry));
    }
}
