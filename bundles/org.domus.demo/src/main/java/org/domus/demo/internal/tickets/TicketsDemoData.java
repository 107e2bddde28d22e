package org.domus.demo.internal.tickets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.domus.core.DomusException;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.RoleGrant;
import org.domus.core.access.ScopeType;
import org.domus.core.account.Account;
import org.domus.core.account.AccountService;
import org.domus.core.registry.Building;
import org.domus.core.registry.BuildingFilter;
import org.domus.core.registry.Estate;
import org.domus.core.registry.Holding;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Page;
import org.domus.core.registry.RegistryService;
import org.domus.core.registry.Unit;
import org.domus.core.registry.UnitFilter;
import org.domus.demo.internal.tickets.TicketPlan.Planned;
import org.domus.demo.internal.tickets.TicketTexts.CategoryText;
import org.domus.demo.internal.tickets.TicketTexts.CompanyText;
import org.domus.tickets.Category;
import org.domus.tickets.ContactPreference;
import org.domus.tickets.ContractorCompany;
import org.domus.tickets.ContractorService;
import org.domus.tickets.ContractorWorker;
import org.domus.tickets.NewTicket;
import org.domus.tickets.PublicForm;
import org.domus.tickets.PublicSubmission;
import org.domus.tickets.PublicTickets;
import org.domus.tickets.Ticket;
import org.domus.tickets.TicketArea;
import org.domus.tickets.TicketConfiguration;
import org.domus.tickets.TicketHistory;
import org.domus.tickets.TicketPriority;
import org.domus.tickets.TicketQuery;
import org.domus.tickets.TicketService;
import org.domus.tickets.TicketSource;
import org.domus.tickets.TicketStatus;
import org.domus.tickets.TransitionRequest;

/**
 * A demo organisation's tickets, made through the tickets module's exported services only, so that references,
 * deadlines and timelines are the module's own: the categories of its country under their local names, three
 * contractor companies (a lift service, a plumbing and heating firm, the organisation's own maintenance team)
 * with workers, the demo's {@code contractor} logins linked as workers of the companies and its
 * {@code technician.N} logins as workers of the maintenance team (their positions shared for the map), and
 * {@value #TICKETS} tickets in every status: reported by residents through the office, by the demo resident
 * through the portal and anonymously through the buildings' public form; accepted, rejected, cancelled,
 * assigned, worked on, finished, confirmed with ratings and reopened by the accounts whose job that is.
 *
 * <p>The tickets are spread over the last {@value TicketPlan#DAYS} days ({@link TicketPlan}) and each step is
 * recorded at its own instant through {@link TicketHistory} ({@link StepTimes}: answers within hours to days,
 * repairs within days to weeks, some late), so deadlines, overdue flags, the median time to resolve and the
 * on-time share are those of a working office; a few tickets come in and are forwarded today. The public
 * form's reports are filed live (the anonymous form has no past), as today's. History posts no events.
 */
public final class TicketsDemoData {

    static final Subject SYSTEM = Subject.system("demo", "Demo generator");

    /** Tickets per organisation. */
    public static final int TICKETS = 150;

    /** The statuses a contractor has worked on the ticket to reach. */
    private static final Set<TicketStatus> WORKED =
            Set.of(TicketStatus.IN_PROGRESS, TicketStatus.DONE, TicketStatus.CONFIRMED, TicketStatus.REOPENED);

    /** Of which the demo resident reports through the portal (in the organisation where the resident lives). */
    static final int PORTAL = 8;

    /** What was made for one organisation; {@code statuses} counts the tickets by the status they reached. */
    public record Result(
            boolean created,
            String organisation,
            int categories,
            int companies,
            int workers,
            int tickets,
            int publicForm,
            Map<TicketStatus, Integer> statuses,
            int refusals) {
        static Result skipped(String organisation) {
            return new Result(false, organisation, 0, 0, 0, 0, 0, Map.of(), 0);
        }
    }

    private final RegistryService registry;
    private final AccountService accounts;
    private final TicketService tickets;
    private final TicketHistory history;
    private final TicketConfiguration configuration;
    private final ContractorService contractors;
    private final PublicTickets publicForm;
    private final String residentLogin;

