package org.domus.core.internal.privacy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.domus.core.internal.jpa.AuditEventEntity;
import org.domus.core.internal.registry.PersonRecords;
import org.domus.core.privacy.DataSubject;
import org.domus.core.privacy.PersonalDataContributor;
import org.domus.core.privacy.PersonalDataSection;
import org.domus.core.privacy.PersonalDataSection.Column;
import org.domus.core.registry.Address;
import org.domus.core.registry.Building;
import org.domus.core.registry.Person;
import org.domus.core.registry.Tenure;
import org.domus.core.registry.Unit;
import org.domus.persistence.MigratedSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The platform's part of a personal-data export: the registry record, tenures with their units, the
 * account with roles, sign-ins, consents, tokens and sessions (never hashes, secrets or seeds), and the
 * audit events about the person or made by them.
 */
@Component(service = PersonalDataContributor.class)
public class PlatformPersonalData implements PersonalDataContributor {

    static final String UNIT_TARGET = "(osgi.unit.name=domus.core)";
    static final String SCHEMA_TARGET = "(" + MigratedSchema.PROPERTY + "=org.domus.core)";

    private final JpaTemplate jpa;
    private final java.time.Clock clock;

    @Activate
    public PlatformPersonalData(
            @Reference(target = UNIT_TARGET) JpaTemplate jpa,
            @Reference(target = SCHEMA_TARGET) MigratedSchema schema) {
        this(jpa, java.time.Clock.systemUTC());
    }

    private PlatformPersonalData(JpaTemplate jpa, java.time.Clock clock) {
        this.jpa = Objects.requireNonNull(jpa);
        this.clock = Objects.requireNonNull(clock);
    }

    /** For tests outside OSGi. */
    public static PlatformPersonalData create(JpaTemplate jpa, java.time.Clock clock) {
        return new PlatformPersonalData(jpa, clock);
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public List<PersonalDataSection> sections(DataSubject subject, Locale locale) {
        PrivacyTexts t = new PrivacyTexts(locale);
        return jpa.txExpr(TransactionType.Required, em -> {
            List<PersonalDataSection> sections = new ArrayList<>();
            List<Tenure> tenures = List.of();
            if (subject.personId() != null) {
                Optional<Person> person = PersonRecords.person(em, subject.personId());
                if (person.isPresent()) {
                    sections.add(person(em, person.get(), t));
                    tenures = PersonRecords.tenures(em, subject.personId());
                    sections.add(tenures(em, tenures, t));
                }
            }
            if (subject.accountId() != null) {
                long a = subject.accountId();
                sections.add(account(em, a, t));
                sections.add(grants(em, a, t));
                sections.add(logins(em, a, t));
                sections.add(consents(em, a, t));
                sections.add(tokens(em, a, t));
                sections.add(sessions(em, a, t));
            }
            sections.add(audit(em, subject, tenures, t));
            return sections;
        });
    }

    private static PersonalDataSection person(EntityManager em, Person p, PrivacyTexts t) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", p.id());
        r.put("kind", p.kind().name());
        r.put("firstName", p.firstName());
        r.put("lastName", p.lastName());
        r.put("companyName", p.companyName());
        r.put("registrationNumber", p.registrationNumber());
        r.put("email", p.email());
        r.put("phone", p.phone());
        r.put("address", address(p.address()));
        r.put("bankAccount", p.bankAccount());
        r.put(
                "organisation",
                PersonRecords.organisation(em, p.organisationId())
                        .map(o -> o.name())
                        .orElse(null));
        return new PersonalDataSection(
                "platform.person",
                t.get("section.person"),
                null,
                columns(
                        t,
                        "kind",
                        "firstName",
                        "lastName",
                        "companyName",
                        "registrationNumber",
                        "email",
                        "phone",
                        "address",
                        "bankAccount",
                        "organisation"),
                List.of(r));
    }

