package org.domus.tickets.internal;

import java.util.Map;
import java.util.Set;
import org.domus.core.Role;
import org.domus.core.access.Permission;
import org.domus.core.access.PermissionGrant;
import org.domus.tickets.TicketsPermissions;
import org.osgi.service.component.annotations.Component;

/**
 * Which role holds which tickets permission (inside the scope of its grant). MANAGER runs the office side;
 * TECHNICIAN and CONTRACTOR work (and then see only tickets of companies they are workers of); BOARD reads;
 * ADMIN holds every permission. Residents hold none: they see their own tickets.
 */
@Component(service = PermissionGrant.class)
public class TicketsGrants implements PermissionGrant {

    static final Map<Role, Set<Permission>> GRANTS = Map.of(
            Role.MANAGER,
                    Set.of(
                            TicketsPermissions.READ,
                            TicketsPermissions.MANAGE,
                            TicketsPermissions.CONTRACTORS,
                            TicketsPermissions.CONFIGURE),
            Role.BOARD, Set.of(TicketsPermissions.READ),
            Role.TECHNICIAN, Set.of(TicketsPermissions.WORK),
            Role.CONTRACTOR, Set.of(TicketsPermissions.WORK));

    @Override
    public Map<Role, Set<Permission>> grants() {
        return GRANTS;
    }
}
