package org.domus.communications.internal.directory;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.domus.communications.internal.CommunicationsDatabase;
import org.domus.communications.internal.CommunicationsGrants;
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
import org.domus.testing.MutableClock;

/** The communications test database with the contact directory on top; it knows each account's roles. */
final class DirectoryDatabase extends CommunicationsDatabase {

    /** Wednesday 4 March 2026, 09:00 in Prague. */
    final MutableClock clock;

    final Map<Long, Set<Role>> accountRoles = new HashMap<>();
    final ContactDirectoryImpl directory;

    DirectoryDatabase() {
        this(new MutableClock(Instant.parse("2026-03-04T08:00:00Z")));
    }

    private DirectoryDatabase(MutableClock clock) {
        super("directory", clock, List.of(new RegistryGrants(), new CommunicationsGrants()));
        this.clock = clock;
        ResourceLocalJpaTemplate jpa = new ResourceLocalJpaTemplate(commEmf);
        directory = ContactDirectoryImpl.create(jpa, policy, registry, accountRoles::get, clock);
    }

    Organisation organisation(String country) {
        return organisation("SBD " + country, country);
    }

    /** An account row (the registry links persons to accounts by foreign key), with its roles. */
    long account(String login, Role... roles) {
        long id = insertAccount(login, login, null, null);
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
