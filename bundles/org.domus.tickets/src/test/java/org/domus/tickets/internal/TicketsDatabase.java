package org.domus.tickets.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.persistence.EntityManagerFactory;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.RoleGrant;
import org.domus.core.access.ScopeType;
import org.domus.core.internal.registry.RegistryGrants;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Person;
import org.domus.core.registry.TenureRole;
import org.domus.core.registry.Unit;
import org.domus.persistence.testing.ResourceLocalJpaTemplate;
import org.domus.testing.DomusTestDatabase;
import org.domus.testing.MutableClock;

/**
 * A fresh in-memory Derby database with the platform's and the tickets module's real changelogs, the real
 * registry and access policy of the platform, and the tickets persistence unit on top.
 */
final class TicketsDatabase extends DomusTestDatabase {

    final EntityManagerFactory ticketsEmf;
    final ResourceLocalJpaTemplate jpa;
    /** Friday 6 March 2026, 09:00 in Prague. */
    final MutableClock clock;

    final Map<Long, Set<Role>> accountRoles = new HashMap<>();
    final TicketServiceImpl tickets;
    final TicketConfigurationImpl configuration;
    final ContractorServiceImpl contractors;

    TicketsDatabase() {
        this(TicketsSettings.defaults());
    }

    TicketsDatabase(TicketsSettings settings) {
        this(settings, new MutableClock(Instant.parse("2026-03-06T08:00:00Z")));
    }

    private TicketsDatabase(TicketsSettings settings, MutableClock clock) {
        super("tickets", clock, List.of(new RegistryGrants(), new TicketsGrants()), "db/tickets-changelog.xml");
        this.clock = clock;
        ticketsEmf = persistenceUnit("domus.tickets");
        jpa = new ResourceLocalJpaTemplate(ticketsEmf);
        tickets = TicketServiceImpl.create(jpa, policy, registry, clock, settings);
        configuration = TicketConfigurationImpl.create(tickets);
        contractors = ContractorServiceImpl.create(tickets, accountRoles::get);
    }

    Organisation organisation(String country) {
        return organisation("SBD " + country, country);
    }

    /** An account row (the registry links persons to accounts by foreign key), with its roles. */
    long account(String login, Role... roles) {
        long id = insertAccount(login);
        Set<Role> set = EnumSet.noneOf(Role.class);
        set.addAll(List.of(roles));
        accountRoles.put(id, set);
        return id;
    }

    /** A resident: an account, a person linked to it, holding the units since 2020. */
    Subject resident(String login, long organisationId, Unit... units) {
        long accountId = account(login, Role.RESIDENT);
        Person person = person(organisationId, login, accountId);
        holdSince2020(person, TenureRole.OWNER, units);
        return new Subject(accountId, login, login + " Resident", Set.of(Role.RESIDENT), Locale.ENGLISH, Set.of());
    }

    /** A staff subject with one scoped grant. */
    Subject staff(String login, Role role, ScopeType type, long id) {
        long accountId = account(login, role);
        return Subject.of(accountId, login, login, Locale.ENGLISH, Set.of(RoleGrant.scoped(role, type, id)));
    }
}
