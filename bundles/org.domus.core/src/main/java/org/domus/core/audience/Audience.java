package org.domus.core.audience;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.domus.core.Role;
import org.domus.core.registry.TenureRole;

/**
 * Resolves who a message reaches. A system service: it takes no subject and checks no permission, so callers
 * check first that the sender may address the targets (with the {@link org.domus.core.access.AccessPolicy}).
 * Only active accounts are returned; persons without an account are not reachable through Domus and are not
 * counted.
 */
public interface Audience {

    /**
     * The accounts of persons whose tenure of a unit matching any target is current on {@code day} (valid from
     * on or before it, valid to absent or on or after it), each once, ordered by account id.
     *
     * @param roles the tenure roles that count (for example only owners, members and tenants for payment
     *     reminders); empty means every role
     */
    List<Recipient> residents(Collection<AudienceTarget> targets, LocalDate day, Set<TenureRole> roles);

    /** How many accounts {@link #residents} would return, without loading them. */
    long countResidents(Collection<AudienceTarget> targets, LocalDate day, Set<TenureRole> roles);

    /**
     * Whether the account holds, on {@code day}, a current tenure of a unit matching any target: the check a
     * resident's feed makes before showing an addressed item.
     */
    boolean reaches(long accountId, Collection<AudienceTarget> targets, LocalDate day);

    /**
     * Active staff accounts holding one of {@code roles} in a grant whose scope covers the building (its
     * organisation, its estate or the building itself), or unscoped; ordered by account id. Empty {@code roles}
     * means every staff role; {@link Role#RESIDENT} is never a grant and matches nobody.
     */
    List<Recipient> staff(long buildingId, Set<Role> roles);

    /**
     * Active staff accounts holding one of {@code roles} with a grant on the organisation or inside it (an
     * estate or building of it), or unscoped; ordered by account id. Empty {@code roles} means every staff role.
     */
    List<Recipient> staffOfOrganisation(long organisationId, Set<Role> roles);

    /** The account, if it exists and is active. */
    Optional<Recipient> account(long accountId);

    /** The staircase labels in use in a building, sorted, for a target picker. */
    List<String> staircases(long buildingId);
}
