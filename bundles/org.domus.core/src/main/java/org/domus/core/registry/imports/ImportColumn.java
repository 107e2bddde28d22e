package org.domus.core.registry.imports;

/**
 * One column of an import file. Headers are matched by name ignoring case, spaces, hyphens and
 * underscores ({@code Unit number} matches {@code unit_number}).
 *
 * @param name the header as the template writes it, e.g. {@code building_street}
 * @param required whether the header must be present and the cell filled in every row
 * @param example a value the template's documentation shows, e.g. {@code 1234/100000}
 */
public record ImportColumn(String name, boolean required, String example) {}
