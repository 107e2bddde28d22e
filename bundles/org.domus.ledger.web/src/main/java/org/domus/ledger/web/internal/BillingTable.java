package org.domus.ledger.web.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.domus.ledger.ChargeLine;
import org.domus.ledger.LedgerAmounts;

/**
 * A billing run's lines as the accountant checks them: one row per unit, one column per component code,
 * the unit's total, and the column totals. The totals are sums of the rounded lines, so they equal the
 * run's total to the cent.
 */
final class BillingTable {

    /** One unit's charges by component code, and their sum. */
    record Row(long unitId, Map<String, BigDecimal> amounts, BigDecimal total) {}

    private final List<String> components;
    private final List<Row> rows;
    private final Map<String, BigDecimal> columnTotals;
    private final BigDecimal total;

    BillingTable(List<ChargeLine> lines) {
        TreeSet<String> codes = new TreeSet<>();
        Map<Long, Map<String, BigDecimal>> byUnit = new TreeMap<>();
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        BigDecimal all = zero();
        for (ChargeLine line : lines) {
            codes.add(line.componentCode());
            byUnit.computeIfAbsent(line.unitId(), id -> new LinkedHashMap<>())
                    .merge(line.componentCode(), line.amount(), BigDecimal::add);
            sums.merge(line.componentCode(), line.amount(), BigDecimal::add);
            all = all.add(line.amount());
        }
        List<Row> result = new ArrayList<>();
        byUnit.forEach((unit, amounts) -> result.add(
                new Row(unit, Map.copyOf(amounts), amounts.values().stream().reduce(zero(), BigDecimal::add))));
        this.components = List.copyOf(codes);
        this.rows = List.copyOf(result);
        this.columnTotals = Map.copyOf(sums);
        this.total = all;
    }

    /** Component codes, sorted: the columns. */
    List<String> components() {
        return components;
    }

    /** Units with at least one line, by id. */
    List<Row> rows() {
        return rows;
    }

    /** The sum of one component's column (0 for an unknown code). */
    BigDecimal columnTotal(String code) {
        return columnTotals.getOrDefault(code, zero());
    }

    /** The sum of every line. */
    BigDecimal total() {
        return total;
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(LedgerAmounts.SCALE);
    }
}
