package org.domus.communications.internal.messages;

import java.time.Clock;
import org.apache.aries.jpa.template.JpaTemplate;
import org.domus.communications.MessageService;
import org.domus.core.access.AccessPolicy;
import org.domus.core.account.AccountService;
import org.domus.core.registry.RegistryService;

/** The message service wired by hand outside OSGi for the demo's tests (its factory is package-private). */
public final class MessagesWiring {

    private MessagesWiring() {}

    public static MessageService messages(
            JpaTemplate jpa, AccessPolicy policy, RegistryService registry, AccountService accounts, Clock clock) {
        return MessageServiceImpl.create(jpa, policy, registry, accounts, clock, MessagesSettings.defaults());
    }
}
