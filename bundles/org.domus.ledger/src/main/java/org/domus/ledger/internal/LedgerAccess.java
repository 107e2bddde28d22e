package org.domus.ledger.internal;

import java.util.Optional;
import org.domus.core.DomusException;
import org.domus.core.DomusException.Kind;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.access.Permission;
import org.domus.core.access.RegistryLocation;
import org.domus.core.access.ScopeType;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.RegistryService;
import org.domus.ledger.LedgerAmounts;

/**
 * How the ledger asks the platform: access decisions through the {@link AccessPolicy} (residents read
 * their current units' ledgers; staff act within the scope of their grants), and the registry facts
 * the books need (where a unit is, the organisation's currency), read with the ledger's system subject.
 */
final class LedgerAccess {

    /** The ledger acting on its own behalf when it reads the registry (never for access decisions). */
    static final Subject SYSTEM = Subject.system("ledger", "Ledger");

    private final AccessPolicy policy;
    private final RegistryService registry;

    LedgerAccess(AccessPolicy policy, RegistryService registry) {
        this.policy = policy;
        this.registry = registry;
    }

    AccessPolicy policy() {
        return policy;
    }

    RegistryService registry() {
        return registry;
    }

    /**
     * Staff whose roles lack the permission altogether are FORBIDDEN (they know the registry anyway); the
     * policy answers NOT_FOUND only to subjects without any staff role, so residents learn nothing.
     */
    private void staffHolds(Subject subject, Permission permission) {
        if (subject.roles().stream().anyMatch(Role::isStaff) && !policy.isGranted(subject, permission)) {
            throw new DomusException(Kind.FORBIDDEN, "error.forbidden", permission.name());
        }
    }

    /** Where the unit is, after checking the subject may use its ledger with the permission. */
    RegistryLocation unit(Subject subject, Permission permission, long unitId, boolean residentMayUse) {
        if (!residentMayUse || !policy.residentScope(subject).unitIds().contains(unitId)) {
            staffHolds(subject, permission);
        }
        Optional<RegistryLocation> location = policy.locate(null, unitId);
        policy.requireRegistry(subject, permission, location, residentMayUse, "ledger.unit.not-found");
        return location.orElseThrow();
    }

    /** Checks the subject holds the permission on the whole organisation. */
    void organisation(Subject subject, Permission permission, long organisationId) {
        staffHolds(subject, permission);
        policy.requireRegistry(
                subject,
                permission,
                policy.locate(ScopeType.ORGANISATION, organisationId),
                false,
                "ledger.organisation.not-found");
    }

    /** Checks the subject holds the permission on the organisation, estate or building. */
    RegistryLocation scope(Subject subject, Permission permission, ScopeType type, long id) {
        staffHolds(subject, permission);
        Optional<RegistryLocation> location = policy.locate(type, id);
        policy.requireRegistry(subject, permission, location, false, "ledger.scope.not-found");
        return location.orElseThrow();
    }

    /** The organisation's currency as the registry holds it, refused unless the ledger keeps books in it. */
    String currencyOf(long organisationId) {
        String currency = registry.organisations(SYSTEM).stream()
                .filter(o -> o.id() == organisationId)
                .map(Organisation::currency)
                .findFirst()
                .orElseThrow(() -> new DomusException(Kind.NOT_FOUND, "ledger.organisation.not-found"));
        if (!LedgerAmounts.isSupported(currency)) {
            throw new DomusException(Kind.INVALID, "ledger.currency.unsupported", currency);
        }
        return currency;
    }
}
