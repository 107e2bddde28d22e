package org.domus.core.access;

import java.util.Map;
import java.util.Set;
import org.domus.core.Role;

/**
 * How a module gives its permissions to roles: it registers one (or more) of these as an OSGi service,
 * usually a DS component next to its permission constants. The platform's {@link AccessPolicy} grants
 * a subject every permission that any registered grant gives to one of the subject's roles; grants
 * appear and disappear with their module. {@link Role#ADMIN} holds every permission without a grant.
 *
 * <pre>{@code
 * @Component
 * public class LedgerGrants implements PermissionGrant {
 *     public Map<Role, Set<Permission>> grants() {
 *         return Map.of(Role.ACCOUNTANT, Set.of(LedgerPermissions.POST, LedgerPermissions.READ),
 *                       Role.BOARD, Set.of(LedgerPermissions.READ));
 *     }
 * }
 * }</pre>
 *
 * @since 1.1
 */
public interface PermissionGrant {

    /** The permissions this grant gives, by role. Called often: return a constant map. */
    Map<Role, Set<Permission>> grants();
}
