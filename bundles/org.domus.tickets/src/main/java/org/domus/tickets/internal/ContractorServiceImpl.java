package org.domus.tickets.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.domus.core.DomusException;
import org.domus.core.DomusException.Kind;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.access.Permission;
import org.domus.core.access.ScopeType;
import org.domus.core.account.AccountService;
import org.domus.core.audit.AuditTrail;
import org.domus.tickets.ContractorCompany;
import org.domus.tickets.ContractorService;
import org.domus.tickets.ContractorWorker;
import org.domus.tickets.TicketsPermissions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Contractor companies and workers over TICKETS_COMPANY and TICKETS_WORKER. */
@Component(service = ContractorService.class)
public class ContractorServiceImpl implements ContractorService {

    private final TicketServiceImpl tickets;
    private final JpaTemplate jpa;
    private final AccessPolicy policy;
    private final AccountRoles accounts;

    /** Which roles an account holds (to check a worker's linked account). */
    @FunctionalInterface
    interface AccountRoles {
        /** The account's roles, or null when there is no such account. */
        java.util.Set<Role> rolesOf(long accountId);
    }

    @Activate
    public ContractorServiceImpl(@Reference TicketServiceImpl tickets, @Reference AccountService accounts) {
        this(tickets, id -> accounts.findById(id).map(a -> a.roles()).orElse(null));
    }

    private ContractorServiceImpl(TicketServiceImpl tickets, AccountRoles accounts) {
        this.tickets = Objects.requireNonNull(tickets);
        this.jpa = tickets.jpa();
        this.policy = tickets.policy();
        this.accounts = Objects.requireNonNull(accounts);
    }

    static ContractorServiceImpl create(TicketServiceImpl tickets, AccountRoles accounts) {
        return new ContractorServiceImpl(tickets, accounts);
    }

    private void require(Subject s, Permission permission, long organisationId) {
        if (s.roles().stream().anyMatch(Role::isStaff) && !policy.isGranted(s, permission)) {
            throw new DomusException(Kind.FORBIDDEN, "error.forbidden", permission.name());
        }
        policy.requireRegistry(
                s,
                permission,
                policy.locate(ScopeType.ORGANISATION, organisationId),
                false,
                "tickets.organisation.not-found");
    }

    @Override
    public List<ContractorCompany> companies(Subject subject, long organisationId) {
        require(subject, TicketsPermissions.READ, organisationId);
        return jpa.txExpr(TransactionType.Required, em -> em
                .createQuery(
                        "SELECT c FROM CompanyEntity c WHERE c.organisationId = :o ORDER BY c.name, c.id",
                        CompanyEntity.class)
                .setParameter("o", organisationId)
                .getResultList()
                .stream()
                .map(CompanyEntity::view)
                .toList());
    }

    private CompanyEntity companyEntity(long companyId) {
        CompanyEntity c = jpa.txExpr(TransactionType.Required, em -> em.find(CompanyEntity.class, companyId));
        if (c == null) {
            throw new DomusException(Kind.NOT_FOUND, "tickets.company.not-found");
        }
        return c;
    }

    @Override
    public ContractorCompany company(Subject subject, long companyId) {
        CompanyEntity c = companyEntity(companyId);
        require(subject, TicketsPermissions.READ, c.organisationId);
        return c.view();
    }

    @Override
    public ContractorCompany saveCompany(Subject subject, ContractorCompany in) {
        if (in == null) {
            throw new DomusException(Kind.INVALID, "tickets.company.name-invalid");
        }
        long organisationId = in.id() == 0 ? in.organisationId() : companyEntity(in.id()).organisationId;
        require(subject, TicketsPermissions.CONTRACTORS, organisationId);
        String name = Texts.required(in.name(), 200, "tickets.company.name-invalid");
        String registration =
                in.registrationNumber() == null || in.registrationNumber().isBlank()
                        ? null
                        : Texts.required(in.registrationNumber(), 32, "tickets.company.registration-invalid");
        String email = Texts.email(in.email());
        String phone = Texts.phone(in.phone());
        String groups = Groups.format(in.groups());
        return jpa.txExpr(TransactionType.Required, em -> {
            CompanyEntity e;
            Map<String, Object> before = null;
            if (in.id() == 0) {
                e = new CompanyEntity();
                e.organisationId = organisationId;
                e.createdAt = tickets.now();
            } else {
                e = em.find(CompanyEntity.class, in.id());
                if (e.version != in.version()) {
                    throw new DomusException(Kind.CONFLICT, "tickets.stale");
                }
                before = describe(e.view());
            }
            e.name = name;
            e.registrationNumber = registration;
            e.email = email;
            e.phone = phone;
            e.groups = groups;
            e.active = in.active();
            if (in.id() == 0) {
                em.persist(e);
            }
            em.flush();
            ContractorCompany saved = e.view();
            AuditTrail.record(
                    em,
                    subject,
                    tickets.now(),
                    in.id() == 0 ? "tickets.company.create" : "tickets.company.update",
                    "tickets-company",
                    e.id,
                    before,
                    describe(saved));
            return saved;
        });
    }

    private static Map<String, Object> describe(ContractorCompany c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("registrationNumber", c.registrationNumber());
        m.put("phone", c.phone());
        m.put("email", c.email());
        m.put("groups", List.copyOf(c.groups()));
        m.put("active", c.active());
        return m;
    }

