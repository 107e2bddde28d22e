package org.domus.ledger;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.domus.core.Subject;
import org.domus.core.registry.Page;

/**
 * The double-entry books of every organisation. Every call names the acting subject and is decided by the
 * {@link org.domus.core.access.AccessPolicy} with {@link LedgerPermissions}: a unit's ledger is readable
 * by staff holding {@link LedgerPermissions#READ} in the unit's scope and by the unit's current residents;
 * a resident asking for another unit gets {@code NOT_FOUND}, staff outside their scope {@code FORBIDDEN}.
 *
 * <p><b>Append-only.</b> There is no way to change or delete a posting: this interface has no such method
 * and the implementation issues no UPDATE or DELETE on {@code LEDGER_POSTING}. A mistake is corrected by
 * {@link #reverse}, which posts the exact opposite and links it to the original; a transaction is
 * reversed at most once, and a reversal is never reversed. Every transaction records who posted it and
 * when, and writes an audit event in the same database transaction.
 */
public interface LedgerService {

    /** Largest page a caller may ask for. */
    int MAX_PAGE = 1000;

    /**
     * Posts a manual transaction (kind {@link TransactionKind#MANUAL}), needs {@link LedgerPermissions#POST}
     * in the organisation.
     *
     * @throws org.domus.core.DomusException INVALID when the lines do not balance per currency
     *     ({@code ledger.transaction.unbalanced}), have fewer than two lines, a zero amount or more than two
     *     decimals ({@code ledger.amount.invalid}), name an account of another organisation
     *     ({@code ledger.account.not-found}); nothing is written then
     */
    LedgerTransaction post(Subject actor, NewTransaction transaction);

    /**
     * Posts the exact opposite of a transaction, booked on {@code bookingDate}, referencing it. Reversing a
     * billing run's transaction goes through {@link BillingService#reverse} instead.
     *
     * @throws org.domus.core.DomusException CONFLICT {@code ledger.transaction.already-reversed} when it was
     *     reversed before, INVALID {@code ledger.transaction.reversal-of-reversal}, {@code
     *     ledger.transaction.billing-run}
     */
    LedgerTransaction reverse(Subject actor, long transactionId, LocalDate bookingDate, String reason);

    /** One transaction with its postings ({@link LedgerPermissions#READ} in the organisation). */
    LedgerTransaction transaction(Subject actor, long transactionId);

    /**
     * The organisation account of this kind (for {@link AccountKind#INCOME}: of this component), created
     * on first use. Needs {@link LedgerPermissions#POST} in the organisation.
     */
    LedgerAccount organisationAccount(Subject actor, long organisationId, AccountKind kind, Long componentId);

    /** The organisation's accounts other than unit receivables ({@link LedgerPermissions#READ}). */
    List<LedgerAccount> organisationAccounts(Subject actor, long organisationId);

    /** The unit's receivable account, created on first use ({@link LedgerPermissions#POST}). */
    LedgerAccount unitAccount(Subject actor, long unitId);

    /** The unit's balance from the running balance (a primary-key read). */
    UnitBalance balance(Subject actor, long unitId);

    /** The unit's turnover sheet for the months {@code from}..{@code to} (at most 120 months). */
    TurnoverSheet turnover(Subject actor, long unitId, YearMonth from, YearMonth to);

    /** The unit's postings, newest first. */
    Page<Posting> postings(Subject actor, long unitId, int offset, int limit);
}
