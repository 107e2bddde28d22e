package org.domus.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
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