    public TicketsDemoData(
            RegistryService registry,
            AccountService accounts,
            TicketService tickets,
            TicketHistory history,
            TicketConfiguration configuration,
            ContractorService contractors,
            PublicTickets publicForm,
            String residentLogin) {
        this.registry = Objects.requireNonNull(registry);
        this.accounts = Objects.requireNonNull(accounts);
        this.tickets = Objects.requireNonNull(tickets);
        this.history = Objects.requireNonNull(history);
        this.configuration = Objects.requireNonNull(configuration);
        this.contractors = Objects.requireNonNull(contractors);
        this.publicForm = Objects.requireNonNull(publicForm);
        this.residentLogin = residentLogin;
    }

    /** Makes the organisation's tickets unless it has tickets already (then does nothing). */
    public Result generateIfEmpty(long organisationId, long seed) {
        Organisation organisation = registry.organisations(SYSTEM).stream()
                .filter(o -> o.id() == organisationId)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no organisation " + organisationId));
        TicketQuery ofOrganisation = TicketQuery.all().withOrganisation(organisationId);
        if (tickets.list(SYSTEM, ofOrganisation.withPage(0, 1)).total() > 0) {
            return Result.skipped(organisation.name());
        }
        return new Run(
                        organisation,
                        new Random(seed ^ 0x7C1E75L ^ organisation.country().hashCode()))
                .generate();
    }

    /** A linked worker: its account acting as itself, and where its grant lets it work. */
    private record Hand(Subject subject, ContractorWorker worker, Set<Long> buildings) {}

    /** One organisation's generation. */
    private final class Run {

        private final Organisation organisation;
        private final String country;
        private final Random random;
        private final Map<Long, Building> buildings = new LinkedHashMap<>();
        private final Map<Long, List<Unit>> unitsByBuilding = new HashMap<>();
        private final Map<String, Category> categoryByGroup = new HashMap<>();
        private final List<ContractorCompany> companies = new ArrayList<>();
        private final Map<Long, List<ContractorWorker>> workersByCompany = new HashMap<>();
        private final Map<Long, List<Hand>> handsByCompany = new HashMap<>();
        private final Map<Long, String> publicCodes = new HashMap<>();
        private final Map<TicketStatus, Integer> reached = new EnumMap<>(TicketStatus.class);
        private Subject manager;
        private Subject resident;
        private List<Holding> residentHoldings = List.of();
        private int workerCount;
        private int publicCount;
        private int refusals;
        /** When generation started: no step is recorded later. */
        private final Instant now = Instant.now();
        /** The instant of the current ticket's last step; null while a public form ticket is made live. */
        private Instant when;

        Run(Organisation organisation, Random random) {
            this.organisation = organisation;
            this.country = organisation.country();
            this.random = random;
        }

