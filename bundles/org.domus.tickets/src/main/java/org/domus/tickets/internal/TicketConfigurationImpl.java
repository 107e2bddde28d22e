package org.domus.tickets.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.domus.core.DomusException;
import org.domus.core.DomusException.Kind;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.access.RegistryLocation;
import org.domus.core.access.ScopeType;
import org.domus.core.audit.AuditTrail;
import org.domus.tickets.Category;
import org.domus.tickets.Deadline;
import org.domus.tickets.DeadlineRule;
import org.domus.tickets.TicketConfiguration;
import org.domus.tickets.TicketPriority;
import org.domus.tickets.TicketsPermissions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Categories and deadline rules over TICKETS_CATEGORY and TICKETS_DEADLINE_RULE. */
@Component(service = TicketConfiguration.class)
public class TicketConfigurationImpl implements TicketConfiguration {

    /** The default categories of an organisation: code and trade group. */
    static final Map<String, String> DEFAULT_CATEGORIES = defaults();

    /** The default rules: response and resolution per priority. */
    static final Map<TicketPriority, Deadline[]> DEFAULT_RULES = Map.of(
            TicketPriority.URGENT, new Deadline[] {Deadline.hours(2), Deadline.hours(24)},
            TicketPriority.HIGH, new Deadline[] {Deadline.workingDays(1), Deadline.workingDays(3)},
            TicketPriority.NORMAL, new Deadline[] {Deadline.workingDays(2), Deadline.workingDays(10)},
            TicketPriority.LOW, new Deadline[] {Deadline.workingDays(5), Deadline.workingDays(20)});

    private final TicketServiceImpl tickets;
    private final JpaTemplate jpa;
    private final AccessPolicy policy;

    @Activate
    public TicketConfigurationImpl(@Reference TicketServiceImpl tickets) {
        this.tickets = Objects.requireNonNull(tickets);
        this.jpa = tickets.jpa();
        this.policy = tickets.policy();
    }

    static TicketConfigurationImpl create(TicketServiceImpl tickets) {
        return new TicketConfigurationImpl(tickets);
    }

