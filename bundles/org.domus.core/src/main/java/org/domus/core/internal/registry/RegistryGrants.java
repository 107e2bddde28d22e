package org.domus.core.internal.registry;

import java.util.Map;
import java.util.Set;
import org.domus.core.Role;
import org.domus.core.access.Permission;
import org.domus.core.access.PermissionGrant;
import org.domus.core.registry.RegistryPermissions;
import org.osgi.service.component.annotations.Component;

/** Which staff role holds which registry permission (inside the scope of its grant). */
@Component(service = PermissionGrant.class)
public class RegistryGrants implements PermissionGrant {

    static final Map<Role, Set<Permission>> GRANTS = Map.of(
            Role.MANAGER, Set.of(RegistryPermissions.READ, RegistryPermissions.WRITE, RegistryPermissions.IMPORT),
            Role.ACCOUNTANT, Set.of(RegistryPermissions.READ),
            Role.BOARD, Set.of(RegistryPermissions.READ),
            Role.TECHNICIAN, Set.of(RegistryPermissions.READ));

    @Override
    public Map<Role, Set<Permission>> grants() {
        return GRANTS;
    }
}
