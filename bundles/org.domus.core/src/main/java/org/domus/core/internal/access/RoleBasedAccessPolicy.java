package org.domus.core.internal.access;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.access.Permission;
import org.domus.core.access.PermissionGrant;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The role-based policy: ADMIN holds every permission; any other role holds what the registered
 * {@link PermissionGrant} services give it. Scopes (organisation, estate, building) come later.
 */
@Component(service = AccessPolicy.class)
public class RoleBasedAccessPolicy implements AccessPolicy {

    private final List<PermissionGrant> grants = new CopyOnWriteArrayList<>();

    public RoleBasedAccessPolicy() {}

    /** For tests and for callers outside OSGi. */
    public RoleBasedAccessPolicy(List<PermissionGrant> initial) {
        grants.addAll(initial);
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
        if (subject.isAdmin()) {
            return true;
        }
        for (PermissionGrant grant : grants) {
            Map<Role, Set<Permission>> byRole = grant.grants();
            for (Role role : subject.roles()) {
                Set<Permission> held = byRole.get(role);
                if (held != null && held.contains(permission)) {
                    return true;
                }
            }
        }
        return false;
    }
}