    private static Map<String, String> defaults() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("WATER", "plumbing");
        m.put("ELECTRICITY", "electrical");
        m.put("LIFT", "lifts");
        m.put("HEATING", "heating");
        m.put("CLEANING", "cleaning");
        m.put("LOCKS", "locksmith");
        m.put("OTHER", "general");
        return m;
    }

    /**
     * Reading an organisation's configuration: staff with {@code tickets.read} there, residents with a unit
     * in it, contractors working for one of its companies.
     */
    private void mayRead(Subject s, long organisationId) {
        RegistryLocation org = policy.locate(ScopeType.ORGANISATION, organisationId)
                .orElseThrow(() -> new DomusException(Kind.NOT_FOUND, "tickets.organisation.not-found"));
        if (policy.registryScope(s, TicketsPermissions.READ).covers(org)
                || policy.registryScope(s, TicketsPermissions.CONFIGURE).covers(org)) {
            return;
        }
        boolean resident = policy.residentScope(s).unitIds().stream()
                .map(u -> policy.locate(null, u))
                .anyMatch(l -> l.isPresent() && l.get().organisationId() == organisationId);
        if (resident) {
            return;
        }
        boolean contractor = s.accountId() > 0
                && jpa.txExpr(TransactionType.Required, em -> !em.createQuery(
                                "SELECT w.id FROM WorkerEntity w, CompanyEntity c WHERE w.companyId = c.id"
                                        + " AND w.accountId = :a AND c.organisationId = :o",
                                Long.class)
                        .setParameter("a", s.accountId())
                        .setParameter("o", organisationId)
                        .getResultList()
                        .isEmpty());
        if (contractor) {
            return;
        }
        deny(s, TicketsPermissions.READ.name());
    }

    private void mayConfigure(Subject s, long organisationId) {
        if (s.roles().stream().anyMatch(Role::isStaff) && !policy.isGranted(s, TicketsPermissions.CONFIGURE)) {
            throw new DomusException(Kind.FORBIDDEN, "error.forbidden", TicketsPermissions.CONFIGURE.name());
        }
        policy.requireRegistry(
                s,
                TicketsPermissions.CONFIGURE,
                policy.locate(ScopeType.ORGANISATION, organisationId),
                false,
                "tickets.organisation.not-found");
    }

    private static void deny(Subject s, String permission) {
        if (s.roles().stream().anyMatch(Role::isStaff)) {
            throw new DomusException(Kind.FORBIDDEN, "error.forbidden", permission);
        }
        throw new DomusException(Kind.NOT_FOUND, "tickets.organisation.not-found");
    }

    @Override
    public List<Category> categories(Subject subject, long organisationId) {
        mayRead(subject, organisationId);
        return jpa.txExpr(TransactionType.Required, em -> {
            ensureDefaults(em, organisationId, country(organisationId), tickets.now());
            return em
                    .createQuery(
                            "SELECT c FROM CategoryEntity c WHERE c.organisationId = :o ORDER BY c.name, c.id",
                            CategoryEntity.class)
                    .setParameter("o", organisationId)
                    .getResultList()
                    .stream()
                    .map(CategoryEntity::view)
                    .toList();
        });
    }

    private String country(long organisationId) {
        return tickets.registry()
                .organisation(TicketServiceImpl.SYSTEM, organisationId)
                .country();
    }

    @Override
    public Category saveCategory(Subject subject, Category c) {
        if (c == null) {
            throw new DomusException(Kind.INVALID, "tickets.category.invalid", "-");
        }
        mayConfigure(subject, c.organisationId());
        String code = c.code() == null ? "" : c.code().strip().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z][A-Z0-9_]{0,31}")) {
            throw new DomusException(Kind.INVALID, "tickets.category.code-invalid", c.code());
        }
        String name = Texts.required(c.name(), 200, "tickets.category.name-invalid");
        String group = Groups.normalise(c.group());
        return jpa.txExpr(TransactionType.Required, em -> {
            ensureDefaults(em, c.organisationId(), country(c.organisationId()), tickets.now());
            boolean taken = em
                    .createQuery(
                            "SELECT c FROM CategoryEntity c WHERE c.organisationId = :o AND c.code = :c",
                            CategoryEntity.class)
                    .setParameter("o", c.organisationId())
                    .setParameter("c", code)
                    .getResultList()
                    .stream()
                    .anyMatch(e -> e.id != c.id());
            if (taken) {
                throw new DomusException(Kind.CONFLICT, "tickets.category.code-taken", code);
            }
            CategoryEntity e;
            Map<String, Object> before = null;
            if (c.id() == 0) {
                e = new CategoryEntity();
                e.organisationId = c.organisationId();
                e.createdAt = tickets.now();
            } else {
                e = em.find(CategoryEntity.class, c.id());
                if (e == null || e.organisationId != c.organisationId()) {
                    throw new DomusException(Kind.NOT_FOUND, "tickets.category.not-found");
                }
                if (e.version != c.version()) {
                    throw new DomusException(Kind.CONFLICT, "tickets.stale");
                }
                before = describe(e.view());
            }
            e.code = code;
            e.name = name;
            e.tradeGroup = group;
            e.active = c.active();
            if (c.id() == 0) {
                em.persist(e);
            }
            em.flush();
            Category saved = e.view();
            AuditTrail.record(
                    em,
                    subject,
                    tickets.now(),
                    c.id() == 0 ? "tickets.category.create" : "tickets.category.update",
                    "tickets-category",
                    e.id,
                    before,
                    describe(saved));
            return saved;
        });
    }

    private static Map<String, Object> describe(Category c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", c.code());
        m.put("name", c.name());
        m.put("group", c.group());
        m.put("active", c.active());
        return m;
    }

    @Override
    public List<DeadlineRule> deadlineRules(Subject subject, long organisationId) {
        mayRead(subject, organisationId);
        return jpa.txExpr(TransactionType.Required, em -> {
            ensureDefaults(em, organisationId, country(organisationId), tickets.now());
            return em
                    .createQuery(
                            "SELECT r FROM DeadlineRuleEntity r WHERE r.organisationId = :o ORDER BY r.ruleKey",
                            DeadlineRuleEntity.class)
                    .setParameter("o", organisationId)
                    .getResultList()
                    .stream()
                    .map(DeadlineRuleEntity::view)
                    .toList();
        });
    }

    @Override
    public DeadlineRule saveDeadlineRule(Subject subject, DeadlineRule r) {
        if (r == null || r.priority() == null) {
            throw new DomusException(Kind.INVALID, "tickets.deadline.invalid");
        }
        mayConfigure(subject, r.organisationId());
        check(r.response());
        check(r.resolution());
        return jpa.txExpr(TransactionType.Required, em -> {
            ensureDefaults(em, r.organisationId(), country(r.organisationId()), tickets.now());
            if (r.categoryId() != null) {
                CategoryEntity c = em.find(CategoryEntity.class, r.categoryId());
                if (c == null || c.organisationId != r.organisationId()) {
                    throw new DomusException(Kind.INVALID, "tickets.category.invalid", r.categoryId());
                }
            }
            String key = DeadlineRuleEntity.key(r.organisationId(), r.categoryId(), r.priority());
            List<DeadlineRuleEntity> same = em.createQuery(
                            "SELECT r FROM DeadlineRuleEntity r WHERE r.ruleKey = :k", DeadlineRuleEntity.class)
                    .setParameter("k", key)
                    .getResultList();
            DeadlineRuleEntity e;
            if (r.id() == 0) {
                if (!same.isEmpty()) {
                    throw new DomusException(Kind.CONFLICT, "tickets.deadline.exists");
                }
                e = new DeadlineRuleEntity();
                e.organisationId = r.organisationId();
            } else {
                e = em.find(DeadlineRuleEntity.class, r.id());
                if (e == null || e.organisationId != r.organisationId()) {
                    throw new DomusException(Kind.NOT_FOUND, "tickets.deadline.not-found");
                }
                if (e.version != r.version()) {
                    throw new DomusException(Kind.CONFLICT, "tickets.stale");
                }
                if (same.stream().anyMatch(o -> !o.id.equals(e.id))) {
                    throw new DomusException(Kind.CONFLICT, "tickets.deadline.exists");
                }
            }
            e.categoryId = r.categoryId();
            e.priority = r.priority().name();
            e.ruleKey = key;
            e.responseAmount = r.response().amount();
            e.responseUnit = r.response().unit().name();
            e.resolutionAmount = r.resolution().amount();
            e.resolutionUnit = r.resolution().unit().name();
            if (r.id() == 0) {
                em.persist(e);
            }
            em.flush();
            AuditTrail.record(
                    em,
                    subject,
                    tickets.now(),
                    "tickets.deadline.save",
                    "tickets-deadline-rule",
                    e.id,
                    null,
                    Map.of(
                            "rule",
                            key,
                            "response",
                            e.responseAmount + " " + e.responseUnit,
                            "resolution",
                            e.resolutionAmount + " " + e.resolutionUnit));
            return e.view();
        });
    }

    private static void check(Deadline d) {
        if (d == null || d.unit() == null || d.amount() < 1 || d.amount() > 1000) {
            throw new DomusException(Kind.INVALID, "tickets.deadline.invalid");
        }
    }

    @Override
    public void deleteDeadlineRule(Subject subject, long organisationId, long ruleId) {
        mayConfigure(subject, organisationId);
        jpa.tx(TransactionType.Required, em -> {
            DeadlineRuleEntity e = em.find(DeadlineRuleEntity.class, ruleId);
            if (e == null || e.organisationId != organisationId) {
                throw new DomusException(Kind.NOT_FOUND, "tickets.deadline.not-found");
            }
            if (e.categoryId == null) {
                throw new DomusException(Kind.CONFLICT, "tickets.deadline.default-kept");
            }
            em.remove(e);
            AuditTrail.record(
                    em,
                    subject,
                    tickets.now(),
                    "tickets.deadline.delete",
                    "tickets-deadline-rule",
                    ruleId,
                    Map.of("rule", e.ruleKey),
                    null);
        });
    }

    /** Creates the default categories and rules of an organisation that has none (in the caller's transaction). */
    static void ensureDefaults(EntityManager em, long organisationId, String country, java.time.Instant now) {
        long categories = em.createQuery(
                        "SELECT COUNT(c) FROM CategoryEntity c WHERE c.organisationId = :o", Long.class)
                .setParameter("o", organisationId)
                .getSingleResult();
        if (categories == 0) {
            Catalog texts = Catalog.ofCountry(country);
            for (Map.Entry<String, String> d : DEFAULT_CATEGORIES.entrySet()) {
                CategoryEntity c = new CategoryEntity();
                c.organisationId = organisationId;
                c.code = d.getKey();
                c.name = texts.get("tickets.category.default." + d.getKey());
                c.tradeGroup = d.getValue();
                c.active = true;
                c.createdAt = now;
                em.persist(c);
            }
        }
        long rules = em.createQuery(
                        "SELECT COUNT(r) FROM DeadlineRuleEntity r WHERE r.organisationId = :o AND r.categoryId IS NULL",
                        Long.class)
                .setParameter("o", organisationId)
                .getSingleResult();
        if (rules == 0) {
            for (Map.Entry<TicketPriority, Deadline[]> d : DEFAULT_RULES.entrySet()) {
                DeadlineRuleEntity r = new DeadlineRuleEntity();
                r.organisationId = organisationId;
                r.priority = d.getKey().name();
                r.ruleKey = DeadlineRuleEntity.key(organisationId, null, d.getKey());
                r.responseAmount = d.getValue()[0].amount();
                r.responseUnit = d.getValue()[0].unit().name();
                r.resolutionAmount = d.getValue()[1].amount();
                r.resolutionUnit = d.getValue()[1].unit().name();
                em.persist(r);
            }
        }
        em.flush();
    }

    /** The rule of the category and priority, else the organisation's default of the priority. */
    static DeadlineRule ruleFor(EntityManager em, long organisationId, long categoryId, TicketPriority priority) {
        for (String key : List.of(
                DeadlineRuleEntity.key(organisationId, categoryId, priority),
                DeadlineRuleEntity.key(organisationId, null, priority))) {
            List<DeadlineRuleEntity> found = em.createQuery(
                            "SELECT r FROM DeadlineRuleEntity r WHERE r.ruleKey = :k", DeadlineRuleEntity.class)
                    .setParameter("k", key)
                    .getResultList();
            if (!found.isEmpty()) {
                return found.get(0).view();
            }
        }
        Deadline[] d = DEFAULT_RULES.get(priority);
        return new DeadlineRule(0, organisationId, null, priority, d[0], d[1], 0);
    }
}
