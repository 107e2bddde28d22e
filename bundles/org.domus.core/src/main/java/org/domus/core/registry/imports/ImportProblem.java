package org.domus.core.registry.imports;

import java.util.List;

/**
 * Why a row (or the file) cannot be imported.
 *
 * @param line line of the file where the row starts (the header is line 1); 0 for the file as a whole
 * @param column the column's header name, or null when the row as a whole is refused
 * @param messageKey translation key, e.g. {@code registry.import.building.unknown}
 * @param arguments values for the message's placeholders
 */
public record ImportProblem(int line, String column, String messageKey, List<Object> arguments) {

    public ImportProblem {
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
    }
}
