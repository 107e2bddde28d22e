package org.domus.ledger;

import java.math.BigDecimal;
import java.util.List;

/**
 * A unit's charges with what is still open, after allocating all money received (payments less refunds)
 * to the oldest charges first; within a month by the components' priority.
 *
 * @param unitId the unit
 * @param currency ISO 4217 code
 * @param charges every charge, oldest first, with its open part
 * @param credit money received beyond all charges (used by the next charges)
 * @param balance the unit's balance: open charges minus credit
 */
public record OpenItems(long unitId, String currency, List<OpenCharge> charges, BigDecimal credit, BigDecimal balance) {

    public OpenItems {
        charges = List.copyOf(charges);
    }

    /** Sum of the open parts. */
    public BigDecimal debt() {
        return charges.stream()
                .map(OpenCharge::open)
                .reduce(BigDecimal.ZERO.setScale(LedgerAmounts.SCALE), BigDecimal::add);
    }
}
