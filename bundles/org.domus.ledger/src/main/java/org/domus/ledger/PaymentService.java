package org.domus.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.domus.core.Subject;

/**
 * Payments, refunds and the allocation of money to charges. Recording needs {@link LedgerPermissions#POST}
 * on the unit; open items are readable by the unit's residents.
 *
 * <p>Allocation is derived, never stored: all money a unit has paid (payments less refunds, net of
 * reversals) settles its charges oldest month first and, within a month, by component priority
 * ({@link ChargeComponent#priority()}, the configurable order). So an overpayment is a credit that the
 * next charges use up automatically, and reversing a charge or a payment re-derives every allocation.
 */
public interface PaymentService {

    /**
     * Records a payment (debit bank or cash, credit the unit).
     *
     * @throws org.domus.core.DomusException INVALID {@code ledger.amount.invalid} for an amount not positive or
     *     with more than two decimals
     */
    PaymentResult record(Subject actor, NewPayment payment);

    /**
     * Records many payments in one database transaction: all of them or, when any is refused, none (the
     * exception names the failing payment's index, 0-based, as its last argument). Each unit is checked for
     * {@link LedgerPermissions#POST} before anything is written. The results are in the order of the input.
     *
     * @throws org.domus.core.DomusException as {@link #record} for the first payment that is refused
     */
    List<PaymentResult> recordAll(Subject actor, List<NewPayment> payments);

    /**
     * Pays credit back to a unit (debit the unit, credit bank or cash).
     *
     * @throws org.domus.core.DomusException INVALID {@code ledger.refund.exceeds-credit} when the unit's credit
     *     is smaller
     */
    LedgerTransaction refund(
            Subject actor,
            long unitId,
            BigDecimal amount,
            LocalDate bookingDate,
            PaymentMethod method,
            String reference);

    /** The unit's charges with their open parts, and its credit. */
    OpenItems openItems(Subject actor, long unitId);
}
