package org.domus.core.audit;

import java.time.Instant;

/**
 * Filters of the audit trail; null (or blank) fields do not filter.
 *
 * @param actor the actor's login starts with this (case ignored)
 * @param entityType the kind of object changed, exactly, e.g. {@code person}, {@code account}
 * @param entityId the id of the object changed, exactly (needs {@code entityType} to use the index)
 * @param action the action starts with this, e.g. {@code registry.person} or {@code account.create}
 * @param from events at or after this instant
 * @param to events before this instant
 */
public record AuditFilter(String actor, String entityType, String entityId, String action, Instant from, Instant to) {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null, null);
}
