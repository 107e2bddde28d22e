package org.domus.communications.web.internal.messages;

import org.domus.communications.CommunicationsPermissions;
import org.domus.communications.MessageService;
import org.domus.web.StaticViewContribution;
import org.domus.web.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The office's "Inbox" of residents' message threads in scope. */
@Component(service = ViewContribution.class)
public class InboxContribution extends StaticViewContribution {

    static final String ROUTE = "communications/inbox";

    @Activate
    public InboxContribution(@Reference MessageService messages) {
        super(
                ROUTE,
                InboxView.class,
                "communications.messages.ui.menu.inbox",
                "INBOX",
                "menu.group.community",
                20,
                true,
                CommunicationsPermissions.READ,
                null,
                () -> new InboxView(messages));
    }
}
