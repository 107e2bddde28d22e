package org.domus.core.audit;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the audit trail.
 *
 * @param id database id; higher ids were written later
 * @param occurredAt when (UTC)
 * @param actorId the acting account, or null for the system
 * @param actorLogin the actor's login at the time ({@code system} for the system)
 * @param action what was done, e.g. {@code registry.person.update}
 * @param entityType the kind of object changed, e.g. {@code person}
 * @param entityId the id of the object changed, or null
 * @param before the state before as a flat JSON object, or null (creations)
 * @param after the state after as a flat JSON object, or null (deletions)
 * @param changes every field of {@code before} and {@code after}, changed ones marked, in field order
 */
public record AuditEvent(
        long id,
        Instant occurredAt,
        Long actorId,
        String actorLogin,
        String action,
        String entityType,
        String entityId,
        String before,
        String after,
        List<FieldChange> changes) {

    public AuditEvent {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /**
     * One field of an audited object.
     *
     * @param field the field name
     * @param before its value before as text (JSON arrays as {@code [a, b]}), or null when absent or null
     * @param after its value after, likewise
     * @param changed whether the values differ
     */
    public record FieldChange(String field, String before, String after, boolean changed) {}
}