        Result generate() {
            loadRegistry();
            findPeople();
            if (manager == null || buildings.isEmpty()) {
                return Result.skipped(organisation.name());
            }
            makeCategories();
            makeCompanies();
            List<Planned> plan = TicketPlan.plan(
                    TicketTexts.PROBLEMS.get(country), TICKETS, residentHoldings.isEmpty() ? 0 : PORTAL, random);
            // Filed in the order they came in, so that references grow with time; the public form's last (live).
            List<Dated> dated = new ArrayList<>();
            for (Planned p : plan) {
                dated.add(new Dated(p, p.source() == TicketSource.PUBLIC_FORM ? null : reportedAt(p.daysAgo())));
            }
            dated.sort(Comparator.comparing(Dated::reported, Comparator.nullsLast(Comparator.naturalOrder())));
            int made = 0;
            for (Dated d : dated) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("demo tickets stopped");
                }
                if (make(d.planned(), d.reported())) {
                    made++;
                }
            }
            return new Result(
                    true,
                    organisation.name(),
                    categoryByGroup.size(),
                    companies.size(),
                    workerCount,
                    made,
                    publicCount,
                    Map.copyOf(reached),
                    refusals);
        }

        // ---- the registry and the people ------------------------------------------------------------------

        private void loadRegistry() {
            Set<Long> estates = new HashSet<>();
            for (int offset = 0; ; offset += PAGE) {
                Page<Estate> page = registry.estates(SYSTEM, offset, PAGE);
                page.items().stream()
                        .filter(e -> e.organisationId() == organisation.id())
                        .forEach(e -> estates.add(e.id()));
                if (offset + PAGE >= page.total()) {
                    break;
                }
            }
            for (int offset = 0; ; offset += PAGE) {
                Page<Building> page = registry.buildings(SYSTEM, BuildingFilter.NONE, offset, PAGE);
                page.items().stream()
                        .filter(b -> estates.contains(b.estateId()))
                        .forEach(b -> buildings.put(b.id(), b));
                if (offset + PAGE >= page.total()) {
                    break;
                }
            }
            for (int offset = 0; ; offset += PAGE) {
                Page<Unit> page = registry.units(SYSTEM, UnitFilter.NONE, offset, PAGE);
                page.items().stream()
                        .filter(u -> buildings.containsKey(u.buildingId()))
                        .forEach(u -> unitsByBuilding
                                .computeIfAbsent(u.buildingId(), k -> new ArrayList<>())
                                .add(u));
                if (offset + PAGE >= page.total()) {
                    break;
                }
            }
        }

        /** The organisation's manager, its contractors and technicians (with where they work), the resident. */
        private void findPeople() {
            for (Account a : accounts.list()) {
                for (RoleGrant g : accounts.grants(a.id())) {
                    if (g.role() == Role.MANAGER
                            && g.scopeType() == ScopeType.ORGANISATION
                            && Objects.equals(g.scopeId(), organisation.id())) {
                        manager = accounts.subjectOf(a.id()).orElse(null);
                    }
                }
                if (a.login().equals(residentLogin)) {
                    Subject s = accounts.subjectOf(a.id()).orElse(null);
                    if (s != null) {
                        List<Holding> here = registry.myUnits(s).stream()
                                .filter(h -> buildings.containsKey(h.building().id()))
                                .toList();
                        if (!here.isEmpty()) {
                            resident = s;
                            residentHoldings = here;
                        }
                    }
                }
            }
        }

        /** Where a contractor's or technician's grant lets it work in this organisation, empty when nowhere. */
        private Set<Long> workplace(RoleGrant g) {
            Set<Long> where = new HashSet<>();
            if (g.scopeType() == null || g.scopeId() == null) {
                return where;
            }
            for (Building b : buildings.values()) {
                boolean covered =
                        switch (g.scopeType()) {
                            case ORGANISATION -> g.scopeId() == organisation.id();
                            case ESTATE -> g.scopeId() == b.estateId();
                            case BUILDING -> g.scopeId() == b.id();
                            default -> false;
                        };
                if (covered) {
                    where.add(b.id());
                }
            }
            return where;
        }

        // ---- records ------------------------------------------------------------------------------------

        /** The country's categories under their local names; existing ones of the same code are renamed. */
        private void makeCategories() {
            Map<String, Category> byCode = new HashMap<>();
            configuration.categories(manager, organisation.id()).forEach(c -> byCode.put(c.code(), c));
            for (CategoryText t : TicketTexts.CATEGORIES.get(country)) {
                Category existing = byCode.get(t.code());
                Category saved = configuration.saveCategory(
                        manager,
                        existing == null
                                ? new Category(0, organisation.id(), t.code(), t.name(), t.group(), true, 0)
                                : new Category(
                                        existing.id(),
                                        organisation.id(),
                                        t.code(),
                                        t.name(),
                                        t.group(),
                                        true,
                                        existing.version()));
                categoryByGroup.put(t.group(), saved);
            }
        }

        /**
         * The companies with their workers: the organisation's contractor logins work for the outside firms,
         * its technicians for its own maintenance team (the contractor too where it has no technician).
         */
        private void makeCompanies() {
            List<Account> contractorAccounts = new ArrayList<>();
            List<Account> technicianAccounts = new ArrayList<>();
            Map<Long, Set<Long>> workplaces = new HashMap<>();
            for (Account a : accounts.list()) {
                for (RoleGrant g : accounts.grants(a.id())) {
                    Set<Long> where = workplace(g);
                    if (where.isEmpty()) {
                        continue;
                    }
                    if (g.role() == Role.CONTRACTOR) {
                        contractorAccounts.add(a);
                        workplaces.put(a.id(), where);
                    } else if (g.role() == Role.TECHNICIAN) {
                        technicianAccounts.add(a);
                        workplaces.put(a.id(), where);
                    }
                }
            }
            List<CompanyText> texts = TicketTexts.COMPANIES.get(country);
            for (int i = 0; i < texts.size(); i++) {
                CompanyText t = texts.get(i);
                ContractorCompany company = contractors.saveCompany(
                        manager,
                        new ContractorCompany(
                                0,
                                organisation.id(),
                                t.name(),
                                t.registration(),
                                t.phone(),
                                null,
                                t.groups(),
                                true,
                                0));
                companies.add(company);
                List<ContractorWorker> workers = new ArrayList<>();
                for (String name : t.workers()) {
                    workers.add(contractors.saveWorker(
                            manager,
                            new ContractorWorker(
                                    0,
                                    company.id(),
                                    name,
                                    null,
                                    null,
                                    Set.of(),
                                    null,
                                    false,
                                    null,
                                    null,
                                    null,
                                    true,
                                    0)));
                }
                boolean ownTeam = i == texts.size() - 1;
                List<Account> linked =
                        ownTeam && !technicianAccounts.isEmpty() ? technicianAccounts : contractorAccounts;
                List<Hand> hands = new ArrayList<>();
                for (Account a : linked) {
                    ContractorWorker w = contractors.saveWorker(
                            manager,
                            new ContractorWorker(
                                    0,
                                    company.id(),
                                    a.displayName(),
                                    null,
                                    a.email(),
                                    Set.of(),
                                    a.id(),
                                    true,
                                    null,
                                    null,
                                    null,
                                    true,
                                    0));
                    workers.add(w);
                    accounts.subjectOf(a.id()).ifPresent(s -> hands.add(new Hand(s, w, workplaces.get(a.id()))));
                }
                workersByCompany.put(company.id(), workers);
                handsByCompany.put(company.id(), hands);
                workerCount += workers.size();
            }
            // The linked workers report where they are, next to one of their buildings, for the managers' map.
            Set<Long> reported = new HashSet<>();
            for (List<Hand> hands : handsByCompany.values()) {
                for (Hand h : hands) {
                    if (!reported.add(h.subject().accountId())) {
                        continue;
                    }
                    Building b = buildings.get(h.buildings().iterator().next());
                    if (b.latitude() != null && b.longitude() != null) {
                        contractors.reportPosition(h.subject(), near(b.latitude()), near(b.longitude()));
                    }
                }
            }
        }

        private BigDecimal near(BigDecimal coordinate) {
            return coordinate
                    .add(BigDecimal.valueOf(random.nextInt(41) - 20, 4))
                    .setScale(6, RoundingMode.HALF_UP);
        }

        // ---- tickets ------------------------------------------------------------------------------------

        /** A planned ticket and when it was reported (null: through the public form, now). */
        private record Dated(Planned planned, Instant reported) {}

        /** Some time of the office day {@code daysAgo} days back in the organisation's zone, never after now. */
        private Instant reportedAt(int daysAgo) {
            LocalDate day = tickets.today(organisation.id()).minusDays(daysAgo);
            Instant start = tickets.startOfDay(organisation.id(), day);
            Instant at = start.plus(7 * 60 + random.nextInt(12 * 60), ChronoUnit.MINUTES);
            if (at.isAfter(now)) {
                long span = Math.max(1, ChronoUnit.SECONDS.between(start, now));
                at = start.plusSeconds((long) (random.nextDouble() * span));
            }
            return at;
        }

        /**
         * The services for the current ticket's next step, {@code after} its last one (never later than now);
         * the live services for a ticket made live.
         */
        private TicketService after(Duration after) {
            if (when == null) {
                return tickets;
            }
            Instant next = when.plus(after);
            when = next.isAfter(now) ? now : next;
            return history.at(SYSTEM, when);
        }

        /** Submits one planned ticket and takes it along the workflow; false when it could not be submitted. */
        private boolean make(Planned p, Instant reported) {
            when = reported;
            TicketService filing = reported == null ? tickets : history.at(SYSTEM, reported);
            Category category = categoryByGroup.get(p.problem().group());
            ContractorCompany company = companyFor(p.problem().group());
            List<Hand> hands = handsByCompany.getOrDefault(company.id(), List.of());
            Hand hand = hands.isEmpty() ? null : hands.get(random.nextInt(hands.size()));
            boolean worked = WORKED.contains(p.target());

            Ticket ticket;
            Subject requester;
            try {
                if (p.source() == TicketSource.PORTAL && resident != null) {
                    Holding h = residentHoldings.get(random.nextInt(residentHoldings.size()));
                    requester = resident;
                    ticket = filing.submit(
                            resident, newTicket(p, category, h.building().id(), h.unit(), null));
                } else {
                    long building = buildingFor(p, worked ? hand : null);
                    if (p.source() == TicketSource.PUBLIC_FORM) {
                        requester = null;
                        ticket = submitPublic(p, category, building);
                    } else {
                        requester = manager;
                        Unit unit = p.problem().area() == TicketArea.UNIT ? unitOf(building) : null;
                        String holder = unit == null ? null : holderOf(unit);
                        ticket = filing.submit(manager, newTicket(p, category, building, unit, holder));
                    }
                }
            } catch (DomusException e) {
                refusals++;
                return false;
            }
            TicketStatus status = walk(ticket, p, company, hand, requester);
            reached.merge(status, 1, Integer::sum);
            return true;
        }

        private NewTicket newTicket(Planned p, Category category, long building, Unit unit, String holder) {
            boolean forUnit = p.problem().area() == TicketArea.UNIT && unit != null;
            return new NewTicket(
                    forUnit
                            ? TicketArea.UNIT
                            : p.problem().area() == TicketArea.UNIT
                                    ? TicketArea.BUILDING
                                    : p.problem().area(),
                    forUnit ? unit.id() : null,
                    forUnit ? null : building,
                    category.id(),
                    p.priority(),
                    p.problem().title(),
                    p.problem().description(),
                    holder,
                    null,
                    null,
                    holder == null ? ContactPreference.APP : ContactPreference.PHONE,
                    null,
                    null,
                    null,
                    null);
        }

        private Ticket submitPublic(Planned p, Category category, long building) {
            String code = publicCodes.computeIfAbsent(
                    building, b -> publicForm.code(manager, b).code());
            List<String> names = TicketTexts.PUBLIC_NAMES.get(country);
            String name = random.nextBoolean() ? names.get(random.nextInt(names.size())) : null;
            // One documentation address (RFC 5737) per submission: the per-address limit is for real visitors.
            publicCount++;
            String address = "198.51.100." + (publicCount % 250 + 1);
            PublicSubmission submitted = publicForm.submit(
                    code, new PublicForm(category.id(), p.problem().description(), name, null, null, null), address);
            TicketQuery byReference = new TicketQuery(
                    organisation.id(),
                    null,
                    building,
                    null,
                    null,
                    null,
                    null,
                    null,
                    Set.of(),
                    null,
                    TicketSource.PUBLIC_FORM,
                    null,
                    null,
                    null,
                    null,
                    false,
                    submitted.reference(),
                    null,
                    true,
                    0,
                    1);
            return tickets.list(manager, byReference).items().get(0);
        }

        /**
         * Takes the ticket towards its planned status, each step by whoever does it in real life; a step the
         * module refuses ends the walk where the ticket is. Returns the status reached.
         */
        private TicketStatus walk(Ticket ticket, Planned p, ContractorCompany company, Hand hand, Subject requester) {
            long id = ticket.id();
            TicketStatus target = p.target();
            TicketStatus at = ticket.status();
            TicketPriority priority = p.priority();
            try {
                if (target == TicketStatus.NEW) {
                    return at;
                }
                if (target == TicketStatus.REJECTED) {
                    List<String> reasons = TicketTexts.REJECTIONS.get(country);
                    return move(
                            after(StepTimes.response(priority, random)),
                            manager,
                            id,
                            TransitionRequest.to(TicketStatus.REJECTED, reasons.get(random.nextInt(reasons.size()))));
                }
                if (target == TicketStatus.CANCELLED && random.nextBoolean()) {
                    return move(
                            after(StepTimes.cancellation(random)),
                            manager,
                            id,
                            TransitionRequest.to(TicketStatus.CANCELLED, TicketTexts.CANCELLATIONS.get(country)));
                }
                at = move(
                        after(StepTimes.response(priority, random)),
                        manager,
                        id,
                        TransitionRequest.to(TicketStatus.ACCEPTED, null));
                if (target == TicketStatus.ACCEPTED) {
                    return at;
                }
                if (target == TicketStatus.CANCELLED) {
                    return move(
                            after(StepTimes.cancellation(random)),
                            manager,
                            id,
                            TransitionRequest.to(TicketStatus.CANCELLED, TicketTexts.CANCELLATIONS.get(country)));
                }
                Long worker = hand != null ? Long.valueOf(hand.worker().id()) : someWorker(company);
                at = move(
                        after(StepTimes.assignment(random)),
                        manager,
                        id,
                        new TransitionRequest(TicketStatus.ASSIGNED, null, company.id(), worker, null, null, null));
                if (requester != null && random.nextInt(100) < 40) {
                    after(StepTimes.feedback(random)).feedback(manager, id, TicketTexts.FEEDBACK.get(country));
                }
                if (hand == null || target == TicketStatus.ASSIGNED && random.nextBoolean()) {
                    return at;
                }
                after(StepTimes.contractorAccepts(random)).acceptAssignment(hand.subject(), id);
                if (target == TicketStatus.ASSIGNED) {
                    return at;
                }
                at = move(
                        after(StepTimes.start(priority, random)),
                        hand.subject(),
                        id,
                        TransitionRequest.to(TicketStatus.IN_PROGRESS, null));
                List<String> notes = TicketTexts.WORK_NOTES.get(country);
                after(StepTimes.work(random))
                        .logWork(
                                hand.subject(),
                                id,
                                15 * (1 + random.nextInt(12)),
                                notes.get(random.nextInt(notes.size())));
                if (target == TicketStatus.IN_PROGRESS) {
                    return at;
                }
                at = move(
                        after(StepTimes.resolution(priority, random)),
                        hand.subject(),
                        id,
                        TransitionRequest.to(TicketStatus.DONE, null));
                if (target == TicketStatus.DONE || requester == null) {
                    return at;
                }
                if (target == TicketStatus.REOPENED) {
                    return move(
                            after(StepTimes.reopening(random)),
                            requester,
                            id,
                            TransitionRequest.to(TicketStatus.REOPENED, TicketTexts.REOPENINGS.get(country)));
                }
                List<String> comments = TicketTexts.RATING_COMMENTS.get(country);
                String comment =
                        p.rating() >= 4 ? comments.get(0) : p.rating() == 3 ? comments.get(2) : comments.get(1);
                return move(
                        after(StepTimes.confirmation(random)),
                        requester,
                        id,
                        new TransitionRequest(TicketStatus.CONFIRMED, null, null, null, p.rating(), comment, null));
            } catch (DomusException e) {
                refusals++;
                return tickets.get(manager, id).status();
            }
        }

        private TicketStatus move(TicketService service, Subject subject, long ticketId, TransitionRequest request) {
            return service.transition(subject, ticketId, request).status();
        }

        private ContractorCompany companyFor(String group) {
            return companies.stream()
                    .filter(c -> c.groups().contains(group))
                    .findFirst()
                    .orElse(companies.get(companies.size() - 1));
        }

        private Long someWorker(ContractorCompany company) {
            List<ContractorWorker> workers = workersByCompany.getOrDefault(company.id(), List.of());
            return workers.isEmpty()
                    ? null
                    : workers.get(random.nextInt(workers.size())).id();
        }

        /** A building where the worker may work (for tickets that get worked on), else any of the organisation. */
        private long buildingFor(Planned p, Hand hand) {
            List<Long> choice = new ArrayList<>(hand == null ? buildings.keySet() : hand.buildings());
            if (p.problem().area() == TicketArea.UNIT) {
                choice.removeIf(b -> unitsByBuilding.getOrDefault(b, List.of()).isEmpty());
                if (choice.isEmpty()) {
                    choice.addAll(unitsByBuilding.keySet());
                }
            }
            return choice.get(random.nextInt(choice.size()));
        }

        private Unit unitOf(long building) {
            List<Unit> units = unitsByBuilding.getOrDefault(building, List.of());
            return units.isEmpty() ? null : units.get(random.nextInt(units.size()));
        }

        /** The name of one of the unit's current holders (who called the office), or null. */
        private String holderOf(Unit unit) {
            List<Holding.Holder> holders = registry.currentHolders(SYSTEM, List.of(unit.id()), LocalDate.now())
                    .getOrDefault(unit.id(), List.of());
            return holders.isEmpty()
                    ? null
                    : holders.get(random.nextInt(holders.size())).name();
        }
    }

    private static final int PAGE = 500;
}
