package org.domus.ledger;

/**
 * A charge component of an organisation ("składnik opłat"): rent or fee, repair fund, water advance ...
 *
 * @param id database id, 0 for a new one
 * @param organisationId the organisation
 * @param code short code, unique in the organisation, e.g. {@code REPAIR_FUND}
 * @param name the name residents see
 * @param basis how the amount is computed
 * @param provider for {@link ChargeBasis#PROVIDED}: the {@link ChargeBasisProvider#key()} supplying the
 *     quantity, else null
 * @param priority order of allocation within a month: payments settle lower numbers first
 * @param active whether billing runs charge it
 * @param version optimistic-lock version
 */
public record ChargeComponent(
        long id,
        long organisationId,
        String code,
        String name,
        ChargeBasis basis,
        String provider,
        int priority,
        boolean active,
        long version) {}
