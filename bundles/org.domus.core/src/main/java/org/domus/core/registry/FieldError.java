package org.domus.core.registry;

import java.util.List;

/**
 * One refused field of a registry object.
 *
 * @param field property name, e.g. {@code variableSymbol}
 * @param messageKey translation key, e.g. {@code registry.vs.birth-number}
 * @param arguments values for the message's placeholders
 */
public record FieldError(String field, String messageKey, List<Object> arguments) {

    public FieldError {
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
    }
}
