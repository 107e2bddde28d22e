package org.domus.ledger.internal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.domus.ledger.OpenCharge;
import org.domus.ledger.PaymentAllocation;
import org.domus.ledger.TransactionKind;

/**
 * Allocation of a unit's money to its charges, first in, first out: a pure function of the unit's postings,
 * so it never goes stale and needs no table. Charges are the postings of CHARGE transactions (and their
 * reversals) and positive manual postings, netted per month and component; money is everything credited
 * by payments, refunds (negative) and negative manual postings. Money settles charges by month, then by
 * component priority, then component id.
 */
final class Allocation {

    /**
     * One posting of a unit account.
     *
     * @param category the transaction's kind; for a reversal the kind of the transaction it reverses
     */
    record Row(long postingId, TransactionKind category, Long componentId, YearMonth period, BigDecimal amount) {}

    private record Key(YearMonth period, Long componentId) {}

    private final Map<Long, Integer> priorities;

    Allocation(Map<Long, Integer> priorities) {
        this.priorities = priorities;
    }

    static boolean isCharge(Row r) {
        return r.category() == TransactionKind.CHARGE
                || (r.category() == TransactionKind.MANUAL && r.amount().signum() > 0);
    }

    /** Charges netted per month and component, in settling order. */
    List<OpenCharge> charges(List<Row> rows) {
        Map<Key, BigDecimal> net = new LinkedHashMap<>();
        for (Row r : rows) {
            if (isCharge(r)) {
                net.merge(new Key(r.period(), r.componentId()), r.amount(), BigDecimal::add);
            }
        }
        List<Map.Entry<Key, BigDecimal>> entries = new ArrayList<>(net.entrySet());
        entries.sort(Comparator.comparing(
                        (Map.Entry<Key, BigDecimal> e) -> e.getKey().period())
                .thenComparing(e -> priority(e.getKey().componentId()))
                .thenComparing(e -> e.getKey().componentId() == null
                        ? Long.MAX_VALUE
                        : e.getKey().componentId()));
        List<OpenCharge> result = new ArrayList<>();
        for (Map.Entry<Key, BigDecimal> e : entries) {
            if (e.getValue().signum() > 0) {
                result.add(new OpenCharge(e.getKey().componentId(), e.getKey().period(), e.getValue(), e.getValue()));
            }
        }
        return result;
    }

    private int priority(Long componentId) {
        return componentId == null ? Integer.MAX_VALUE : priorities.getOrDefault(componentId, Integer.MAX_VALUE - 1);
    }

    /** Money received in the rows (payments less refunds), optionally only up to a posting id. */
    static BigDecimal money(List<Row> rows, long upToPostingId) {
        BigDecimal money = BigDecimal.ZERO;
        for (Row r : rows) {
            if (r.postingId() <= upToPostingId && !isCharge(r)) {
                money = money.subtract(r.amount());
            }
        }
        return money;
    }

    /** The charges with their open parts after settling them with {@code money}. */
    static List<OpenCharge> settle(List<OpenCharge> charges, BigDecimal money) {
        BigDecimal left = money.max(BigDecimal.ZERO);
        List<OpenCharge> result = new ArrayList<>(charges.size());
        for (OpenCharge c : charges) {
            BigDecimal paid = left.min(c.amount());
            left = left.subtract(paid);
            result.add(new OpenCharge(
                    c.componentId(), c.month(), c.amount(), c.amount().subtract(paid)));
        }
        return result;
    }

    /** What the money between {@code before} and {@code after} settled (a payment's allocation). */
    static List<PaymentAllocation> between(List<OpenCharge> charges, BigDecimal before, BigDecimal after) {
        List<OpenCharge> a = settle(charges, before);
        List<OpenCharge> b = settle(charges, after);
        List<PaymentAllocation> result = new ArrayList<>();
        for (int i = 0; i < charges.size(); i++) {
            BigDecimal settled = a.get(i).open().subtract(b.get(i).open());
            if (settled.signum() > 0) {
                result.add(new PaymentAllocation(
                        charges.get(i).componentId(), charges.get(i).month(), settled));
            }
        }
        return result;
    }

    /** Money beyond all charges. */
    static BigDecimal credit(List<OpenCharge> charges, BigDecimal money) {
        BigDecimal total = charges.stream().map(OpenCharge::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return money.subtract(total).max(BigDecimal.ZERO);
    }
}
