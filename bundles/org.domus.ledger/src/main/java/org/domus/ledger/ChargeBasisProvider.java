package org.domus.ledger;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Map;

/**
 * Supplies the quantity of a {@link ChargeBasis#PROVIDED} component, implemented by another module (metering
 * publishes one per measured medium) and registered as an OSGi service. A component names the provider by
 * {@link #key()}; a billing run asks it once for all its units. A billing run whose component names a
 * provider that is not registered fails ({@code ledger.billing.provider-missing}) and posts nothing.
 */
public interface ChargeBasisProvider {

    /** Stable key a component refers to, e.g. {@code metering.cold-water}. */
    String key();

    /**
     * The quantities for the month, by unit id; a unit without a value is not charged. Quantities are
     * multiplied by the rate exactly and the line rounded once.
     */
    Map<Long, BigDecimal> quantities(Collection<Long> unitIds, YearMonth month);
}
