package org.domus.communications.internal;

import java.util.Map;
import java.util.Set;
import org.domus.communications.CommunicationsPermissions;
import org.domus.core.Role;
import org.domus.core.access.Permission;
import org.domus.core.access.PermissionGrant;
import org.osgi.service.component.annotations.Component;

/**
 * Which role holds which communications permission (inside the scope of its grant). MANAGER runs the office
 * side; ACCOUNTANT answers threads (ledger questions come to them); BOARD reads announcements and their
 * receipts; ADMIN holds every permission. Residents hold none.
 */
@Component(service = PermissionGrant.class)
public class CommunicationsGrants implements PermissionGrant {

    static final Map<Role, Set<Permission>> GRANTS = Map.of(
            Role.MANAGER,
                    Set.of(
                            CommunicationsPermissions.READ,
                            CommunicationsPermissions.ANNOUNCE,
                            CommunicationsPermissions.MESSAGES,
                            CommunicationsPermissions.DIRECTORY),
            Role.ACCOUNTANT, Set.of(CommunicationsPermissions.READ, CommunicationsPermissions.MESSAGES),
            Role.BOARD, Set.of(CommunicationsPermissions.READ));

    @Override
    public Map<Role, Set<Permission>> grants() {
        return GRANTS;
    }
}
