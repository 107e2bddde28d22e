package org.domus.tickets.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;
import org.domus.core.access.RegistryScope;
import org.domus.tickets.TicketArea;
import org.domus.tickets.TicketQuery;
import org.domus.tickets.TicketStatus;

/**
 * JPQL for ticket lists and counts: the subject's {@link Visibility} and the {@link TicketQuery}'s filters
 * as one WHERE clause over {@code TicketEntity t}, so that the database never returns a ticket the subject
 * may not see.
 */
final class TicketQueries {

    /** Statuses still waiting for work. */
    static final List<String> OPEN = List.of(
            TicketStatus.NEW.name(),
            TicketStatus.ACCEPTED.name(),
            TicketStatus.ASSIGNED.name(),
            TicketStatus.IN_PROGRESS.name(),
            TicketStatus.REOPENED.name());

    static final List<String> FINAL =
            List.of(TicketStatus.CONFIRMED.name(), TicketStatus.REJECTED.name(), TicketStatus.CANCELLED.name());

    private final StringBuilder where = new StringBuilder();
    private final Map<String, Object> parameters = new HashMap<>();

    private TicketQueries() {}

    /**
     * The WHERE clause for what the subject sees. {@code ownOnly}: the requester's own tickets and the
     * building-wide tickets of the resident's buildings only ("my tickets"), not the staff or contractor scope.
     */
    static TicketQueries of(Visibility v, TicketQuery q, boolean ownOnly, Instant now) {
        TicketQueries w = new TicketQueries();
        List<String> any = new ArrayList<>();
        if (!ownOnly) {
            RegistryScope s = v.staff();
            if (s.all()) {
                any.add("1 = 1");
            } else {
                w.in(any, "t.organisationId", "so", s.organisationIds());
                w.in(any, "t.estateId", "se", s.estateIds());
                w.in(any, "t.buildingId", "sb", s.buildingIds());
            }
            // A contractor's queue: per worker record, its own tickets and the company's unallocated ones of
            // its trade groups.
            for (int i = 0; i < v.queue().size(); i++) {
                Visibility.Worker worker = v.queue().get(i);
                w.parameters.put("wc" + i, worker.companyId());
                w.parameters.put("ww" + i, worker.workerId());
                String groups = "";
                if (!worker.groups().isEmpty()) {
                    w.parameters.put("wg" + i, List.copyOf(worker.groups()));
                    groups = " AND t.categoryId IN (SELECT g.id FROM CategoryEntity g WHERE g.tradeGroup IN :wg" + i
                            + ")";
                }
                any.add("(t.companyId = :wc" + i + " AND (t.workerId = :ww" + i + " OR (t.workerId IS NULL" + groups
                        + ")))");
            }
        }
        if (v.requesterId() > 0) {
            w.parameters.put("me", v.requesterId());
            any.add("t.requesterId = :me");
        }
        if (!v.residentBuildings().isEmpty()) {
            w.parameters.put("rb", List.copyOf(v.residentBuildings()));
            w.parameters.put("unitArea", TicketArea.UNIT.name());
            any.add("(t.area <> :unitArea AND t.buildingId IN :rb)");
        }
        if (any.isEmpty()) {
            any.add("1 = 0");
        }
        w.where.append("(").append(String.join(" OR ", any)).append(")");
        w.eq("t.organisationId", "qo", q.organisationId());
        w.eq("t.estateId", "qe", q.estateId());
        w.eq("t.buildingId", "qb", q.buildingId());
        w.eq("t.categoryId", "qc", q.categoryId());
        w.eq("t.companyId", "qco", q.companyId());
        w.eq("t.workerId", "qw", q.workerId());
        if (q.street() != null && !q.street().isBlank()) {
            w.and("UPPER(t.street) = :qs", "qs", q.street().strip().toUpperCase(Locale.ROOT));
        }
        if (q.group() != null && !q.group().isBlank()) {
            w.and(
                    "t.categoryId IN (SELECT c.id FROM CategoryEntity c WHERE c.tradeGroup = :qg)",
                    "qg",
                    q.group().strip().toLowerCase(Locale.ROOT));
        }
        if (!q.statuses().isEmpty()) {
            w.and(
                    "t.status IN :qst",
                    "qst",
                    q.statuses().stream().map(Enum::name).collect(Collectors.toList()));
        }
        if (q.source() != null) {
            w.and("t.source = :qsrc", "qsrc", q.source().name());
        }
        if (q.createdFrom() != null) {
            w.and("t.createdAt >= :qcf", "qcf", q.createdFrom());
        }
        if (q.createdTo() != null) {
            w.and("t.createdAt < :qct", "qct", q.createdTo());
        }
        if (q.assignedOnly()) {
            w.where.append(" AND t.firstAssignedAt IS NOT NULL");
        }
        if (q.assignedFrom() != null) {
            w.and("t.assignedAt >= :qaf", "qaf", q.assignedFrom());
        }
        if (q.assignedTo() != null) {
            w.and("t.assignedAt < :qat", "qat", q.assignedTo());
        }
        if (q.text() != null && !q.text().isBlank()) {
            w.and(
                    "(UPPER(t.reference) LIKE :qtx OR UPPER(t.title) LIKE :qtx OR UPPER(t.description) LIKE :qtx)",
                    "qtx",
                    "%"
                            + q.text()
                                    .strip()
                                    .toUpperCase(Locale.ROOT)
                                    .replace("%", "")
                                    .replace("_", "") + "%");
        }
        if (q.overdue() != null) {
            w.parameters.put("now", now);
            w.parameters.put("open", OPEN);
            w.parameters.put("final", FINAL);
            String overdue = "((t.status IN :open AND t.resolutionDue < :now)"
                    + " OR (t.respondedAt IS NULL AND t.status NOT IN :final AND t.responseDue < :now))";
            w.where.append(q.overdue() ? " AND " + overdue : " AND NOT " + overdue);
        }
        return w;
    }

    private void in(List<String> any, String field, String name, Set<Long> ids) {
        if (!ids.isEmpty()) {
            parameters.put(name, List.copyOf(ids));
            any.add(field + " IN :" + name);
        }
    }

    private void eq(String field, String name, Object value) {
        if (value != null) {
            and(field + " = :" + name, name, value);
        }
    }

    private void and(String condition, String name, Object value) {
        where.append(" AND ").append(condition);
        parameters.put(name, value);
    }

    String where() {
        return where.toString();
    }

    <T> TypedQuery<T> query(EntityManager em, String head, String tail, Class<T> type) {
        TypedQuery<T> query = em.createQuery(head + " WHERE " + where + (tail == null ? "" : " " + tail), type);
        parameters.forEach(query::setParameter);
        return query;
    }
}
