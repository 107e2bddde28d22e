package org.domus.core.access;

import java.util.Optional;
import org.domus.core.DomusException;
import org.domus.core.DomusException.Kind;
import org.domus.core.Subject;

/**
 * Answers every "may X do Y" question in Domus. Views and REST resources never check roles themselves.
 *
 * <p>Registry objects (organisations, estates, buildings, units) are decided by scope: a staff role
 * grant ({@link RoleGrant}) gives its role's permissions inside its organisation, estate or building;
 * a resident sees the units of their current tenures. A denied object is {@code NOT_FOUND} to a
 * subject without any staff grant of the permission (a resident must not learn that someone else's unit
 * exists) and {@code FORBIDDEN} to staff outside their scope.
 */
public interface AccessPolicy {

    /** Whether the subject holds the permission anywhere in its scope. */
    boolean isGranted(Subject subject, Permission permission);

    /**
     * Fails with {@link org.domus.core.DomusException.Kind#FORBIDDEN} unless the subject holds the
     * permission.
     */
    default void require(Subject subject, Permission permission) {
        if (!isGranted(subject, permission)) {
            throw new DomusException(Kind.FORBIDDEN, "error.forbidden", permission.name());
        }
    }

    /**
     * The part of the registry where the subject's staff grants give the permission; ADMIN and unscoped
     * grants give {@link RegistryScope#everything()}. Residents' units are not included: see
     * {@link #residentScope(Subject)}. The default (for policies without scopes) is everything when
     * the permission is granted.
     *
     * @since 1.2
     */
    default RegistryScope registryScope(Subject subject, Permission permission) {
        return isGranted(subject, permission) ? RegistryScope.everything() : RegistryScope.nothing();
    }

    /**
     * The units the subject holds or lives in today (current tenures of the person linked to the
     * account); empty for an account without a person.
     *
     * @since 1.2
     */
    default RegistryScope residentScope(Subject subject) {
        return RegistryScope.nothing();
    }

    /**
     * Where a registry object is, or empty when it does not exist.
     *
     * @param kind {@link ScopeType} of the object, or null for a unit
     * @since 1.2
     */
    default Optional<RegistryLocation> locate(ScopeType kind, long id) {
        return Optional.empty();
    }

    /**
     * Fails unless the subject may act with the permission on the object at this location: NOT_FOUND
     * when the object does not exist or the subject has no staff grant of the permission (residents, no
     * existence leak), FORBIDDEN when staff are outside their scope. A resident passes for their own
     * units when {@code residentMayUse} is set (read access through their own pages).
     *
     * @param location the object's location, empty when it does not exist
     * @param notFoundKey message key of the NOT_FOUND answer, e.g. {@code registry.unit.not-found}
     * @since 1.2
     */
    default void requireRegistry(
            Subject subject,
            Permission permission,
            Optional<RegistryLocation> location,
            boolean residentMayUse,
            String notFoundKey) {
        if (location.isEmpty()) {
            throw new DomusException(Kind.NOT_FOUND, notFoundKey);
        }
        RegistryScope staff = registryScope(subject, permission);
        if (staff.covers(location.get())) {
            return;
        }
        if (residentMayUse && residentScope(subject).covers(location.get())) {
            return;
        }
        if (staff.isEmpty()) {
            throw new DomusException(Kind.NOT_FOUND, notFoundKey);
        }
        throw new DomusException(Kind.FORBIDDEN, "error.forbidden", permission.name());
    }

    /**
     * {@link #requireRegistry} for a unit looked up by id (staff access only).
     *
     * @since 1.2
     */
    default void requireUnit(Subject subject, Permission permission, long unitId) {
        requireRegistry(subject, permission, locate(null, unitId), false, "registry.unit.not-found");
    }

    /** @since 1.2 */
    default void requireBuilding(Subject subject, Permission permission, long buildingId) {
        requireRegistry(
                subject, permission, locate(ScopeType.BUILDING, buildingId), false, "registry.building.not-found");
    }

    /** @since 1.2 */
    default void requireEstate(Subject subject, Permission permission, long estateId) {
        requireRegistry(subject, permission, locate(ScopeType.ESTATE, estateId), false, "registry.estate.not-found");
    }
}
