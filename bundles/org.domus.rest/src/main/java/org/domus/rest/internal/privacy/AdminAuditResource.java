package org.domus.rest.internal.privacy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.domus.core.audit.AuditEvent;
import org.domus.core.audit.AuditFilter;
import org.domus.core.audit.AuditService;
import org.domus.core.registry.Page;
import org.domus.rest.Doc;
import org.domus.rest.DomusRest;
import org.domus.rest.ValidationException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code /api/admin/audit}: the audit trail, newest first (administrators only). */
@Component(service = AdminAuditResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
@Path("admin/audit")
@Produces(MediaType.APPLICATION_JSON)
@Doc("The audit trail: who changed what and when (permission platform.audit.read, administrators)")
public class AdminAuditResource {

    /** Largest page a REST client may ask for (as the registry lists). */
    static final int MAX_LIMIT = 200;

    private final AuditService audit;

    @Activate
    public AdminAuditResource(@Reference AuditService audit) {
        this.audit = audit;
    }

    @GET
    @Doc(
            value = "Audit events, newest first",
            description = "Filters: `actor` (login starts with, case ignored), `entityType` and `entityId` (exact),"
                    + " `action` (starts with, e.g. `registry.person`), `from` (inclusive) and `to` (exclusive) as"
                    + " ISO-8601 instants (`2026-03-01T10:00:00Z`) or dates (`2026-03-01`: from the start of that"
                    + " day, to the end of it, UTC). Paged with `offset` and `limit` (1 to 200). Each event lists"
                    + " its fields in `changes`, the changed ones marked.")
    public Page<AuditEvent> events(
            @Context SecurityContext security,
            @QueryParam("actor") String actor,
            @QueryParam("entityType") String entityType,
            @QueryParam("entityId") String entityId,
            @QueryParam("action") String action,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        ValidationException.Builder errors = ValidationException.builder();
        if (offset < 0) {
            errors.add("offset", "validation.min", 0);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            errors.add("limit", "validation.range", 1, MAX_LIMIT);
        }
        Instant start = instant("from", from, false, errors);
        Instant end = instant("to", to, true, errors);
        if (start != null && end != null && start.isAfter(end)) {
            errors.add("to", "audit.range.invalid");
        }
        errors.throwIfAny();
        return audit.events(
                DomusRest.subject(security),
                new AuditFilter(actor, entityType, entityId, action, start, end),
                offset,
                limit);
    }

    @GET
    @Path("entity-types")
    @Doc("The kinds of objects the trail holds events about")
    public List<String> entityTypes(@Context SecurityContext security) {
        return audit.entityTypes(DomusRest.subject(security));
    }

    /**
     * An instant, or a date meaning the start of that day (UTC); as an end, a date means the start of the
     * next day, so that {@code to=2026-03-01} includes all of that day.
     */
    static Instant instant(String field, String value, boolean end, ValidationException.Builder errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (end ? day.plusDays(1) : day)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            }
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(field, "validation.instant");
            return null;
        }
    }
}
