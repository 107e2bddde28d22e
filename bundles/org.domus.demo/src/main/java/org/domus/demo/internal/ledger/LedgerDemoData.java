package org.domus.demo.internal.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.domus.core.Subject;
import org.domus.core.access.ScopeType;
import org.domus.core.registry.Building;
import org.domus.core.registry.BuildingFilter;
import org.domus.core.registry.Estate;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Page;
import org.domus.core.registry.RegistryService;
import org.domus.core.registry.Unit;
import org.domus.core.registry.UnitFilter;
import org.domus.ledger.BillingProgress;
import org.domus.ledger.BillingResult;
import org.domus.ledger.BillingScope;
import org.domus.ledger.BillingService;
import org.domus.ledger.ChargeBasis;
import org.domus.ledger.ChargeComponent;
import org.domus.ledger.ChargeLine;
import org.domus.ledger.ChargeService;
import org.domus.ledger.NewPayment;
import org.domus.ledger.PaymentMethod;
import org.domus.ledger.PaymentService;
import org.domus.ledger.RateLevel;

/**
 * A demo organisation's ledger, made through the ledger's exported services only: the charge components of its
 * country under their local names with estate-level rates in its own currency (Czech components in CZK, Polish
 * in PLN, Romanian in RON: local amounts, nothing converted), the persons living in every unit, billing runs for
 * the last {@value #MONTHS} months (the current one included) and the residents' payments with the unit's payment
 * reference: most pay on time, some late, a few owe for months, one paid double.
 */
public final class LedgerDemoData {

    static final Subject SYSTEM = Subject.system("demo", "Demo generator");
    /** Months billed: the current one and the ones before it. */
    static final int MONTHS = 4;

    /** How a unit's holders pay, decided once per unit. */
    enum Payer {
        ON_TIME,
        LATE,
        DEBTOR,
        OVERPAYS
    }

    /** A component of one country's organisation and its rate in the country's currency. */
    record Component(String country, String code, String name, ChargeBasis basis, String localRate) {}

    static final List<Component> COMPONENTS = List.of(
            new Component("CZ", "CZ_FOND_OPRAV", "Fond oprav", ChargeBasis.PER_AREA, "30.00"),
            new Component("CZ", "CZ_SPRAVA", "Správa domu", ChargeBasis.PER_UNIT, "290.00"),
            new Component("CZ", "CZ_VODA", "Záloha na vodu", ChargeBasis.PER_PERSON, "450.00"),
            new Component("CZ", "CZ_TEPLO", "Záloha na teplo", ChargeBasis.PER_AREA, "28.00"),
            new Component("CZ", "CZ_VYTAH", "Výtah", ChargeBasis.PER_PERSON, "45.00"),
            new Component("PL", "PL_EKSPLOATACJA", "Eksploatacja", ChargeBasis.PER_AREA, "2.10"),
            new Component("PL", "PL_FUNDUSZ_REMONTOWY", "Fundusz remontowy", ChargeBasis.PER_AREA, "2.50"),
            new Component("PL", "PL_WODA", "Zaliczka na wodę i ścieki", ChargeBasis.PER_PERSON, "70.00"),
            new Component("PL", "PL_SMIECI", "Wywóz śmieci", ChargeBasis.PER_PERSON, "37.00"),
            new Component("RO", "RO_INTRETINERE", "Întreținere părți comune", ChargeBasis.PER_UNIT, "60.00"),
            new Component("RO", "RO_FOND_REPARATII", "Fond de reparații", ChargeBasis.PER_AREA, "1.50"),
            new Component("RO", "RO_APA", "Apă rece și canal", ChargeBasis.PER_PERSON, "45.00"),
            new Component("RO", "RO_SALUBRIZARE", "Salubrizare", ChargeBasis.PER_PERSON, "14.00"));

    /** What was made for one organisation; {@code charged} is in {@code currency}, the organisation's. */
    public record Result(
            boolean created,
            String organisation,
            int components,
            int units,
            int months,
            int charges,
            int payments,
            BigDecimal charged,
            String currency) {
        static Result skipped(String organisation) {
            return new Result(false, organisation, 0, 0, 0, 0, 0, BigDecimal.ZERO, null);
        }
    }

    private final RegistryService registry;
    private final ChargeService charges;
    private final BillingService billing;
    private final PaymentService payments;
    private final Clock clock;