    private PersonalDataSection tenures(EntityManager em, List<Tenure> tenures, PrivacyTexts t) {
        LocalDate today = LocalDate.now(clock);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Tenure tenure : tenures) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("unitId", tenure.unitId());
            r.put("unit", unitLabel(em, tenure.unitId()));
            r.put("role", tenure.role().name());
            r.put("share", tenure.share() == null ? null : tenure.share().toString());
            r.put("validFrom", str(tenure.validFrom()));
            r.put("validTo", str(tenure.validTo()));
            r.put("current", tenure.isCurrent(today));
            rows.add(r);
        }
        return new PersonalDataSection(
                "platform.tenures",
                t.get("section.tenures"),
                null,
                columns(t, "unit", "role", "share", "validFrom", "validTo", "current"),
                rows);
    }

    /** "Flat 12, Květná 12, Praha". */
    static String unitLabel(EntityManager em, long unitId) {
        Optional<Unit> unit = PersonRecords.unit(em, unitId);
        if (unit.isEmpty()) {
            return "#" + unitId;
        }
        Optional<Building> building = PersonRecords.building(em, unit.get().buildingId());
        return unit.get().number() + ", " + building.map(Building::address).orElse("");
    }

    private static PersonalDataSection account(EntityManager em, long accountId, PrivacyTexts t) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object[] a : em.createQuery(
                        "SELECT a.login, a.displayName, a.email, a.status, a.locale, a.createdAt, a.lastLoginAt,"
                                + " a.passwordChangedAt FROM AccountEntity a WHERE a.id = :a",
                        Object[].class)
                .setParameter("a", accountId)
                .getResultList()) {
            // A parameter, not the literal TRUE: EclipseLink writes that as 1, which Derby's BOOLEAN refuses.
            boolean totp = !em.createQuery(
                            "SELECT t.accountId FROM TotpEntity t WHERE t.accountId = :a AND t.enabled = :on",
                            Long.class)
                    .setParameter("a", accountId)
                    .setParameter("on", true)
                    .getResultList()
                    .isEmpty();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", accountId);
            r.put("login", a[0]);
            r.put("displayName", a[1]);
            r.put("email", a[2]);
            r.put("status", a[3]);
            r.put("locale", a[4]);
            r.put("createdAt", str(a[5]));
            r.put("lastLoginAt", str(a[6]));
            r.put("passwordChangedAt", str(a[7]));
            r.put("twoFactor", totp);
            rows.add(r);
        }
        return new PersonalDataSection(
                "platform.account",
                t.get("section.account"),
                t.get("note.account"),
                columns(
                        t,
                        "login",
                        "displayName",
                        "email",
                        "status",
                        "locale",
                        "createdAt",
                        "lastLoginAt",
                        "passwordChangedAt",
                        "twoFactor"),
                rows);
    }

    private static PersonalDataSection grants(EntityManager em, long accountId, PrivacyTexts t) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object[] g : em.createQuery(
                        "SELECT r.role, r.scopeType, r.scopeId FROM AccountRoleEntity r WHERE r.accountId = :a"
                                + " ORDER BY r.role, r.id",
                        Object[].class)
                .setParameter("a", accountId)
                .getResultList()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("role", g[0]);
            r.put("scope", g[1] == null ? null : g[1] + " #" + g[2]);
            rows.add(r);
        }
        return new PersonalDataSection(
                "platform.roles", t.get("section.grants"), null, columns(t, "role", "scope"), rows);
    }

    private static PersonalDataSection logins(EntityManager em, long accountId, PrivacyTexts t) {
        return accountRows(
                em,
                accountId,
                t,
                "logins",
                null,
                "SELECT e.occurredAt, e.clientIp, e.userAgent, e.outcome FROM LoginEventEntity e"
                        + " WHERE e.accountId = :a ORDER BY e.occurredAt DESC, e.id DESC",
                "time",
                "ip",
                "userAgent",
                "outcome");
    }

    private static PersonalDataSection consents(EntityManager em, long accountId, PrivacyTexts t) {
        return accountRows(
                em,
                accountId,
                t,
                "consents",
                null,
                "SELECT e.occurredAt, e.consentKey, e.granted, e.documentVersion FROM ConsentEventEntity e"
                        + " WHERE e.accountId = :a ORDER BY e.occurredAt DESC, e.id DESC",
                "time",
                "consent",
                "granted",
                "termsVersion");
    }

    private static PersonalDataSection tokens(EntityManager em, long accountId, PrivacyTexts t) {
        return accountRows(
                em,
                accountId,
                t,
                "tokens",
                t.get("note.tokens"),
                "SELECT k.name, k.prefix, k.createdAt, k.expiresAt, k.lastUsedAt, k.revoked"
                        + " FROM AccessTokenEntity k WHERE k.accountId = :a ORDER BY k.createdAt DESC, k.id DESC",
                "name",
                "prefix",
                "createdAt",
                "expiresAt",
                "lastUsedAt",
                "revoked");
    }

    private static PersonalDataSection sessions(EntityManager em, long accountId, PrivacyTexts t) {
        return accountRows(
                em,
                accountId,
                t,
                "sessions",
                null,
                "SELECT s.createdAt, s.lastSeenAt, s.expiresAt, s.clientIp, s.userAgent FROM SessionEntity s"
                        + " WHERE s.accountId = :a ORDER BY s.createdAt DESC, s.id DESC",
                "createdAt",
                "lastSeenAt",
                "expiresAt",
                "ip",
                "userAgent");
    }

    /**
     * A section with one row per result of {@code jpql} (the account is its parameter {@code :a}); the selected
     * values are the {@code columns} in order, instants as text.
     */
    private static PersonalDataSection accountRows(
            EntityManager em, long accountId, PrivacyTexts t, String key, String note, String jpql, String... columns) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object[] e : em.createQuery(jpql, Object[].class)
                .setParameter("a", accountId)
                .getResultList()) {
            Map<String, Object> r = new LinkedHashMap<>();
            for (int i = 0; i < columns.length; i++) {
                r.put(columns[i], e[i] instanceof java.time.Instant ? str(e[i]) : e[i]);
            }
            rows.add(r);
        }
        return new PersonalDataSection("platform." + key, t.get("section." + key), note, columns(t, columns), rows);
    }

    private static PersonalDataSection audit(
            EntityManager em, DataSubject subject, List<Tenure> tenures, PrivacyTexts t) {
        List<AuditEventEntity> events = new ArrayList<>(auditEvents(em, subject, tenures));
        events.sort((x, y) -> {
            int c = y.getOccurredAt().compareTo(x.getOccurredAt());
            return c != 0 ? c : Long.compare(y.getId(), x.getId());
        });
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AuditEventEntity e : events) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("time", str(e.getOccurredAt()));
            r.put("actor", e.getActorLogin());
            r.put("action", e.getAction());
            r.put("object", e.getEntityType() + (e.getEntityId() == null ? "" : " #" + e.getEntityId()));
            r.put("changes", changes(e.getBefore(), e.getAfter()));
            rows.add(r);
        }
        return new PersonalDataSection(
                "platform.audit",
                t.get("section.audit"),
                t.get("note.audit"),
                columns(t, "time", "actor", "action", "object", "changes"),
                rows);
    }

    /** Events about the person, their account or tenures, and events the account made; each once. */
    static Set<AuditEventEntity> auditEvents(EntityManager em, DataSubject subject, List<Tenure> tenures) {
        Set<AuditEventEntity> events = new LinkedHashSet<>();
        if (subject.personId() != null) {
            events.addAll(about(em, "person", List.of(subject.personId().toString())));
        }
        if (subject.accountId() != null) {
            events.addAll(about(em, "account", List.of(subject.accountId().toString())));
            events.addAll(
                    em.createQuery("SELECT e FROM AuditEventEntity e WHERE e.actorId = :a", AuditEventEntity.class)
                            .setParameter("a", subject.accountId())
                            .getResultList());
        }
        if (!tenures.isEmpty()) {
            events.addAll(about(
                    em,
                    "tenure",
                    tenures.stream().map(x -> Long.toString(x.id())).collect(Collectors.toList())));
        }
        return events;
    }

    private static List<AuditEventEntity> about(EntityManager em, String type, List<String> ids) {
        return em.createQuery(
                        "SELECT e FROM AuditEventEntity e WHERE e.entityType = :t AND e.entityId IN :ids",
                        AuditEventEntity.class)
                .setParameter("t", type)
                .setParameter("ids", ids)
                .getResultList();
    }

    /** "field: before → after; ..." for the fields that changed (all fields of a creation). */
    static String changes(String before, String after) {
        List<String> parts = new ArrayList<>();
        for (var c : org.domus.core.internal.audit.AuditServiceImpl.changes(before, after)) {
            if (c.changed()) {
                parts.add(c.field() + ": " + (c.before() == null ? "—" : c.before()) + " → "
                        + (c.after() == null ? "—" : c.after()));
            }
        }
        return String.join("; ", parts);
    }

    private static List<Column> columns(PrivacyTexts t, String... keys) {
        List<Column> columns = new ArrayList<>();
        for (String key : keys) {
            columns.add(new Column(key, t.get("col." + key)));
        }
        return columns;
    }

    private static String address(Address a) {
        if (a == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String s :
                new String[] {a.street(), (a.postcode() == null ? "" : a.postcode() + " ") + nz(a.city()), a.country()
                }) {
            if (s != null && !s.isBlank()) {
                parts.add(s.strip());
            }
        }
        return String.join(", ", parts);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
