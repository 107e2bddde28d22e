package org.domus.ledger;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.domus.core.Subject;

/**
 * Monthly billing runs: for a month and a scope, every unit's charges from the rates in force, posted as one
 * ledger transaction (debits of the units, credits of the components' income accounts) in one database
 * transaction: all or nothing. Needs {@link LedgerPermissions#BILLING} on the scope.
 *
 * <p>Idempotent: a second run of the same month and scope changes nothing and answers
 * {@link BillingResult#alreadyPosted()}; a unit billed for the month by a run of another scope is skipped.
 * Runs of one organisation take turns (they lock the organisation's book row).
 */
public interface BillingService {

    /** Computes the run without writing anything. */
    BillingResult preview(Subject actor, BillingScope scope, YearMonth month, BillingProgress progress);

    /**
     * Posts the run, booked on the first day of the month.
     *
     * @throws org.domus.core.DomusException INVALID {@code ledger.billing.provider-missing} when a provided
     *     component's provider is not there (nothing is posted)
     */
    BillingResult run(Subject actor, BillingScope scope, YearMonth month, BillingProgress progress);

    /**
     * Reverses a posted run as a whole (one reversal transaction); the month can then be billed again.
     *
     * @throws org.domus.core.DomusException CONFLICT {@code ledger.billing.already-reversed}
     */
    BillingRun reverse(Subject actor, long runId, LocalDate bookingDate);

    /** One run ({@link LedgerPermissions#READ} on its scope). */
    BillingRun billingRun(Subject actor, long runId);

    /** The organisation's runs, newest first, optionally of one month only. */
    List<BillingRun> runs(Subject actor, long organisationId, YearMonth month);

    /**
     * The charges billed to a unit for a month, net of reversals, per component (readable by its residents).
     * Quantity and rate are null here: a preview of the unit's scope shows how each line is computed.
     */
    List<ChargeLine> charges(Subject actor, long unitId, YearMonth month);
}
