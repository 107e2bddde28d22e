package org.domus.ledger;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * A unit that owes money.
 *
 * @param unitId the unit
 * @param unitNumber its number within the building
 * @param buildingId its building
 * @param address the building's address
 * @param estateId the building's estate
 * @param organisationId the estate's organisation
 * @param holders names of the unit's current holders (owners, members, tenants), possibly empty
 * @param currency the currency of the unit's account
 * @param debt the balance owed (positive)
 * @param since the oldest month not fully paid when payments settle the oldest charges first; the open
 *     charges are the newest ones that add up to the debt. When the debt exceeds all charges on record
 *     (an opening balance, a refund) it is the account's first month.
 * @param monthsOverdue months from {@code since} to the current month (0: only this month is open)
 */
public record Arrear(
        long unitId,
        String unitNumber,
        long buildingId,
        String address,
        long estateId,
        long organisationId,
        List<String> holders,
        String currency,
        BigDecimal debt,
        YearMonth since,
        int monthsOverdue) {
    public Arrear {
        holders = holders == null ? List.of() : List.copyOf(holders);
    }
}
