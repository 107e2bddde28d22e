package org.domus.core.internal.access;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.access.Permission;
import org.domus.core.access.PermissionGrant;
import org.domus.core.access.RegistryLocation;
import org.domus.core.access.RegistryScope;
import org.domus.core.access.RoleGrant;
import org.domus.core.access.ScopeType;
import org.domus.core.registry.RegistryPermissions;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The role-based policy: ADMIN holds every permission inside its grant's scope (an unscoped ADMIN
 * grant, as the shell creates the first administrator, covers everything); any other role holds what the
 * registered {@link PermissionGrant} services give it, inside the scope of the subject's grant of that
 * role. Residents' units come from the {@link RegistryDirectory} (their current tenures), never from a
 * stored grant.
 */
@Component(service = AccessPolicy.class)
public class RoleBasedAccessPolicy implements AccessPolicy {

    private final List<PermissionGrant> grants = new CopyOnWriteArrayList<>();
    private final Clock clock;

    // Optional: without the registry (tests, a broken database) nothing is located and residents hold
    // no units, so every registry check fails closed.
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile RegistryDirectory directory;

    public RoleBasedAccessPolicy() {
        this.clock = Clock.systemUTC();
    }

    /** For tests and for callers outside OSGi. */
    public RoleBasedAccessPolicy(List<PermissionGrant> initial) {
        this(initial, null, Clock.systemUTC());
    }

    /** For tests: with a directory and a clock. */
    public RoleBasedAccessPolicy(List<PermissionGrant> initial, RegistryDirectory directory, Clock clock) {
        grants.addAll(initial);
        this.directory = directory;
        this.clock = clock;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addGrant(PermissionGrant grant) {
        grants.add(grant);
    }

    void removeGrant(PermissionGrant grant) {
        grants.remove(grant);
    }

    @Override
    public boolean isGranted(Subject subject, Permission permission) {
        if (subject == null || permission == null) {
            return false;
        }
        if (RegistryPermissions.HOME.equals(permission)) {
            // "My home" follows from tenures, not from a role: an administrator without a unit has no home.
            return subject.hasRole(Role.RESIDENT) || !residentScope(subject).isEmpty();
        }
        if (subject.isAdmin()) {
            return true;
        }
        for (Role role : subject.roles()) {
            if (holds(role, permission)) {
                return true;
            }
        }
        return false;
    }

    private boolean holds(Role role, Permission permission) {
        for (PermissionGrant grant : grants) {
            Map<Role, Set<Permission>> byRole = grant.grants();
            Set<Permission> held = byRole.get(role);
            if (held != null && held.contains(permission)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public RegistryScope registryScope(Subject subject, Permission permission) {
        if (subject == null || permission == null) {
            return RegistryScope.nothing();
        }
        Set<Long> organisations = new HashSet<>();
        Set<Long> estates = new HashSet<>();
        Set<Long> buildings = new HashSet<>();
        for (RoleGrant grant : subject.grants()) {
            // RESIDENT as a stored role (older accounts) gives nothing here: residents are scoped by tenures.
            // ADMIN holds every permission, but only inside its grant's scope (its organisation).
            if (grant.role() == Role.RESIDENT || (grant.role() != Role.ADMIN && !holds(grant.role(), permission))) {
                continue;
            }
            if (!grant.isScoped()) {
                return RegistryScope.everything();
            }
            switch (grant.scopeType()) {
                case ORGANISATION -> organisations.add(grant.scopeId());
                case ESTATE -> estates.add(grant.scopeId());
                case BUILDING -> buildings.add(grant.scopeId());
            }
        }
        return new RegistryScope(false, organisations, estates, buildings, Set.of());
    }

    @Override
    public RegistryScope residentScope(Subject subject) {
        RegistryDirectory d = directory;
        if (subject == null || d == null || subject.accountId() <= 0) {
            return RegistryScope.nothing();
        }
        return RegistryScope.units(d.currentUnitsOf(subject.accountId(), LocalDate.now(clock)));
    }

    @Override
    public Optional<RegistryLocation> locate(ScopeType kind, long id) {
        RegistryDirectory d = directory;
        return d == null ? Optional.empty() : d.locate(kind, id);
    }
}
