package org.domus.ledger;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a billing run (or its preview) computed.
 *
 * @param run the run: the new one, the one posted before ({@code alreadyPosted}), or null for a preview
 * @param preview true when nothing was written
 * @param alreadyPosted true when the month was billed for this scope before: nothing changed
 * @param lines the charge lines (of this run; for {@code alreadyPosted} empty)
 * @param units units with at least one line
 * @param skippedUnits units of the scope already billed for the month by another run (not charged again)
 * @param total sum of the lines
 * @param currency ISO 4217 code
 */
public record BillingResult(
        BillingRun run,
        boolean preview,
        boolean alreadyPosted,
        List<ChargeLine> lines,
        int units,
        int skippedUnits,
        BigDecimal total,
        String currency) {

    public BillingResult {
        lines = List.copyOf(lines);
    }
}
