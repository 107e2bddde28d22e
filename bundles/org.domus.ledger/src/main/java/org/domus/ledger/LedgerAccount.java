package org.domus.ledger;

import java.math.BigDecimal;

/**
 * An account of an organisation's books.
 *
 * @param id database id
 * @param organisationId the organisation whose books these are
 * @param kind what the account holds
 * @param code unique within the organisation, e.g. {@code UNIT:42:CZK}, {@code INCOME:7:CZK}, {@code BANK:CZK}
 * @param name a readable name
 * @param unitId the unit of a {@link AccountKind#UNIT_RECEIVABLE}, else null
 * @param componentId the charge component of an {@link AccountKind#INCOME}, else null
 * @param currency ISO 4217 code; every posting of the account is in it
 * @param balance the sum of the account's postings (debits positive)
 */
public record LedgerAccount(
        long id,
        long organisationId,
        AccountKind kind,
        String code,
        String name,
        Long unitId,
        Long componentId,
        String currency,
        BigDecimal balance) {}
