package org.domus.ledger.internal.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.domus.core.DomusException;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.access.Permission;
import org.domus.core.access.RegistryLocation;
import org.domus.core.access.ScopeType;
import org.domus.ledger.BillingResult;
import org.domus.ledger.BillingRun;
import org.domus.ledger.ChargeLine;
import org.domus.ledger.LedgerAmounts;
import org.domus.rest.ValidationException;

/**
 * What the staff write routes share: the access check made before the body is even read (so that a
 * resident learns nothing from a 422 about another unit's or organisation's objects: 404, and staff outside
 * their scope 403; the services check again with the same subject), body and month parsing, 201 answers.
 */
final class LedgerWrites {

    /** Reads registry facts only (where an object is), never for access decisions. */
    static final Subject SYSTEM = Subject.system("ledger-rest", "Ledger REST");

    private final AccessPolicy policy;

    LedgerWrites(AccessPolicy policy) {
        this.policy = policy;
    }

    /**
     * Refuses unless the subject holds the permission on the object: 404 without any staff grant of it
     * (residents), 403 to staff outside their scope or without the permission.
     */
    RegistryLocation require(Subject subject, Permission permission, ScopeType type, long id, String notFoundKey) {
        if (subject.roles().stream().anyMatch(Role::isStaff) && !policy.isGranted(subject, permission)) {
            throw new DomusException(DomusException.Kind.FORBIDDEN, "error.forbidden", permission.name());
        }
        var location = policy.locate(type, id);
        policy.requireRegistry(subject, permission, location, false, notFoundKey);
        return location.orElseThrow();
    }

    /**
     * Refuses subjects who hold the permission nowhere: 404 to those without any staff grant (residents),
     * 403 to staff without it. The object's own scope is the service's to check.
     */
    void anywhere(Subject subject, Permission permission, String notFoundKey) {
        if (subject.roles().stream().anyMatch(Role::isStaff) && !policy.isGranted(subject, permission)) {
            throw new DomusException(DomusException.Kind.FORBIDDEN, "error.forbidden", permission.name());
        }
        if (policy.registryScope(subject, permission).isEmpty()) {
            throw new DomusException(DomusException.Kind.NOT_FOUND, notFoundKey);
        }
    }

    RegistryLocation organisation(Subject subject, Permission permission, long organisationId) {
        return require(subject, permission, ScopeType.ORGANISATION, organisationId, "ledger.organisation.not-found");
    }

    RegistryLocation unit(Subject subject, Permission permission, long unitId) {
        return require(subject, permission, null, unitId, "ledger.unit.not-found");
    }

    /** A {@code YYYY-MM} month, required. */
    static YearMonth month(String text, String field, ValidationException.Builder errors) {
        if (text == null || text.isBlank()) {
            errors.add(field, "validation.required");
            return null;
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(field, "ledger.month.invalid", text);
            return null;
        }
    }

    /** An optional {@code YYYY-MM} query parameter. */
    static YearMonth optionalMonth(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        ValidationException.Builder errors = ValidationException.builder();
        YearMonth m = month(text, field, errors);
        errors.throwIfAny();
        return m;
    }

    static LocalDate required(LocalDate day, String field, ValidationException.Builder errors) {
        if (day == null) {
            errors.add(field, "validation.required");
        }
        return day;
    }

    /** One unit's lines of a billing run or preview and their sum. */
    public record UnitCharges(long unitId, List<ChargeLine> lines, BigDecimal total) {}

    /**
     * A billing run or its preview.
     *
     * @param run the run (null in a preview)
     * @param preview whether nothing was written
     * @param alreadyPosted the month was billed for this scope before: nothing new was posted
     * @param units units charged
     * @param skippedUnits units already billed for the month by a run of another scope
     * @param total sum of all charges
     * @param currency ISO 4217 code
     * @param perUnit every unit's lines and total, by unit
     */
    public record BillingView(
            BillingRun run,
            boolean preview,
            boolean alreadyPosted,
            int units,
            int skippedUnits,
            BigDecimal total,
            String currency,
            List<UnitCharges> perUnit) {}

    static BillingView view(BillingResult result) {
        Map<Long, List<ChargeLine>> byUnit = new LinkedHashMap<>();
        for (ChargeLine line : result.lines()) {
            byUnit.computeIfAbsent(line.unitId(), u -> new ArrayList<>()).add(line);
        }
        List<UnitCharges> perUnit = new ArrayList<>();
        byUnit.forEach((unit, lines) -> perUnit.add(new UnitCharges(
                unit,
                lines,
                lines.stream()
                        .map(ChargeLine::amount)
                        .reduce(BigDecimal.ZERO.setScale(LedgerAmounts.SCALE), BigDecimal::add))));
        return new BillingView(
                result.run(),
                result.preview(),
                result.alreadyPosted(),
                result.units(),
                result.skippedUnits(),
                result.total(),
                result.currency(),
                perUnit);
    }
}
