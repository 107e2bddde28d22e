package org.domus.demo.internal.communications;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.domus.core.Role;
import org.domus.core.audience.Audience;
import org.domus.core.audience.AudienceTarget;
import org.domus.core.audience.Recipient;
import org.domus.core.registry.TenureRole;

/**
 * An audience that reaches nobody: the demo's test checks what the generator writes, not whom announcements
 * reach (the platform's Audience has its own tests).
 */
final class NoAudience implements Audience {

    @Override
    public List<Recipient> residents(Collection<AudienceTarget> targets, LocalDate day, Set<TenureRole> roles) {
        return List.of();
    }

    @Override
    public long countResidents(Collection<AudienceTarget> targets, LocalDate day, Set<TenureRole> roles) {
        return 0;
    }

    @Override
    public boolean reaches(long accountId, Collection<AudienceTarget> targets, LocalDate day) {
        return false;
    }

    @Override
    public List<Recipient> staff(long buildingId, Set<Role> roles) {
        return List.of();
    }

    @Override
    public List<Recipient> staffOfOrganisation(long organisationId, Set<Role> roles) {
        return List.of();
    }

    @Override
    public Optional<Recipient> account(long accountId) {
        return Optional.empty();
    }

    @Override
    public List<String> staircases(long buildingId) {
        return List.of();
    }
}
