package org.domus.ledger.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.domus.core.DomusException;
import org.domus.core.DomusException.Kind;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.access.RegistryLocation;
import org.domus.core.access.ScopeType;
import org.domus.core.audit.AuditTrail;
import org.domus.core.registry.RegistryService;
import org.domus.ledger.ChargeBasis;
import org.domus.ledger.ChargeComponent;
import org.domus.ledger.ChargeRate;
import org.domus.ledger.ChargeService;
import org.domus.ledger.Exemption;
import org.domus.ledger.LedgerPermissions;
import org.domus.ledger.PersonsDeclaration;
import org.domus.ledger.RateLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Components, rates, exemptions and persons over LEDGER_COMPONENT, LEDGER_RATE, LEDGER_EXEMPTION, LEDGER_PERSONS. */
@Component(service = ChargeService.class)
public class ChargeServiceImpl implements ChargeService {

    private final LedgerServiceImpl ledger;
    private final JpaTemplate jpa;
    private final LedgerAccess access;

    @Activate
    public ChargeServiceImpl(@Reference LedgerServiceImpl ledger) {
        this.ledger = Objects.requireNonNull(ledger);
        this.jpa = ledger.jpa();
        this.access = ledger.access();
    }

    /** For tests outside OSGi. */
    public static ChargeServiceImpl create(LedgerServiceImpl ledger) {
        return new ChargeServiceImpl(ledger);
    }

    // ---- components --------------------------------------------------------------------------------

    @Override
    public ChargeComponent createComponent(Subject actor, ChargeComponent c) {
        access.organisation(actor, LedgerPermissions.BILLING, c.organisationId());
        String code = c.code() == null ? "" : c.code().strip().toUpperCase(java.util.Locale.ROOT);
        if (!code.matches("[A-Z][A-Z0-9_]{0,31}") || c.basis() == null) {
            throw new DomusException(Kind.INVALID, "ledger.component.invalid", "code");
        }
        String name = LedgerServiceImpl.text(c.name(), 200, "ledger.component.invalid");
        String provider = c.basis() == ChargeBasis.PROVIDED
                ? Optional.ofNullable(c.provider())
                        .map(String::strip)
                        .filter(p -> !p.isEmpty() && p.length() <= 64)
                        .orElseThrow(() -> new DomusException(Kind.INVALID, "ledger.component.invalid", "provider"))
                : null;
        return jpa.txExpr(TransactionType.Required, em -> {
            boolean taken = !em.createQuery(
                            "SELECT c.id FROM ComponentEntity c WHERE c.organisationId = :o AND c.code = :c",
                            Long.class)
                    .setParameter("o", c.organisationId())
                    .setParameter("c", code)
                    .getResultList()
                    .isEmpty();
            if (taken) {
                throw new DomusException(Kind.CONFLICT, "ledger.component.code-taken", code);
            }
            ComponentEntity e = new ComponentEntity();
            e.organisationId = c.organisationId();
            e.code = code;
            e.name = name;
            e.basis = c.basis().name();
            e.provider = provider;
            e.priority = c.priority();
            e.active = c.active();
            e.createdAt = ledger.now();
            em.persist(e);
            em.flush();
            ChargeComponent created = e.view();
            AuditTrail.record(
                    em,
                    actor,
                    e.createdAt,
                    "ledger.component.create",
                    "ledger-component",
                    e.id,
                    null,
                    describe(created));
            return created;
        });
    }

