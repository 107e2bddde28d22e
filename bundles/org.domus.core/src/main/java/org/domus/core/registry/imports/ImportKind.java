package org.domus.core.registry.imports;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an import file holds, with its columns. Rows point at other registry objects by the keys an office
 * has in its spreadsheet: an estate by its name, a building by street, house number and city, a unit by
 * its building and unit number, a person by the office's own reference (member or customer number), which
 * is unique in the organisation.
 */
public enum ImportKind {
    /** Buildings of existing estates; key: estate, street, number, city. */
    BUILDINGS(List.of(
            new ImportColumn("estate", true, "Jižní Město"),
            new ImportColumn("street", true, "Květná"),
            new ImportColumn("number", true, "1024/12"),
            new ImportColumn("city", true, "Praha"),
            new ImportColumn("postcode", false, "149 00"),
            new ImportColumn("country", true, "CZ"),
            new ImportColumn("latitude", false, "50,031"),
            new ImportColumn("longitude", false, "14,5102"))),

    /** Units of existing buildings; key: building and unit number. */
    UNITS(List.of(
            new ImportColumn("building_street", true, "Květná"),
            new ImportColumn("building_number", true, "1024/12"),
            new ImportColumn("building_city", true, "Praha"),
            new ImportColumn("unit", true, "12"),
            new ImportColumn("kind", true, "FLAT"),
            new ImportColumn("floor", false, "3"),
            new ImportColumn("staircase", false, "A"),
            new ImportColumn("area", true, "61,5"),
            new ImportColumn("rooms", false, "3"),
            new ImportColumn("equipment", false, "balcony|cellar"),
            new ImportColumn("share", true, "615/45210"),
            new ImportColumn("legal_form", true, "OWNERSHIP"),
            new ImportColumn("state", false, "OCCUPIED"),
            new ImportColumn("rent", false, "8450,00"),
            new ImportColumn("rent_currency", false, "CZK"),
            new ImportColumn("variable_symbol", false, "1024012"),
            new ImportColumn("virtual_account", false, ""))),

    /** Persons of the organisation; key: the office's reference. */
    PERSONS(List.of(
            new ImportColumn("reference", true, "M-0042"),
            new ImportColumn("kind", false, "NATURAL"),
            new ImportColumn("first_name", false, "Jana"),
            new ImportColumn("last_name", false, "Nováková"),
            new ImportColumn("company_name", false, ""),
            new ImportColumn("registration_number", false, ""),
            new ImportColumn("email", false, "jana.novakova@example.cz"),
            new ImportColumn("phone", false, "+420 601 123 456"),
            new ImportColumn("street", false, "Květná 1024/12"),
            new ImportColumn("city", false, "Praha"),
            new ImportColumn("postcode", false, "149 00"),
            new ImportColumn("country", false, "CZ"),
            new ImportColumn("bank_account", false, "CZ65 0800 0000 1920 0014 5399"))),

    /** Tenures between existing units and persons; key: unit, person, role and first day. */
    TENURES(List.of(
            new ImportColumn("building_street", true, "Květná"),
            new ImportColumn("building_number", true, "1024/12"),
            new ImportColumn("building_city", true, "Praha"),
            new ImportColumn("unit", true, "12"),
            new ImportColumn("person_reference", true, "M-0042"),
            new ImportColumn("role", true, "OWNER"),
            new ImportColumn("share", false, "1/2"),
            new ImportColumn("valid_from", true, "01.03.2019"),
            new ImportColumn("valid_to", false, "")));

    private final List<ImportColumn> columns;

    ImportKind(List<ImportColumn> columns) {
        this.columns = List.copyOf(columns);
    }

    /** The columns in template order. */
    public List<ImportColumn> columns() {
        return columns;
    }

    /** The kind named {@code buildings}, {@code UNITS}...; empty for anything else. */
    public static Optional<ImportKind> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (ImportKind kind : values()) {
            if (kind.name().equalsIgnoreCase(name.strip())) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** Lower-case name as used in URLs, e.g. {@code units}. */
    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }
}
