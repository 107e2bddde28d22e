package org.domus.ledger.imports;

import java.util.List;

/**
 * A line of the file that cannot be read.
 *
 * @param line the line (1-based)
 * @param field the column or field, null for the line as a whole
 * @param messageKey translation key
 * @param arguments the key's arguments
 */
public record StatementProblem(int line, String field, String messageKey, List<Object> arguments) {

    public StatementProblem {
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
    }

    public static StatementProblem of(int line, String field, String key, Object... arguments) {
        return new StatementProblem(line, field, key, List.of(arguments));
    }
}
