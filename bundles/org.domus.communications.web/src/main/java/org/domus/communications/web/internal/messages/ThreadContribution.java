package org.domus.communications.web.internal.messages;

import org.domus.communications.MessageService;
import org.domus.web.StaticViewContribution;
import org.domus.web.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A thread's page at {@code communications/thread/<id>} for the resident who opened it and for the office. No
 * permission of its own: whether the viewer may see the thread is the service's answer.
 */
@Component(service = ViewContribution.class)
public class ThreadContribution extends StaticViewContribution {

    static final String ROUTE = "communications/thread";

    /** {@link ViewContribution#parameterKind()}: the URL parameter is a thread id. */
    static final String PARAMETER_THREAD = "communications.thread";

    @Activate
    public ThreadContribution(@Reference MessageService messages, @Reference ThreadBroadcaster broadcaster) {
        super(
                ROUTE,
                ThreadView.class,
                "communications.messages.ui.thread.title",
                "COMMENTS",
                "menu.group.community",
                21,
                false,
                null,
                PARAMETER_THREAD,
                () -> new ThreadView(messages, broadcaster));
    }
}
