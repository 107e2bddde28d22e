package org.domus.core.internal.registry;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.domus.core.access.RegistryLocation;
import org.domus.core.access.ScopeType;
import org.domus.core.internal.access.RegistryDirectory;
import org.domus.persistence.MigratedSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The access policy's view of the registry tables. */
@Component(service = RegistryDirectory.class)
public class JpaRegistryDirectory implements RegistryDirectory {

    private final JpaTemplate jpa;

    @Activate
    public JpaRegistryDirectory(
            @Reference(target = RegistryServiceImpl.UNIT_TARGET) JpaTemplate jpa,
            @Reference(target = RegistryServiceImpl.SCHEMA_TARGET) MigratedSchema schema) {
        this.jpa = jpa;
    }

    /** For tests. */
    public JpaRegistryDirectory(JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public Optional<RegistryLocation> locate(ScopeType kind, long id) {
        return jpa.txExpr(TransactionType.Required, em -> {
            if (kind == null) {
                UnitEntity u = em.find(UnitEntity.class, id);
                return Optional.ofNullable(u)
                        .map(x -> new RegistryLocation(x.organisationId, x.estateId, x.buildingId, x.id));
            }
            return switch (kind) {
                case BUILDING -> Optional.ofNullable(em.find(BuildingEntity.class, id))
                        .map(b -> new RegistryLocation(b.organisationId, b.estateId, b.id, null));
                case ESTATE -> Optional.ofNullable(em.find(EstateEntity.class, id))
                        .map(e -> new RegistryLocation(e.organisationId, e.id, null, null));
                case ORGANISATION -> Optional.ofNullable(em.find(OrganisationEntity.class, id))
                        .map(o -> new RegistryLocation(o.id, null, null, null));
            };
        });
    }

    @Override
    public Set<Long> currentUnitsOf(long accountId, LocalDate day) {
        return jpa.txExpr(TransactionType.Required, em -> {
            List<Long> ids = em.createQuery(
                            "SELECT DISTINCT t.unitId FROM TenureEntity t, PersonEntity p WHERE t.personId = p.id"
                                    + " AND p.accountId = :account AND t.validFrom <= :day"
                                    + " AND (t.validTo IS NULL OR t.validTo >= :day)",
                            Long.class)
                    .setParameter("account", accountId)
                    .setParameter("day", day)
                    .getResultList();
            return new HashSet<>(ids);
        });
    }
}
