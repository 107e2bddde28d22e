package org.domus.core.internal.access;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.domus.core.access.RegistryLocation;
import org.domus.core.access.ScopeType;

/**
 * What the access policy needs to know about the registry: where an object sits and which units an
 * account's person holds. Implemented over the database by the registry; kept apart from the registry
 * service so that the policy and the service do not depend on each other.
 */
public interface RegistryDirectory {

    /** Where the object is; {@code kind} null means a unit. Empty when it does not exist. */
    Optional<RegistryLocation> locate(ScopeType kind, long id);

    /** Units of the current tenures (on {@code day}) of the person linked to the account. */
    Set<Long> currentUnitsOf(long accountId, LocalDate day);
}
