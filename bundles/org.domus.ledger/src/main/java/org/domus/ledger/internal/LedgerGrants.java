package org.domus.ledger.internal;

import java.util.Map;
import java.util.Set;
import org.domus.core.Role;
import org.domus.core.access.Permission;
import org.domus.core.access.PermissionGrant;
import org.domus.ledger.LedgerPermissions;
import org.osgi.service.component.annotations.Component;

/**
 * Which staff role holds which ledger permission (inside the scope of its grant). Residents hold none:
 * they read their current units' ledgers through the policy's resident scope; ADMIN holds every permission.
 */
@Component(service = PermissionGrant.class)
public class LedgerGrants implements PermissionGrant {

    static final Map<Role, Set<Permission>> GRANTS = Map.of(
            Role.ACCOUNTANT, Set.of(LedgerPermissions.READ, LedgerPermissions.POST, LedgerPermissions.BILLING),
            Role.MANAGER, Set.of(LedgerPermissions.READ),
            Role.BOARD, Set.of(LedgerPermissions.READ));

    @Override
    public Map<Role, Set<Permission>> grants() {
        return GRANTS;
    }
}
