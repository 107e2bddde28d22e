package org.domus.ledger;

import java.math.BigDecimal;
import java.util.List;

/**
 * A recorded payment and where it went.
 *
 * @param transaction the payment transaction (debit bank or cash, credit the unit)
 * @param allocations the charges it settled, oldest first
 * @param credit the unit's unallocated credit after the payment (kept for the next charges)
 */
public record PaymentResult(LedgerTransaction transaction, List<PaymentAllocation> allocations, BigDecimal credit) {

    public PaymentResult {
        allocations = List.copyOf(allocations);
    }
}
