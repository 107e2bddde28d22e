package org.domus.communications.internal.announce;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.persistence.TypedQuery;
import org.domus.core.access.AccessPolicy;
import org.domus.core.access.RegistryLocation;
import org.domus.core.access.RegistryScope;
import org.domus.core.access.ScopeType;
import org.domus.core.audience.AudienceTarget.Kind;

/**
 * Which announcements a staff scope sees: those with a target inside the scope (an organisation, estate or
 * building of the scope, or a staircase or unit in one) and those addressed to a whole organisation or estate
 * that contains part of the scope (a building's manager sees what the whole estate was told).
 */
final class StaffScope {

    /** A value no id takes: JPQL has no empty {@code IN ()}. */
    private static final Set<Long> NONE = Set.of(-1L);

    final boolean all;
    final Set<Long> organisations;
    final Set<Long> estates;
    final Set<Long> buildings;
    final Set<Long> outerOrganisations;
    final Set<Long> outerEstates;

    private StaffScope(
            boolean all,
            Set<Long> organisations,
            Set<Long> estates,
            Set<Long> buildings,
            Set<Long> outerOrganisations,
            Set<Long> outerEstates) {
        this.all = all;
        this.organisations = organisations;
        this.estates = estates;
        this.buildings = buildings;
        this.outerOrganisations = outerOrganisations;
        this.outerEstates = outerEstates;
    }

    static StaffScope of(AccessPolicy policy, RegistryScope scope) {
        Set<Long> outerOrganisations = new HashSet<>();
        Set<Long> outerEstates = new HashSet<>();
        for (long e : scope.estateIds()) {
            policy.locate(ScopeType.ESTATE, e).ifPresent(l -> outerOrganisations.add(l.organisationId()));
        }
        for (long b : scope.buildingIds()) {
            Optional<RegistryLocation> l = policy.locate(ScopeType.BUILDING, b);
            l.ifPresent(x -> {
                outerOrganisations.add(x.organisationId());
                outerEstates.add(x.estateId());
            });
        }
        return new StaffScope(
                scope.all(),
                Set.copyOf(scope.organisationIds()),
                Set.copyOf(scope.estateIds()),
                Set.copyOf(scope.buildingIds()),
                Set.copyOf(outerOrganisations),
                Set.copyOf(outerEstates));
    }

    boolean isEmpty() {
        return !all && organisations.isEmpty() && estates.isEmpty() && buildings.isEmpty();
    }

    boolean sees(List<AnnouncementTargetEntity> targets) {
        return all || targets.stream().anyMatch(this::sees);
    }

    boolean sees(AnnouncementTargetEntity t) {
        return all
                || organisations.contains(t.organisationId)
                || (t.estateId != null && estates.contains(t.estateId))
                || (t.buildingId != null && buildings.contains(t.buildingId))
                || (Kind.ORGANISATION.name().equals(t.kind) && outerOrganisations.contains(t.organisationId))
                || (Kind.ESTATE.name().equals(t.kind) && outerEstates.contains(t.estateId));
    }

    /** The JPQL condition on announcement {@code a}; empty for everything. */
    String where() {
        if (all) {
            return "";
        }
        return " AND EXISTS (SELECT st.id FROM AnnouncementTargetEntity st WHERE st.announcementId = a.id AND ("
                + "st.organisationId IN :scopeOrgs OR st.estateId IN :scopeEstates OR st.buildingId IN :scopeBuildings"
                + " OR (st.kind = 'ORGANISATION' AND st.organisationId IN :outerOrgs)"
                + " OR (st.kind = 'ESTATE' AND st.estateId IN :outerEstates)))";
    }

    <T> void bind(TypedQuery<T> q) {
        if (all) {
            return;
        }
        q.setParameter("scopeOrgs", orNone(organisations));
        q.setParameter("scopeEstates", orNone(estates));
        q.setParameter("scopeBuildings", orNone(buildings));
        q.setParameter("outerOrgs", orNone(outerOrganisations));
        q.setParameter("outerEstates", orNone(outerEstates));
    }

    static Set<Long> orNone(Set<Long> ids) {
        return ids.isEmpty() ? NONE : ids;
    }
}
