package org.domus.ledger;

import java.math.BigDecimal;

/**
 * A unit's balance in its organisation's currency.
 *
 * @param unitId the unit
 * @param accountId its receivable account, or null when nothing was ever posted
 * @param currency ISO 4217 code
 * @param balance charges minus payments: positive is owed, negative is the unit's credit
 */
public record UnitBalance(long unitId, Long accountId, String currency, BigDecimal balance) {

    /** What the unit owes (0 when in credit). */
    public BigDecimal debt() {
        return balance.signum() > 0 ? balance : BigDecimal.ZERO.setScale(LedgerAmounts.SCALE);
    }

    /** The unit's credit as a positive number (0 when it owes). */
    public BigDecimal credit() {
        return balance.signum() < 0 ? balance.negate() : BigDecimal.ZERO.setScale(LedgerAmounts.SCALE);
    }
}