    @Override
    public List<ContractorWorker> workers(Subject subject, long companyId) {
        CompanyEntity c = companyEntity(companyId);
        require(subject, TicketsPermissions.READ, c.organisationId);
        return jpa.txExpr(TransactionType.Required, em -> em
                .createQuery(
                        "SELECT w FROM WorkerEntity w WHERE w.companyId = :c ORDER BY w.name, w.id", WorkerEntity.class)
                .setParameter("c", companyId)
                .getResultList()
                .stream()
                .map(w -> hidePosition(w.view()))
                .toList());
    }

    /** Staff see a position only where the worker shares it. */
    private static ContractorWorker hidePosition(ContractorWorker w) {
        return w.sharesPosition()
                ? w
                : new ContractorWorker(
                        w.id(),
                        w.companyId(),
                        w.name(),
                        w.phone(),
                        w.email(),
                        w.groups(),
                        w.accountId(),
                        false,
                        null,
                        null,
                        null,
                        w.active(),
                        w.version());
    }

    @Override
    public ContractorWorker saveWorker(Subject subject, ContractorWorker in) {
        if (in == null) {
            throw new DomusException(Kind.INVALID, "tickets.worker.name-invalid");
        }
        CompanyEntity company = companyEntity(in.companyId());
        require(subject, TicketsPermissions.CONTRACTORS, company.organisationId);
        String name = Texts.required(in.name(), 200, "tickets.worker.name-invalid");
        String email = Texts.email(in.email());
        String phone = Texts.phone(in.phone());
        String groups = Groups.format(in.groups());
        if (in.accountId() != null) {
            java.util.Set<Role> roles = accounts.rolesOf(in.accountId());
            if (roles == null || !(roles.contains(Role.CONTRACTOR) || roles.contains(Role.TECHNICIAN))) {
                throw new DomusException(Kind.INVALID, "tickets.worker.account-invalid", in.accountId());
            }
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            if (in.accountId() != null) {
                boolean linked = em
                        .createQuery(
                                "SELECT w FROM WorkerEntity w WHERE w.companyId = :c AND w.accountId = :a",
                                WorkerEntity.class)
                        .setParameter("c", in.companyId())
                        .setParameter("a", in.accountId())
                        .getResultList()
                        .stream()
                        .anyMatch(w -> w.id != in.id());
                if (linked) {
                    throw new DomusException(Kind.CONFLICT, "tickets.worker.account-linked");
                }
            }
            WorkerEntity e;
            Map<String, Object> before = null;
            if (in.id() == 0) {
                e = new WorkerEntity();
                e.companyId = in.companyId();
                e.createdAt = tickets.now();
            } else {
                e = em.find(WorkerEntity.class, in.id());
                if (e == null || e.companyId != in.companyId()) {
                    throw new DomusException(Kind.NOT_FOUND, "tickets.worker.not-found");
                }
                if (e.version != in.version()) {
                    throw new DomusException(Kind.CONFLICT, "tickets.stale");
                }
                before = describe(e.view());
            }
            e.name = name;
            e.email = email;
            e.phone = phone;
            e.groups = groups;
            e.accountId = in.accountId();
            e.sharesPosition = in.sharesPosition();
            if (!e.sharesPosition) {
                e.latitude = null;
                e.longitude = null;
                e.positionAt = null;
            }
            e.active = in.active();
            if (in.id() == 0) {
                em.persist(e);
            }
            em.flush();
            ContractorWorker saved = e.view();
            AuditTrail.record(
                    em,
                    subject,
                    tickets.now(),
                    in.id() == 0 ? "tickets.worker.create" : "tickets.worker.update",
                    "tickets-worker",
                    e.id,
                    before,
                    describe(saved));
            return saved;
        });
    }

    private static Map<String, Object> describe(ContractorWorker w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", w.name());
        m.put("phone", w.phone());
        m.put("email", w.email());
        m.put("groups", List.copyOf(w.groups()));
        m.put("accountId", w.accountId());
        m.put("sharesPosition", w.sharesPosition());
        m.put("active", w.active());
        return m;
    }

    @Override
    public List<ContractorWorker> me(Subject subject) {
        if (subject.accountId() <= 0) {
            return List.of();
        }
        return jpa.txExpr(TransactionType.Required, em -> em
                .createQuery("SELECT w FROM WorkerEntity w WHERE w.accountId = :a ORDER BY w.id", WorkerEntity.class)
                .setParameter("a", subject.accountId())
                .getResultList()
                .stream()
                .map(WorkerEntity::view)
                .toList());
    }

    @Override
    public List<ContractorWorker> reportPosition(Subject subject, BigDecimal latitude, BigDecimal longitude) {
        if (latitude == null
                || longitude == null
                || latitude.abs().compareTo(BigDecimal.valueOf(90)) > 0
                || longitude.abs().compareTo(BigDecimal.valueOf(180)) > 0) {
            throw new DomusException(Kind.INVALID, "tickets.pin.invalid");
        }
        if (subject.accountId() <= 0 || me(subject).isEmpty()) {
            throw new DomusException(Kind.NOT_FOUND, "tickets.worker.not-found");
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            List<WorkerEntity> mine = em.createQuery(
                            "SELECT w FROM WorkerEntity w WHERE w.accountId = :a ORDER BY w.id", WorkerEntity.class)
                    .setParameter("a", subject.accountId())
                    .getResultList();
            for (WorkerEntity w : mine) {
                if (w.sharesPosition) {
                    w.latitude = latitude.setScale(6, RoundingMode.HALF_UP);
                    w.longitude = longitude.setScale(6, RoundingMode.HALF_UP);
                    w.positionAt = tickets.now();
                }
            }
            em.flush();
            return mine.stream().map(WorkerEntity::view).toList();
        });
    }
}
