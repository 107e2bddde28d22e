package org.domus.ledger.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.domus.core.registry.Share;
import org.domus.core.registry.UnitState;
import org.domus.ledger.ChargeBasis;
import org.domus.ledger.ChargeComponent;
import org.domus.ledger.ChargeLine;
import org.domus.ledger.ChargeRate;
import org.domus.ledger.Exemption;
import org.domus.ledger.LedgerAmounts;
import org.domus.ledger.RateLevel;

/**
 * Computes a unit's charge lines for a month from the rates in force on its first day: the most specific
 * rate wins (unit, then building, estate, organisation); exempted units get no line; each line is
 * computed exactly and rounded once, {@code HALF_UP} to two decimals; zero lines are left out. Pure: the
 * billing service gathers the facts and this class only computes.
 */
final class ChargeCalculator {

    /** What the calculation needs to know about a unit (from the registry). */
    record UnitFacts(
            long unitId,
            long buildingId,
            long estateId,
            long organisationId,
            BigDecimal area,
            Share share,
            UnitState state) {}

    private final List<ChargeComponent> components;
    private final Map<Long, Map<String, List<ChargeRate>>> rates = new HashMap<>();
    private final Map<Long, Map<Long, List<Exemption>>> exemptions = new HashMap<>();
    private final Map<Long, Integer> persons;
    private final Map<Long, Map<Long, BigDecimal>> provided;

    /**
     * @param components active components, in allocation order
     * @param rates every rate of those components
     * @param exemptions every exemption of those components
     * @param persons persons declared per unit on the month's first day
     * @param provided quantities of provided components: component id -> unit id -> quantity
     */
    ChargeCalculator(
            List<ChargeComponent> components,
            List<ChargeRate> rates,
            List<Exemption> exemptions,
            Map<Long, Integer> persons,
            Map<Long, Map<Long, BigDecimal>> provided) {
        this.components = List.copyOf(components);
        for (ChargeRate r : rates) {
            this.rates
                    .computeIfAbsent(r.componentId(), c -> new HashMap<>())
                    .computeIfAbsent(r.level() + ":" + r.scopeId(), k -> new ArrayList<>())
                    .add(r);
        }
        for (Exemption x : exemptions) {
            this.exemptions
                    .computeIfAbsent(x.componentId(), c -> new HashMap<>())
                    .computeIfAbsent(x.unitId(), u -> new ArrayList<>())
                    .add(x);
        }
        this.persons = persons;
        this.provided = provided;
    }

    List<ChargeLine> lines(UnitFacts unit, YearMonth month) {
        List<ChargeLine> lines = new ArrayList<>();
        if (unit.state() == UnitState.DECOMMISSIONED) {
            return lines;
        }
        LocalDate day = month.atDay(1);
        for (ChargeComponent c : components) {
            if (exempt(c.id(), unit.unitId(), day)) {
                continue;
            }
            ChargeRate rate = rateFor(c.id(), unit, day);
            if (rate == null) {
                continue;
            }
            BigDecimal quantity;
            BigDecimal amount;
            switch (c.basis()) {
                case PER_AREA -> {
                    quantity = unit.area();
                    amount = LedgerAmounts.line(rate.amount().multiply(quantity));
                }
                case PER_PERSON -> {
                    quantity = BigDecimal.valueOf(persons.getOrDefault(unit.unitId(), 0));
                    amount = LedgerAmounts.line(rate.amount().multiply(quantity));
                }
                case PER_UNIT, FIXED -> {
                    quantity = BigDecimal.ONE;
                    amount = LedgerAmounts.line(rate.amount());
                }
                case BY_SHARE -> {
                    Share share = unit.share() == null ? Share.ZERO : unit.share();
                    BigDecimal numerator = BigDecimal.valueOf(share.numerator());
                    BigDecimal denominator = BigDecimal.valueOf(share.denominator());
                    quantity = numerator.divide(denominator, 8, RoundingMode.HALF_UP);
                    // exact product / denominator, rounded once
                    amount = rate.amount()
                            .multiply(numerator)
                            .divide(denominator, LedgerAmounts.SCALE, LedgerAmounts.ROUNDING);
                }
                case PROVIDED -> {
                    quantity = provided.getOrDefault(c.id(), Map.of()).get(unit.unitId());
                    if (quantity == null) {
                        continue;
                    }
                    amount = LedgerAmounts.line(rate.amount().multiply(quantity));
                }
                default -> throw new IllegalStateException("basis " + c.basis());
            }
            if (amount.signum() != 0) {
                lines.add(new ChargeLine(
                        unit.unitId(), c.id(), c.code(), c.basis(), month, quantity, rate.amount(), amount));
            }
        }
        return lines;
    }

    private boolean exempt(long componentId, long unitId, LocalDate day) {
        for (Exemption x : exemptions.getOrDefault(componentId, Map.of()).getOrDefault(unitId, List.of())) {
            if (x.appliesOn(day)) {
                return true;
            }
        }
        return false;
    }

    /** The most specific rate in force on the day, or null. */
    ChargeRate rateFor(long componentId, UnitFacts unit, LocalDate day) {
        Map<String, List<ChargeRate>> byScope = rates.getOrDefault(componentId, Map.of());
        String[] keys = {
            RateLevel.UNIT + ":" + unit.unitId(),
            RateLevel.BUILDING + ":" + unit.buildingId(),
            RateLevel.ESTATE + ":" + unit.estateId(),
            RateLevel.ORGANISATION + ":" + unit.organisationId()
        };
        for (String key : keys) {
            for (ChargeRate r : byScope.getOrDefault(key, List.of())) {
                if (r.appliesOn(day)) {
                    return r;
                }
            }
        }
        return null;
    }

    boolean needs(ChargeBasis basis) {
        return components.stream().anyMatch(c -> c.basis() == basis);
    }
}