    @Override
    public ChargeComponent updateComponent(Subject actor, ChargeComponent c) {
        ChargeComponent current = component(c.id());
        access.organisation(actor, LedgerPermissions.BILLING, current.organisationId());
        String name = LedgerServiceImpl.text(c.name(), 200, "ledger.component.invalid");
        return jpa.txExpr(TransactionType.Required, em -> {
            ComponentEntity e = em.find(ComponentEntity.class, c.id(), LockModeType.OPTIMISTIC);
            if (e.version != c.version()) {
                throw new DomusException(Kind.CONFLICT, "ledger.component.stale");
            }
            Map<String, Object> before = describe(e.view());
            e.name = name;
            e.priority = c.priority();
            e.active = c.active();
            em.flush();
            ChargeComponent updated = e.view();
            AuditTrail.record(
                    em,
                    actor,
                    ledger.now(),
                    "ledger.component.update",
                    "ledger-component",
                    e.id,
                    before,
                    describe(updated));
            return updated;
        });
    }

    ChargeComponent component(long id) {
        return jpa.txExpr(TransactionType.Required, em -> Optional.ofNullable(em.find(ComponentEntity.class, id)))
                .map(ComponentEntity::view)
                .orElseThrow(() -> new DomusException(Kind.NOT_FOUND, "ledger.component.not-found"));
    }

    @Override
    public ChargeComponent component(Subject actor, long componentId) {
        ChargeComponent c = component(componentId);
        readOrganisation(actor, c.organisationId());
        return c;
    }

    @Override
    public List<ChargeComponent> components(Subject actor, long organisationId) {
        readOrganisation(actor, organisationId);
        return componentsOf(organisationId);
    }

    List<ChargeComponent> componentsOf(long organisationId) {
        return jpa.txExpr(TransactionType.Required, em -> em
                .createQuery(
                        "SELECT c FROM ComponentEntity c WHERE c.organisationId = :o ORDER BY c.priority, c.code",
                        ComponentEntity.class)
                .setParameter("o", organisationId)
                .getResultList()
                .stream()
                .map(ComponentEntity::view)
                .toList());
    }

    /**
     * Components are the organisation's price list: staff reading the ledger anywhere in it and residents
     * of one of its units may see them.
     */
    private void readOrganisation(Subject actor, long organisationId) {
        AccessPolicy policy = access.policy();
        for (Long unit : policy.residentScope(actor).unitIds()) {
            if (policy.locate(null, unit)
                    .map(l -> l.organisationId() == organisationId)
                    .orElse(false)) {
                return;
            }
        }
        var scope = policy.registryScope(actor, LedgerPermissions.READ);
        if (scope.all() || scope.organisationIds().contains(organisationId)) {
            return;
        }
        for (Long estate : scope.estateIds()) {
            if (policy.locate(ScopeType.ESTATE, estate)
                    .map(l -> l.organisationId() == organisationId)
                    .orElse(false)) {
                return;
            }
        }
        for (Long building : scope.buildingIds()) {
            if (policy.locate(ScopeType.BUILDING, building)
                    .map(l -> l.organisationId() == organisationId)
                    .orElse(false)) {
                return;
            }
        }
        access.organisation(actor, LedgerPermissions.READ, organisationId);
    }

    // ---- rates and exemptions ----------------------------------------------------------------------

