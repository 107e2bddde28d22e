package org.domus.core.internal.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.persistence.EntityManager;
import javax.persistence.Query;
import javax.persistence.TypedQuery;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.domus.core.DomusException;
import org.domus.core.DomusException.Kind;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.audit.AuditEvent;
import org.domus.core.audit.AuditEvent.FieldChange;
import org.domus.core.audit.AuditFilter;
import org.domus.core.audit.AuditPermissions;
import org.domus.core.audit.AuditService;
import org.domus.core.internal.jpa.AuditEventEntity;
import org.domus.core.registry.Page;
import org.domus.persistence.MigratedSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The audit trail over CORE_AUDIT_EVENT. Pages are read newest first by offset along the index on
 * OCCURRED_AT; filters are part of the WHERE clause.
 */
@Component(service = AuditService.class)
public class AuditServiceImpl implements AuditService {

    static final String UNIT_TARGET = "(osgi.unit.name=domus.core)";
    static final String SCHEMA_TARGET = "(" + MigratedSchema.PROPERTY + "=org.domus.core)";

    private final JpaTemplate jpa;
    private final AccessPolicy policy;

    @Activate
    public AuditServiceImpl(
            @Reference(target = UNIT_TARGET) JpaTemplate jpa,
            @Reference(target = SCHEMA_TARGET) MigratedSchema schema,
            @Reference AccessPolicy policy) {
        this.jpa = Objects.requireNonNull(jpa);
        this.policy = Objects.requireNonNull(policy);
    }

    /** For tests and tools outside OSGi (see RegistryServiceImpl#create for why a factory). */
    public static AuditServiceImpl create(JpaTemplate jpa, AccessPolicy policy) {
        return new AuditServiceImpl(jpa, null, policy);
    }

    @Override
    public Page<AuditEvent> events(Subject actor, AuditFilter filter, int offset, int limit) {
        policy.require(actor, AuditPermissions.READ);
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new DomusException(Kind.INVALID, "audit.page.invalid", MAX_PAGE);
        }
        Where w = where(filter);
        return jpa.txExpr(TransactionType.Required, em -> {
            long total = count(em, w);
            List<AuditEvent> items = new ArrayList<>();
            if (offset < total) {
                TypedQuery<AuditEventEntity> q = em.createQuery(
                        "SELECT e FROM AuditEventEntity e" + w + " ORDER BY e.occurredAt DESC, e.id DESC",
                        AuditEventEntity.class);
                w.bind(q);
                q.setFirstResult(offset);
                q.setMaxResults(limit);
                for (AuditEventEntity e : q.getResultList()) {
                    items.add(view(e));
                }
            }
            return new Page<>(items, total, offset, limit);
        });
    }

    @Override
    public long count(Subject actor, AuditFilter filter) {
        policy.require(actor, AuditPermissions.READ);
        Where w = where(filter);
        return jpa.txExpr(TransactionType.Required, em -> count(em, w));
    }

    @Override
    public List<String> entityTypes(Subject actor) {
        policy.require(actor, AuditPermissions.READ);
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                        "SELECT DISTINCT e.entityType FROM AuditEventEntity e ORDER BY e.entityType", String.class)
                .getResultList());
    }

    private static long count(EntityManager em, Where w) {
        TypedQuery<Long> q = em.createQuery("SELECT COUNT(e) FROM AuditEventEntity e" + w, Long.class);
        w.bind(q);
        return q.getSingleResult();
    }

    private static Where where(AuditFilter filter) {
        AuditFilter f = filter == null ? AuditFilter.NONE : filter;
        if (f.from() != null && f.to() != null && f.from().isAfter(f.to())) {
            throw new DomusException(Kind.INVALID, "audit.range.invalid");
        }
        Where w = new Where();
        if (present(f.actor())) {
            w.and("LOWER(e.actorLogin) LIKE :actor ESCAPE '!'", "actor", prefix(f.actor()));
        }
        if (present(f.entityType())) {
            w.and("e.entityType = :type", "type", f.entityType().strip());
        }
        if (present(f.entityId())) {
            w.and("e.entityId = :id", "id", f.entityId().strip());
        }
        if (present(f.action())) {
            w.and("e.action LIKE :action ESCAPE '!'", "action", prefix(f.action()));
        }
        if (f.from() != null) {
            w.and("e.occurredAt >= :from", "from", f.from());
        }
        if (f.to() != null) {
            w.and("e.occurredAt < :to", "to", f.to());
        }
        return w;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String prefix(String s) {
        return s.strip()
                        .toLowerCase(Locale.ROOT)
                        .replace("!", "!!")
                        .replace("%", "!%")
                        .replace("_", "!_") + "%";
    }

    static AuditEvent view(AuditEventEntity e) {
        return new AuditEvent(
                e.getId(),
                e.getOccurredAt(),
                e.getActorId(),
                e.getActorLogin(),
                e.getAction(),
                e.getEntityType(),
                e.getEntityId(),
                e.getBefore(),
                e.getAfter(),
                changes(e.getBefore(), e.getAfter()));
    }

    /** Every field of either state, in the order they first appear, changed ones marked. */
    public static List<FieldChange> changes(String before, String after) {
        Map<String, Object> b = fields(before);
        Map<String, Object> a = fields(after);
        Set<String> names = new LinkedHashSet<>(b.keySet());
        names.addAll(a.keySet());
        List<FieldChange> result = new ArrayList<>();
        for (String name : names) {
            String x = FlatJson.display(b.get(name));
            String y = FlatJson.display(a.get(name));
            result.add(new FieldChange(name, x, y, !Objects.equals(x, y)));
        }
        return result;
    }

    private static Map<String, Object> fields(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return FlatJson.parse(json);
        } catch (IllegalArgumentException e) {
            // Not an object (an event written by hand or by an old module): show it as one field.
            Map<String, Object> raw = new LinkedHashMap<>();
            raw.put("", json);
            return raw;
        }
    }

    /** A WHERE clause with its named parameters. */
    private static final class Where {
        private final List<String> parts = new ArrayList<>();
        private final Map<String, Object> params = new LinkedHashMap<>();

        void and(String condition, String name, Object value) {
            parts.add(condition);
            params.put(name, value);
        }

        void bind(Query q) {
            params.forEach(q::setParameter);
        }

        @Override
        public String toString() {
            return parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
        }
    }
}
