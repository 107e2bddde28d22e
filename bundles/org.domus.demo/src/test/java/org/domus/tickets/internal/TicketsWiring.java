package org.domus.tickets.internal;

import java.time.Clock;
import org.apache.aries.jpa.template.JpaTemplate;
import org.domus.core.access.AccessPolicy;
import org.domus.core.account.AccountService;
import org.domus.core.ratelimit.RateLimiter;
import org.domus.core.registry.RegistryService;

/**
 * The tickets module's real services wired by hand outside OSGi, as DS wires them in Karaf, for the demo's
 * tests (in the module's package because its test factories are package-private).
 */
public final class TicketsWiring {

    public final TicketServiceImpl tickets;
    public final TicketConfigurationImpl configuration;
    public final ContractorServiceImpl contractors;
    public final PublicTicketsImpl publicForm;

    public TicketsWiring(
            JpaTemplate jpa,
            AccessPolicy policy,
            RegistryService registry,
            AccountService accounts,
            RateLimiter limiter,
            Clock clock) {
        tickets = TicketServiceImpl.create(jpa, policy, registry, clock, TicketsSettings.defaults());
        configuration = TicketConfigurationImpl.create(tickets);
        contractors = new ContractorServiceImpl(tickets, accounts);
        publicForm = PublicTicketsImpl.create(tickets, TicketAttachmentsImpl.create(tickets), limiter);
    }

    /** The grants of the tickets' permissions to the platform's roles. */
    public static TicketsGrants grants() {
        return new TicketsGrants();
    }
}