    @Override
    public ChargeRate addRate(Subject actor, ChargeRate rate) {
        ChargeComponent component = component(rate.componentId());
        if (rate.level() == null || rate.validFrom() == null) {
            throw new DomusException(Kind.INVALID, "ledger.rate.invalid");
        }
        RegistryLocation location = rate.level() == RateLevel.UNIT
                ? access.unit(actor, LedgerPermissions.BILLING, rate.scopeId(), false)
                : access.scope(
                        actor,
                        LedgerPermissions.BILLING,
                        ScopeType.valueOf(rate.level().name()),
                        rate.scopeId());
        if (location.organisationId() != component.organisationId()) {
            throw new DomusException(Kind.INVALID, "ledger.rate.invalid");
        }
        BigDecimal amount = rate.amount();
        if (amount == null || amount.signum() < 0 || amount.stripTrailingZeros().scale() > 4) {
            throw new DomusException(Kind.INVALID, "ledger.rate.invalid");
        }
        if (rate.validTo() != null && rate.validTo().isBefore(rate.validFrom())) {
            throw new DomusException(Kind.INVALID, "ledger.rate.invalid");
        }
        if (component.basis() == ChargeBasis.FIXED && rate.level() != RateLevel.UNIT) {
            throw new DomusException(Kind.INVALID, "ledger.rate.fixed-per-unit");
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            // Lock the component row: two overlapping rates added at once cannot both pass the check.
            em.find(ComponentEntity.class, component.id(), LockModeType.PESSIMISTIC_WRITE);
            for (ChargeRate other : ratesIn(em, component.id())) {
                if (other.level() == rate.level()
                        && other.scopeId() == rate.scopeId()
                        && overlaps(other.validFrom(), other.validTo(), rate.validFrom(), rate.validTo())) {
                    throw new DomusException(Kind.CONFLICT, "ledger.rate.overlap", other.id());
                }
            }
            RateEntity e = new RateEntity();
            e.componentId = component.id();
            e.scopeType = rate.level().name();
            e.scopeId = rate.scopeId();
            e.amount = amount;
            e.validFrom = rate.validFrom();
            e.validTo = rate.validTo();
            e.createdAt = ledger.now();
            e.actorLogin = actor.login();
            em.persist(e);
            em.flush();
            ChargeRate created = e.view();
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("component", component.code());
            after.put("level", created.level().name());
            after.put("scopeId", created.scopeId());
            after.put("amount", created.amount().toPlainString());
            after.put("validFrom", created.validFrom().toString());
            after.put(
                    "validTo",
                    created.validTo() == null ? null : created.validTo().toString());
            AuditTrail.record(em, actor, e.createdAt, "ledger.rate.create", "ledger-rate", e.id, null, after);
            return created;
        });
    }

    @Override
    public ChargeRate endRate(Subject actor, long rateId, LocalDate validTo) {
        ChargeRate rate = jpa.txExpr(
                        TransactionType.Required, em -> Optional.ofNullable(em.find(RateEntity.class, rateId)))
                .map(RateEntity::view)
                .orElseThrow(() -> new DomusException(Kind.NOT_FOUND, "ledger.rate.not-found"));
        ChargeComponent component = component(rate.componentId());
        if (rate.level() == RateLevel.UNIT) {
            access.unit(actor, LedgerPermissions.BILLING, rate.scopeId(), false);
        } else {
            access.scope(
                    actor,
                    LedgerPermissions.BILLING,
                    ScopeType.valueOf(rate.level().name()),
                    rate.scopeId());
        }
        if (validTo == null
                || validTo.isBefore(rate.validFrom())
                || (rate.validTo() != null && validTo.isAfter(rate.validTo()))) {
            throw new DomusException(Kind.INVALID, "ledger.rate.end.invalid", rate.validFrom(), rate.validTo());
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            em.find(ComponentEntity.class, component.id(), LockModeType.PESSIMISTIC_WRITE);
            RateEntity e = em.find(RateEntity.class, rateId);
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("component", component.code());
            before.put("validTo", e.validTo == null ? null : e.validTo.toString());
            e.validTo = validTo;
            em.flush();
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("component", component.code());
            after.put("validTo", validTo.toString());
            AuditTrail.record(em, actor, ledger.now(), "ledger.rate.end", "ledger-rate", e.id, before, after);
            return e.view();
        });
    }

    static boolean overlaps(LocalDate aFrom, LocalDate aTo, LocalDate bFrom, LocalDate bTo) {
        return (aTo == null || !aTo.isBefore(bFrom)) && (bTo == null || !bTo.isBefore(aFrom));
    }

    @Override
    public List<ChargeRate> rates(Subject actor, long componentId) {
        readOrganisation(actor, component(componentId).organisationId());
        return jpa.txExpr(TransactionType.Required, em -> ratesIn(em, componentId));
    }

    static List<ChargeRate> ratesIn(EntityManager em, long componentId) {
        return em
                .createQuery(
                        "SELECT r FROM RateEntity r WHERE r.componentId = :c ORDER BY r.scopeType, r.scopeId, r.validFrom",
                        RateEntity.class)
                .setParameter("c", componentId)
                .getResultList()
                .stream()
                .map(RateEntity::view)
                .toList();
    }

    @Override
    public Exemption addExemption(Subject actor, Exemption x) {
        ChargeComponent component = component(x.componentId());
        RegistryLocation unit = access.unit(actor, LedgerPermissions.BILLING, x.unitId(), false);
        if (unit.organisationId() != component.organisationId()
                || x.validFrom() == null
                || (x.validTo() != null && x.validTo().isBefore(x.validFrom()))
                || (x.reason() != null && x.reason().length() > 200)) {
            throw new DomusException(Kind.INVALID, "ledger.exemption.invalid");
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            ExemptionEntity e = new ExemptionEntity();
            e.componentId = x.componentId();
            e.unitId = x.unitId();
            e.validFrom = x.validFrom();
            e.validTo = x.validTo();
            e.reason = x.reason() == null ? null : x.reason().strip();
            e.createdAt = ledger.now();
            e.actorLogin = actor.login();
            em.persist(e);
            em.flush();
            Exemption created = e.view();
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("component", component.code());
            after.put("unitId", created.unitId());
            after.put("validFrom", created.validFrom().toString());
            after.put(
                    "validTo",
                    created.validTo() == null ? null : created.validTo().toString());
            after.put("reason", created.reason());
            AuditTrail.record(em, actor, e.createdAt, "ledger.exemption.create", "ledger-exemption", e.id, null, after);
            return created;
        });
    }

    @Override
    public List<Exemption> exemptions(Subject actor, long componentId) {
        readOrganisation(actor, component(componentId).organisationId());
        return jpa.txExpr(TransactionType.Required, em -> em
                .createQuery(
                        "SELECT x FROM ExemptionEntity x WHERE x.componentId = :c ORDER BY x.unitId, x.validFrom",
                        ExemptionEntity.class)
                .setParameter("c", componentId)
                .getResultList()
                .stream()
                .map(ExemptionEntity::view)
                .toList());
    }

    // ---- persons -----------------------------------------------------------------------------------

    @Override
    public PersonsDeclaration declarePersons(Subject actor, long unitId, int persons, LocalDate validFrom) {
        access.unit(actor, LedgerPermissions.POST, unitId, false);
        if (persons < 0 || persons > 99 || validFrom == null) {
            throw new DomusException(Kind.INVALID, "ledger.persons.invalid");
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            PersonsEntity e = new PersonsEntity();
            e.unitId = unitId;
            e.persons = persons;
            e.validFrom = validFrom;
            e.createdAt = ledger.now();
            e.actorLogin = actor.login();
            em.persist(e);
            em.flush();
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("unitId", unitId);
            after.put("persons", persons);
            after.put("validFrom", validFrom.toString());
            AuditTrail.record(em, actor, e.createdAt, "ledger.persons.declare", "ledger-persons", e.id, null, after);
            return e.view();
        });
    }

    @Override
    public List<PersonsDeclaration> persons(Subject actor, long unitId) {
        access.unit(actor, LedgerPermissions.READ, unitId, true);
        return jpa.txExpr(TransactionType.Required, em -> em
                .createQuery(
                        "SELECT p FROM PersonsEntity p WHERE p.unitId = :u ORDER BY p.validFrom, p.id",
                        PersonsEntity.class)
                .setParameter("u", unitId)
                .getResultList()
                .stream()
                .map(PersonsEntity::view)
                .toList());
    }

    private static Map<String, Object> describe(ChargeComponent c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("organisationId", c.organisationId());
        m.put("code", c.code());
        m.put("name", c.name());
        m.put("basis", c.basis().name());
        m.put("provider", c.provider());
        m.put("priority", c.priority());
        m.put("active", c.active());
        return m;
    }

    RegistryService registry() {
        return access.registry();
    }
}
