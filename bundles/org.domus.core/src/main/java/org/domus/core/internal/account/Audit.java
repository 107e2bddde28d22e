package org.domus.core.internal.account;

import java.time.Instant;
import java.util.Map;
import javax.persistence.EntityManager;
import org.domus.core.Subject;
import org.domus.core.internal.audit.FlatJson;
import org.domus.core.internal.jpa.AuditEventEntity;

/**
 * Writes audit events in the caller's transaction, so a change and its audit commit together. Public (in an
 * internal package) because the registry service writes the same events.
 */
public final class Audit {

    public static final String SYSTEM = "system";

    private Audit() {}

    public static void record(
            EntityManager em,
            Subject actor,
            Instant at,
            String action,
            String entityType,
            Object entityId,
            Map<String, ?> before,
            Map<String, ?> after) {
        Long actorId = actor == null || actor.accountId() <= 0 ? null : actor.accountId();
        String actorLogin = actor == null ? SYSTEM : truncate(actor.login(), 128);
        em.persist(new AuditEventEntity(
                actorId,
                actorLogin,
                at,
                action,
                entityType,
                entityId == null ? null : entityId.toString(),
                before == null ? null : FlatJson.write(before),
                after == null ? null : FlatJson.write(after)));
    }

    /** A flat JSON object of the fields, as the trail stores before/after states. */
    public static String json(Map<String, ?> fields) {
        return FlatJson.write(fields);
    }

    public static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
