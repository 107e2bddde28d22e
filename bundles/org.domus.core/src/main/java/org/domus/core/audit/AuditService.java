package org.domus.core.audit;

import java.util.List;
import org.domus.core.Subject;
import org.domus.core.registry.Page;

/**
 * Reads the audit trail, newest first. Every call needs {@link AuditPermissions#READ}; without it the
 * call fails with {@code FORBIDDEN}. Lists are paged by offset along the index on the event time, so a
 * page of a trail of a hundred thousand events is as quick as the first.
 */
public interface AuditService {

    /** Largest page a caller may ask for. */
    int MAX_PAGE = 500;

    /**
     * Events matching the filter, newest first (ties by id).
     *
     * @throws org.domus.core.DomusException FORBIDDEN without the permission, INVALID
     *     ({@code audit.page.invalid}) for an offset below 0 or a limit outside 1..{@link #MAX_PAGE}, INVALID
     *     ({@code audit.range.invalid}) when {@code from} is after {@code to}
     */
    Page<AuditEvent> events(Subject actor, AuditFilter filter, int offset, int limit);

    /** Number of events matching the filter (a list's total without loading a page). */
    long count(Subject actor, AuditFilter filter);

    /** The kinds of objects the trail holds events about, sorted (for a filter's choices). */
    List<String> entityTypes(Subject actor);
}
