package org.domus.web.components;

import java.util.List;
import java.util.Objects;

/**
 * One row of numbers of a {@link DomusChart}: one value per label of the chart.
 *
 * @param name the series' name, shown in the legend and as the row header of the hidden table
 * @param values one finite number per label ({@code BigDecimal} amounts are fine; they are drawn as
 *     doubles)
 */
public record ChartSeries(String name, List<? extends Number> values) {

    public ChartSeries {
        Objects.requireNonNull(name, "name");
        values = List.copyOf(values);
        for (Number value : values) {
            if (!Double.isFinite(value.doubleValue())) {
                throw new IllegalArgumentException("Chart values must be finite numbers: " + value);
            }
        }
    }
}