    public LedgerDemoData(
            RegistryService registry,
            ChargeService charges,
            BillingService billing,
            PaymentService payments,
            Clock clock) {
        this.registry = Objects.requireNonNull(registry);
        this.charges = Objects.requireNonNull(charges);
        this.billing = Objects.requireNonNull(billing);
        this.payments = Objects.requireNonNull(payments);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Makes the organisation's ledger unless it has charge components already (then does nothing). */
    public Result generateIfEmpty(long organisationId, long seed) {
        Organisation organisation = registry.organisations(SYSTEM).stream()
                .filter(o -> o.id() == organisationId)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no organisation " + organisationId));
        if (!charges.components(SYSTEM, organisationId).isEmpty()) {
            return Result.skipped(organisation.name());
        }
        List<Component> components = COMPONENTS.stream()
                .filter(c -> c.country().equals(organisation.country()))
                .toList();
        // Each organisation its own random source, so one's data do not depend on whether another was made.
        Random random = new Random(seed ^ 0x1ED6E7L ^ organisation.country().hashCode());
        YearMonth current = YearMonth.now(clock);
        YearMonth first = current.minusMonths(MONTHS - 1L);
        LocalDate validFrom = first.atDay(1);

        // The organisation's estates, the ones with buildings, and its units.
        Set<Long> estates = new HashSet<>();
        for (int offset = 0; ; offset += PAGE) {
            Page<Estate> page = registry.estates(SYSTEM, offset, PAGE);
            page.items().stream()
                    .filter(e -> e.organisationId() == organisationId)
                    .forEach(e -> estates.add(e.id()));
            if (offset + PAGE >= page.total()) {
                break;
            }
        }
        Set<Long> builtEstates = new TreeSet<>();
        Set<Long> buildings = new HashSet<>();
        for (int offset = 0; ; offset += PAGE) {
            Page<Building> page = registry.buildings(SYSTEM, BuildingFilter.NONE, offset, PAGE);
            for (Building b : page.items()) {
                if (estates.contains(b.estateId())) {
                    builtEstates.add(b.estateId());
                    buildings.add(b.id());
                }
            }
            if (offset + PAGE >= page.total()) {
                break;
            }
        }
        List<Unit> units = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            Page<Unit> page = registry.units(SYSTEM, UnitFilter.NONE, offset, PAGE);
            page.items().stream()
                    .filter(u -> buildings.contains(u.buildingId()))
                    .forEach(units::add);
            if (offset + PAGE >= page.total()) {
                break;
            }
        }

        int priority = 1;
        for (Component c : components) {
            ChargeComponent created = charges.createComponent(
                    SYSTEM,
                    new ChargeComponent(0, organisationId, c.code(), c.name(), c.basis(), null, priority++, true, 0));
            BigDecimal rate = new BigDecimal(c.localRate());
            for (long estate : builtEstates) {
                charges.addRate(SYSTEM, created.id(), RateLevel.ESTATE, estate, rate, validFrom);
            }
        }

        // Persons living in each unit: about one per room, at least one.
        for (Unit u : units) {
            int rooms = u.rooms() == null ? 2 : u.rooms();
            int persons = Math.max(1, Math.min(6, rooms - 1 + random.nextInt(3)));
            charges.declarePersons(SYSTEM, u.id(), persons, validFrom);
        }

        Map<Long, Payer> payers = new LinkedHashMap<>();
        Long overpayer = null;
        for (Unit u : units) {
            int roll = random.nextInt(100);
            Payer p = roll < 78 ? Payer.ON_TIME : roll < 93 ? Payer.LATE : Payer.DEBTOR;
            if (overpayer == null && p == Payer.ON_TIME) {
                overpayer = u.id();
                p = Payer.OVERPAYS;
            }
            payers.put(u.id(), p);
        }
        Map<Long, String> references = new HashMap<>();
        for (Unit u : units) {
            references.put(u.id(), u.variableSymbol() == null ? u.virtualAccount() : u.variableSymbol());
        }

        LocalDate today = LocalDate.now(clock);
        BillingScope scope = new BillingScope(ScopeType.ORGANISATION, organisationId);
        int chargeLines = 0;
        int paymentCount = 0;
        BigDecimal charged = BigDecimal.ZERO;
        for (YearMonth month = first; !month.isAfter(current); month = month.plusMonths(1)) {
            BillingResult run = billing.run(SYSTEM, scope, month, BillingProgress.NONE);
            chargeLines += run.lines().size();
            charged = charged.add(run.total());
            Map<Long, BigDecimal> due = new LinkedHashMap<>();
            for (ChargeLine line : run.lines()) {
                due.merge(line.unitId(), line.amount(), BigDecimal::add);
            }
            List<NewPayment> batch = new ArrayList<>();
            boolean lastMonths = !month.isBefore(current.minusMonths(1));
            for (Map.Entry<Long, BigDecimal> d : due.entrySet()) {
                Payer payer = payers.get(d.getKey());
                BigDecimal amount = d.getValue();
                LocalDate paidOn;
                switch (payer) {
                    case ON_TIME -> paidOn = month.atDay(5 + random.nextInt(15));
                    case OVERPAYS -> {
                        paidOn = month.atDay(10);
                        if (month.equals(first)) {
                            amount = amount.add(amount); // paid two months at once: a credit for the next charges
                        }
                    }
                    case LATE -> paidOn = month.plusMonths(1).atDay(3 + random.nextInt(20));
                    default -> paidOn = lastMonths ? null : month.atDay(20 + random.nextInt(8));
                }
                if (payer == Payer.DEBTOR && lastMonths) {
                    continue; // the debtors stopped paying two months ago
                }
                if (paidOn == null || paidOn.isAfter(today)) {
                    continue;
                }
                batch.add(new NewPayment(d.getKey(), amount, paidOn, PaymentMethod.BANK, references.get(d.getKey())));
            }
            if (!batch.isEmpty()) {
                paymentCount += payments.recordAll(SYSTEM, batch).size();
            }
        }
        return new Result(
                true,
                organisation.name(),
                components.size(),
                units.size(),
                MONTHS,
                chargeLines,
                paymentCount,
                charged,
                organisation.currency());
    }

    private static final int PAGE = 500;
}
