package org.domus.communications.internal.directory;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.MappedSuperclass;
import javax.persistence.Version;
import org.domus.communications.ContactScope;
import org.domus.core.access.RegistryLocation;
import org.domus.core.access.ScopeType;

/** The columns every directory entry has: its scope, stored with the ids of the levels above it. */
@MappedSuperclass
public abstract class ScopedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "ORGANISATION_ID", nullable = false)
    long organisationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "SCOPE_TYPE", nullable = false, length = 16)
    ScopeType scopeType;

    @Column(name = "ESTATE_ID")
    Long estateId;

    @Column(name = "BUILDING_ID")
    Long buildingId;

    @Column(name = "CREATED_AT", nullable = false)
    Instant createdAt;

    @Version
    @Column(name = "VERSION", nullable = false)
    long version;

    ContactScope scope() {
        return switch (scopeType) {
            case ORGANISATION -> ContactScope.organisation(organisationId);
            case ESTATE -> ContactScope.estate(estateId);
            case BUILDING -> ContactScope.building(buildingId);
        };
    }

    /** Where the scope object sits (a building's location for a building scope, and so on). */
    RegistryLocation location() {
        return new RegistryLocation(organisationId, estateId, buildingId, null);
    }

    void place(ScopeType type, RegistryLocation location) {
        scopeType = type;
        organisationId = location.organisationId();
        estateId = type == ScopeType.ORGANISATION ? null : location.estateId();
        buildingId = type == ScopeType.BUILDING ? location.buildingId() : null;
    }
}
